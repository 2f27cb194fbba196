// Prints the C AST as readable C, parenthesising by precedence and putting a #line directive before every located function and statement.
import { cStringLiteral } from "./string-literal.js";
import type { CExpr, CField, CFunction, CMacro, CStmt, CTopLevel, CUnit, SourceLine } from "./ast.js";

/** C operator precedence: higher binds tighter. */
const BINARY_PRECEDENCE: Record<string, number> = {
  "*": 13, "/": 13, "%": 13,
  "+": 12, "-": 12,
  "<<": 11, ">>": 11,
  "<": 10, "<=": 10, ">": 10, ">=": 10,
  "==": 9, "!=": 9,
  "&": 8, "^": 7, "|": 6, "&&": 5, "||": 4,
  "=": 2, "+=": 2, "-=": 2, "*=": 2, "/=": 2, "%=": 2, "<<=": 2, ">>=": 2, "&=": 2, "^=": 2, "|=": 2,
};
const UNARY = 14;
const POSTFIX = 15;
const CONDITIONAL = 3;

function precedence(e: CExpr): number {
  switch (e.k) {
    case "num":
    case "string":
    case "id":
    case "macroArg":
      return 16;
    case "call":
    case "member":
    case "compound":
    case "index":
    case "initList":
    case "designated":
    case "scoped":
      return POSTFIX;
    case "sizeof":
      return UNARY;
    case "unary":
    case "cast":
      return UNARY;
    case "cond":
      return CONDITIONAL;
    case "binary":
      return BINARY_PRECEDENCE[e.op] ?? 1;
  }
}

/** Operators where clang warns about mixing without parentheses; we always parenthesise them for readers. */
const CLARIFY = new Set(["&", "|", "^", "<<", ">>", "&&"]);
/** Operators whose operands are parenthesised whenever they are other operators (clang warns of `a - b << c`, `a + b & c`). */
const CLARIFY_OPERANDS = new Set(["&", "|", "^", "<<", ">>"]);

export function printExpr(e: CExpr, min = 0): string {
  const text = printBare(e);
  return precedence(e) < min ? `(${text})` : text;
}

function printBare(e: CExpr): string {
  switch (e.k) {
    case "num":
      return e.text;
    case "string":
      return cStringLiteral(e.value);
    case "id":
      return e.name;
    case "macroArg":
      return `(${e.name})`;
    case "call":
      return `${e.fn}(${e.args.map((a) => printExpr(a, 2)).join(", ")})`;
    case "member":
      return `${printExpr(e.object, POSTFIX)}${e.arrow ? "->" : "."}${e.field}`;
    case "index":
      return `${printExpr(e.array, POSTFIX)}[${printExpr(e.index)}]`;
    case "initList":
      return `{ ${e.items.map((i) => printExpr(i, 2)).join(", ")} }`;
    case "designated":
      return `{ ${e.fields.map(([f, v]) => `.${f} = ${printExpr(v, 2)}`).join(", ")} }`;
    case "sizeof":
      return `sizeof(${printExpr(e.operand)})`;
    case "scoped": {
      const locals = e.locals.map((l) => `${l.type}${l.type.endsWith("*") ? "" : " "}${l.name}${l.init ? ` = ${printExpr(l.init, 2)}` : ""}; `).join("");
      return `({ ${locals}${(e.effects ?? []).map((x) => `${printExpr(x)}; `).join("")}${printExpr(e.value)}; })`;
    }
    case "compound":
      return `(${e.type}){ ${e.fields.map(([f, v]) => `.${f} = ${printExpr(v, 2)}`).join(", ")} }`;
    case "unary": {
      const operand = printExpr(e.operand, UNARY);
      // "-" before "-x" or "(-5)" must not read as "--": parenthesise an operand that starts with an operator character
      return /^[-+~!]/.test(operand) ? `${e.op}(${operand})` : `${e.op}${operand}`;
    }
    case "cast":
      return `(${e.type})${printExpr(e.operand, UNARY)}`;
    case "cond":
      return `${printExpr(e.test, CONDITIONAL + 1)} ? ${printExpr(e.then, CONDITIONAL)} : ${printExpr(e.else, CONDITIONAL)}`;
    case "binary": {
      const p = BINARY_PRECEDENCE[e.op] ?? 1;
      const assign = p === 2;
      const side = (child: CExpr, right: boolean) => {
        const needsClarity = child.k === "binary" && child.op !== e.op && (CLARIFY.has(child.op) || CLARIFY_OPERANDS.has(e.op)) && !assign;
        const min = needsClarity ? 16 : assign ? (right ? p : p + 1) : right ? p + 1 : p;
        return printExpr(child, min);
      };
      return `${side(e.left, false)} ${e.op} ${side(e.right, true)}`;
    }
  }
}

class Writer {
  private readonly lines: string[] = [];
  line(text: string, depth: number): void {
    this.lines.push(text === "" ? "" : `${"\t".repeat(depth)}${text}`);
  }
  directive(at: SourceLine | undefined): void {
    // an imported file's path may hold any character: the name is a C string literal
    if (at) this.lines.push(`#line ${at.line} ${cStringLiteral(at.file)}`);
  }
  toString(): string {
    return this.lines.join("\n") + "\n";
  }
}

/** A local's declaration without its semicolon: `__u8 b[4] TSBPF_SLOT = { 0 }`. */
function declText(s: CStmt & { k: "decl" }): string {
  const dims = s.length === null ? "[]" : s.length !== undefined ? `[${s.length}]` : "";
  return `${s.type}${s.type.endsWith("*") ? "" : " "}${s.name}${dims}${s.slot ? " TSBPF_SLOT" : ""}${s.init ? ` = ${printExpr(s.init, 2)}` : ""}`;
}

function printStmt(w: Writer, s: CStmt, depth: number): void {
  w.directive(s.at);
  switch (s.k) {
    case "decl":
      w.line(`${declText(s)};`, depth);
      return;
    case "expr":
      w.line(`${printExpr(s.expr)};`, depth);
      return;
    case "return":
      w.line(s.value ? `return ${printExpr(s.value)};` : "return;", depth);
      return;
    case "block":
      w.line("{", depth);
      for (const c of s.body) printStmt(w, c, depth + 1);
      w.line("}", depth);
      return;
    case "label":
      w.line(`${s.name}:`, Math.max(0, depth - 1));
      printStmt(w, s.body, depth);
      return;
    case "break":
    case "continue":
      w.line(`${s.k};`, depth);
      return;
    case "goto":
      w.line(`goto ${s.label};`, depth);
      return;
    case "pragma":
      w.line(`#pragma ${s.text}`, 0);
      return;
    case "comment": {
      const lines = s.text.split("\n");
      lines.forEach((l, i) => w.line(`${i ? " * " : "/* "}${commentText(l)}${i === lines.length - 1 ? " */" : ""}`, depth));
      return;
    }
    case "for": {
      const init = s.init?.k === "decl" ? declText(s.init) : "";
      w.line(`for (${init}; ${s.test ? printExpr(s.test) : ""}; ${s.update ? printExpr(s.update) : ""}) {`, depth);
      for (const c of s.body) printStmt(w, c, depth + 1);
      w.line("}", depth);
      return;
    }
    case "while":
      w.line(`while (${printExpr(s.test)}) {`, depth);
      for (const c of s.body) printStmt(w, c, depth + 1);
      w.line("}", depth);
      return;
    case "switch":
      w.line(`switch (${printExpr(s.test)}) {`, depth);
      for (const c of s.cases) {
        for (const v of c.values) w.line(`case ${printExpr(v)}:`, depth);
        if (c.isDefault) w.line("default:", depth);
        w.line("{", depth + 1);
        for (const b of c.body) printStmt(w, b, depth + 2);
        w.line("}", depth + 1);
      }
      w.line("}", depth);
      return;
    case "if":
      w.line(`if (${printExpr(s.test)}) {`, depth);
      for (const c of s.then) printStmt(w, c, depth + 1);
      if (s.else && s.else.length === 1 && s.else[0]!.k === "if") {
        w.line("} else", depth);
        printStmt(w, s.else[0]!, depth);
        return;
      }
      if (s.else) {
        w.line("} else {", depth);
        for (const c of s.else) printStmt(w, c, depth + 1);
      }
      w.line("}", depth);
      return;
  }
}

export function printFunction(w: Writer, f: CFunction): void {
  if (f.comment) w.line(`/* ${commentText(f.comment)} */`, 0);
  w.directive(f.at);
  const params = f.params.length ? f.params.map((p) => `${p.type}${p.type.endsWith("*") ? "" : " "}${p.name}`).join(", ") : "void";
  w.line(`${[...f.qualifiers, ...(f.section ? [`SEC(${cStringLiteral(f.section)})`] : []), f.returnType].join(" ")} ${f.name}(${params})`, 0);
  w.line("{", 0);
  for (const s of f.body) printStmt(w, s, 1);
  w.line("}", 0);
}

/** A macro on one line: a function-like macro's replacement in parentheses, so it stays one operand wherever it stands. */
function printMacro(m: CMacro): string {
  const head = `#define ${m.name}${m.params ? `(${m.params.join(", ")})` : ""}`;
  const body = "tokens" in m.body ? m.body.tokens : printExpr(m.body, m.params ? 17 : 16);
  return `${head} ${body}${m.comment ? ` /* ${commentText(m.comment)} */` : ""}`;
}

/** The text of a C comment: one that would end it early is refused (it comes from descriptions and names, never users). */
function commentText(text: string): string {
  if (text.includes("*/")) throw new Error(`internal: comment text with "*/": ${text}`);
  return text;
}

const fieldLine = (f: CField) =>
  `${f.type}${f.name ? `${f.type.endsWith("*") ? "" : " "}${f.name}` : ""}${f.length !== undefined ? `[${f.length}]` : ""}${f.attributes ? ` ${f.attributes}` : ""};${f.comment ? ` /* ${commentText(f.comment)} */` : ""}`;

function printStructBody(w: Writer, head: string, fields: readonly CField[], tail: string): void {
  w.line(`${head} {`, 0);
  for (const f of fields) w.line(fieldLine(f), 1);
  w.line(`}${tail};`, 0);
}

/** One item outside functions' bodies. */
function printItem(w: Writer, item: CTopLevel): void {
  switch (item.k) {
    case "function":
      return printFunction(w, item.fn);
    case "macro":
      return w.line(printMacro(item.macro), 0);
    case "text":
      return w.line(item.text, 0);
    case "comment":
      return w.line(`/* ${commentText(item.text)} */`, 0);
    case "struct":
      if (item.comment) w.line(`/* ${commentText(item.comment)} */`, 0);
      return printStructBody(w, `struct ${item.tag}`, item.fields, "");
    case "enum":
      return w.line(`enum ${item.tag} { ${item.members.map(([n, v]) => `${n} = ${v}`).join(", ")} };`, 0);
    case "typedef":
      return w.line(`typedef ${item.type} ${item.name}${item.attributes ? ` ${item.attributes}` : ""};`, 0);
    case "helperPointer":
      return w.line(`static ${item.returns} (*const ${item.name})(${item.params}) = (void *)${item.id};`, 0);
    case "variable": {
      if (item.comment) w.line(`/* ${commentText(item.comment)} */`, 0);
      // a global whose C name differs from its ELF symbol is labelled with the symbol
      const name = `${item.name}${item.unsized ? "[]" : ""}`;
      const declarator = item.symbol && item.symbol !== item.name ? `${name} __asm__(${cStringLiteral(item.symbol)})` : name;
      const tail = `${item.section ? ` SEC(${cStringLiteral(item.section)})` : ""}${item.init ? ` = ${printExpr(item.init, 2)}` : ""}`;
      const qualifiers = item.qualifiers?.length ? `${item.qualifiers.join(" ")} ` : "";
      if (item.fields) return printStructBody(w, `${qualifiers}${item.type}`, item.fields, ` ${declarator}${tail}`);
      return w.line(`${qualifiers}${item.type}${item.type.endsWith("*") ? "" : " "}${declarator}${tail};`, 0);
    }
  }
}

/** Items outside functions: consecutive one-line items on consecutive lines, the others apart. */
export function printTopLevel(items: readonly CTopLevel[]): string {
  const w = new Writer();
  const oneLine = (i: CTopLevel) => ["macro", "typedef", "helperPointer", "enum"].includes(i.k) || (i.k === "variable" && !i.fields && !i.comment);
  items.forEach((item, i) => {
    const previous = items[i - 1];
    if (previous && !(oneLine(previous) && oneLine(item))) w.line("", 0);
    printItem(w, item);
  });
  return w.toString().replace(/\n$/, "");
}

export function printUnit(unit: CUnit): string {
  const w = new Writer();
  for (const p of unit.prelude) {
    w.line(p, 0);
    w.line("", 0);
  }
  for (const g of unit.globals) {
    w.directive(g.at);
    printItem(w, g);
  }
  if (unit.globals.length) w.line("", 0);
  unit.functions.forEach((f, i) => {
    if (i > 0) w.line("", 0);
    printFunction(w, f);
  });
  return w.toString();
}
