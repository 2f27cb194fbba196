// The C printer's forms for what generated code needs beyond expressions: macros, top-level items, locals in slots, and the text it refuses to print.
import { describe, expect, it } from "vitest";
import { binary, call, hex, id, num, slotDecl } from "../../compiler/c/ast.js";
import { printExpr, printTopLevel, printUnit } from "../../compiler/c/printer.js";

describe("the C printer", () => {
  it("parenthesises a macro's replacement so it stays one operand", () => {
    expect(printTopLevel([{ k: "macro", macro: { name: "TWO", body: binary("+", num(1), num(1)) } }])).toBe("#define TWO (1 + 1)");
    expect(printTopLevel([{ k: "macro", macro: { name: "N", body: num(8) } }])).toBe("#define N 8");
    expect(printTopLevel([{ k: "macro", macro: { name: "get", params: ["h"], body: call("f", [{ k: "macroArg", name: "h" }]), comment: "reads h" } }])).toBe("#define get(h) (f((h))) /* reads h */");
  });

  it("prints sizeof as a unary operator", () => {
    expect(printExpr({ k: "index", array: { k: "sizeof", operand: id("x") }, index: num(0) })).toBe("(sizeof(x))[0]");
  });

  it("prints a map as a struct variable with its symbol and section", () => {
    const text = printTopLevel([{ k: "variable", type: "struct", fields: [{ type: "int", name: "(*type)", length: 2, comment: "BPF_MAP_TYPE_ARRAY" }], name: "tsbpf_obj_m", symbol: "m", section: ".maps", comment: "m: ArrayMap" }]);
    expect(text).toBe('/* m: ArrayMap */\nstruct {\n\tint (*type)[2]; /* BPF_MAP_TYPE_ARRAY */\n} tsbpf_obj_m __asm__("m") SEC(".maps");');
  });

  it("declares locals that start a stack slot, arrays included", () => {
    const unit = printUnit({ prelude: [], globals: [], functions: [{ name: "f", returnType: "void", params: [], qualifiers: [], body: [slotDecl("__u8", "b", undefined, 4), slotDecl("__u32", "zero", num(0))] }] });
    expect(unit).toContain("\t__u8 b[4] TSBPF_SLOT;\n\t__u32 zero TSBPF_SLOT = 0;\n");
  });

  it("refuses a comment that would end early and a negative hexadecimal literal", () => {
    expect(() => printTopLevel([{ k: "comment", text: "a */ b" }])).toThrow(/comment text/);
    expect(() => hex(-5)).toThrow(/negative/);
  });
});
