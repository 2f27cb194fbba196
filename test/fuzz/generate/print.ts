// Prints the generator's syntax tree as probe source text, parenthesising every compound operand.
import type { Expr, Item, ProgramDecl, Probe, Stmt } from "./ast.js";

const INDENT = "  ";

export function printProbe(probe: Probe): string {
  const out = probe.header.split("\n").map((line) => `// ${line}`);
  for (const item of probe.items) out.push(...printItem(item));
  return out.join("\n") + "\n";
}

function printItem(item: Item): string[] {
  switch (item.k) {
    case "struct": {
      const fields = item.fields.map((f) => `${f.name}: ${f.type}`).join("; ");
      return [item.alias ? `type ${item.name} = { ${fields} };` : `interface ${item.name} { ${fields} }`];
    }
    case "const":
      return [`const ${item.name}${item.type ? `: ${item.type}` : ""} = ${printExpr(item.init)};`];
    case "function": {
      const head = `function ${item.name}(${item.params.map((p) => `${p.name}: ${p.type}`).join(", ")}): ${item.returns} {`;
      return [...(item.noinline ? ["/** @noinline */"] : []), head, ...printBlock(item.body, 1), "}"];
    }
    case "class":
      return [`export class ${item.name} {`, ...item.programs.flatMap((p) => printProgram(p)), "}"];
  }
}

function printProgram(p: ProgramDecl): string[] {
  const decorator = p.options ? `@${p.decorator}(${printExpr(p.options)})` : `@${p.decorator}`;
  return [INDENT + decorator, `${INDENT}static ${p.name}(ctx: ${p.contextType}): ${p.verdictType} {`, ...printBlock(p.body, 2), INDENT + "}"];
}

function printBlock(body: Stmt[], depth: number): string[] {
  return body.flatMap((s) => printStmt(s, depth));
}

function printStmt(s: Stmt, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const block = (head: string, body: Stmt[], tail = "}") => [`${pad}${head} {`, ...printBlock(body, depth + 1), pad + tail];
  switch (s.k) {
    case "decl":
      return [`${pad}${s.kind} ${s.name}${s.type ? `: ${s.type}` : ""} = ${printExpr(s.init)};`];
    case "assign":
      return [`${pad}${printExpr(s.target)} ${s.op} ${printExpr(s.value)};`];
    case "step":
      return [`${pad}${printExpr(s.target)}${s.op};`];
    case "expr":
      return [`${pad}${printExpr(s.e)};`];
    case "if":
      return printIf(s, depth, pad);
    case "for": {
      const update = s.update === "++" || s.update === "--" ? `${s.name}${s.update}` : s.update === "= +" ? `${s.name} = ${s.name} + ${s.step}` : `${s.name} ${s.update} ${s.step}`;
      return block(`for (let ${s.name}: ${s.type} = ${s.from}; ${s.name} ${s.cond} ${s.to}; ${update})`, s.body);
    }
    case "forOf":
      return block(`for (const ${s.name} of range(${s.from === undefined ? s.to : `${s.from}, ${s.to}`}))`, s.body);
    case "while":
      return block(`while (${s.name} < ${s.to})`, s.body);
    case "switch":
      return [
        `${pad}switch (${printExpr(s.disc)}) {`,
        ...s.cases.flatMap((c) => [
          `${pad}${INDENT}${c.labels.length === 0 ? "default:" : c.labels.map((l) => `case ${printExpr(l)}:`).join(" ")} {`,
          ...printBlock(c.body, depth + 2),
          `${pad}${INDENT}}`,
        ]),
        `${pad}}`,
      ];
    case "return":
      return [`${pad}return${s.e ? ` ${printExpr(s.e)}` : ""};`];
    case "break":
    case "continue":
      return [`${pad}${s.k};`];
    case "block":
      return block("", s.body).map((l, i) => (i === 0 ? `${pad}{` : l));
  }
}

function printIf(s: Extract<Stmt, { k: "if" }>, depth: number, pad: string): string[] {
  const lines = [`${pad}if (${printExpr(s.cond)}) {`, ...printBlock(s.then, depth + 1)];
  let rest = s.else;
  while (rest && rest.length === 1 && rest[0]!.k === "if") {
    const elif = rest[0] as Extract<Stmt, { k: "if" }>;
    lines.push(`${pad}} else if (${printExpr(elif.cond)}) {`, ...printBlock(elif.then, depth + 1));
    rest = elif.else;
  }
  if (rest) lines.push(`${pad}} else {`, ...printBlock(rest, depth + 1));
  lines.push(`${pad}}`);
  return lines;
}

/** Operands that need no parentheses around them. */
const atomic = (e: Expr) => ["num", "bool", "str", "name", "member", "call", "index", "object", "array", "new"].includes(e.k);
const operand = (e: Expr) => (atomic(e) ? printExpr(e) : `(${printExpr(e)})`);

export function printExpr(e: Expr): string {
  switch (e.k) {
    case "num":
      return e.hex ? `0x${e.value.toString(16)}` : e.value.toString();
    case "bool":
      return String(e.value);
    case "str":
      return JSON.stringify(e.value);
    case "name":
      return e.name;
    case "member":
      return `${operand(e.obj)}${e.optional ? "?." : "."}${e.name}`;
    case "call":
      return `${printExpr(e.callee)}(${e.args.map(printExpr).join(", ")})`;
    case "index":
      return `${operand(e.obj)}[${printExpr(e.index)}]`;
    case "unary":
      return `${e.op}${operand(e.e)}`;
    case "binary":
      return `${operand(e.l)} ${e.op} ${operand(e.r)}`;
    case "cond":
      return `${operand(e.c)} ? ${operand(e.a)} : ${operand(e.b)}`;
    case "object":
      return e.fields.length === 0 ? "{}" : `{ ${e.fields.map((f) => `${f.name}: ${printExpr(f.value)}`).join(", ")} }`;
    case "array":
      return `[${e.items.map(printExpr).join(", ")}]`;
    case "new":
      return `new ${e.cls}${e.typeArgs.length ? `<${e.typeArgs.join(", ")}>` : ""}(${e.args.map(printExpr).join(", ")})`;
  }
}
