// C string literals for text from users (trace formats, sections, licenses): no trigraphs, no control characters, any UTF-8.
import { execaSync } from "execa";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cStringLiteral } from "../../compiler/c/string-literal.js";
import { CLANG_FLAGS } from "../../compiler/toolchain/clang.js";

const samples = ["plain %u", 'quote " and \\ backslash', "what??! and ??=", "tab\tcr\rnl\n", "Lizenz: Gemeinfrei – ÄÖÜ", "\x01\x7f"];

it("escapes quotes, backslashes, question marks, control and non-ASCII characters", () => {
  expect(cStringLiteral("a??=b")).toBe('"a\\077\\077=b"');
  expect(cStringLiteral('"\\\n')).toBe('"\\"\\\\\\n"');
  expect(cStringLiteral("é")).toBe('"\\303\\251"');
});

it("clang reads each literal back as the text's UTF-8 bytes, without a warning", () => {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-cstr-"));
  try {
    const c = samples.map((s, i) => `_Static_assert(sizeof(${cStringLiteral(s)}) == ${Buffer.byteLength(s) + 1}, "size ${i}");`).join("\n");
    writeFileSync(join(dir, "s.c"), `${c}\nconst char *const strings[] = { ${samples.map(cStringLiteral).join(", ")} };\n`);
    const r = execaSync("clang", [...CLANG_FLAGS, "-fsyntax-only", join(dir, "s.c")], { reject: false });
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
