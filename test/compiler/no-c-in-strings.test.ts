// Lowering and the protocol, helper and program descriptions print C only through the C AST: none of their string literals is C statements or definitions.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const DIRS = ["compiler/lower", "compiler/protocols", "compiler/helpers", "compiler/programs", "compiler/maps"];
/** Files that write TypeScript declarations and Markdown, not C. */
const NOT_C = /\/emit-(dts|docs)\.ts$/;

/** What gives C away in a string: a statement ending a line, a preprocessor line, a function head, a block opened. */
const C_TEXT = /;\s*(\n|$)|^\s*#\s*(define|pragma|include)|\bstatic\s+__always_inline\b|\{\s*\n|\\n\\t|\n\t/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") && !NOT_C.test(p) ? [p] : [];
  });
}

/** The string and template literals of a source that read as C, with their lines. */
function cStrings(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    const literal = ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : ts.isTemplateExpression(n) ? n.getText(sf) : undefined;
    if (literal !== undefined && C_TEXT.test(literal)) found.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${n.getText(sf).slice(0, 100)}`);
    n.forEachChild(visit);
  };
  visit(sf);
  return found;
}

describe("C is printed from the AST", () => {
  it("no string in lowering or the descriptions is C", () => {
    const files = DIRS.flatMap((d) => sources(join(root, d)));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((f) => cStrings(relative(root, f), readFileSync(f, "utf8")))).toEqual([]);
  });

  it("finds C where a string holds it (the scan can fail)", () => {
    const sample = [
      'const a = "return x;";',
      "const b = `static __always_inline void f(void)`;",
      'const c = "#define X 1";',
      "const d = `if (x) {\n\treturn;\n}`;",
      'const e = "a prose string; with a semicolon inside";',
    ].join("\n");
    expect(cStrings("sample.ts", sample).map((l) => l.split(":")[1])).toEqual(["1", "2", "3", "4"]);
  });
});
