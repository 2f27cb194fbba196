// Reading verifier logs: the complaint, the limit named in plain words, and the TypeScript line, from excerpts of real kernel logs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../compiler/diagnostics/format.js";
import { parseVerifierLog, verifierDiagnostic } from "../../compiler/toolchain/verifier-log.js";

// Excerpts of logs the kernel (6.18) wrote for probes tsbpf built; the first line of each is where the excerpt starts.
const OUT_OF_PACKET = `0: R1=ctx() R10=fp0
; if (ipType == 17) { const udp = l4.udp(); if (!udp || udp.length < 8) return XdpAction.Aborted; udp.dport = udp.dport - 1; } @ repro2.ts:10
51: (16) if w2 == 0x6 goto pc+39      ; R2=scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))
58: (2d) if r2 > r4 goto pc+65        ; R2=pkt(id=4,off=30,r=22) R4=0
59: (69) r2 = *(u16 *)(r1 +4)
invalid access to packet, off=26 size=2, R1(id=4,off=26,r=22)
R1 offset is outside of the packet
processed 147 insns (limit 1000000) max_states_per_insn 1 total_states 12 peak_states 12 mark_read 0
`;

/** The budget's complaint shares the last instruction's line. */
const BUDGET = `; if ((bits & 262144) != 0) off = off + 19; @ paths.ts:25
69: (16) if w4 == 0x0 goto pc+1       ; R4=0x40000
70: (04) w2 += 19                     ; R2=scalar(smin=umin=smin32=umin32=155,smax=umax=smax32=umax32=158,var_off=(0x98; 0x7))
; if ((bits & 524288) != 0) off = off + 20; @ paths.ts:26
71: (54) w3 &= 524288                 ; R3=scalar(smin=smin32=0,smax=umax=smax32=umax32=0x80000,var_off=(0x0; 0x80000))
72: (16) if w3 == 0x0 goto pc+1 BPF program is too large. Processed 1000001 insn
processed 1000001 insns (limit 1000000) max_states_per_insn 11 total_states 99128 peak_states 99 mark_read 0
`;

const JUMPS = `; const udp = ctx.eth()?.ipv4()?.udp(); @ jumps.ts:13
30: (2d) if r8 > r7 goto pc-8         ; R7=pkt_end() R8=pkt(off=14,r=14)
31: (69) r2 = *(u16 *)(r1 +12)        ; R2=scalar(smin=smin32=0,smax=umax=smax32=umax32=0xffff,var_off=(0x0; 0xffff)) R9=pkt(r=14)
32: (16) if w2 == 0x81 goto pc+3
The sequence of 8193 jumps is too complex.
processed 24748 insns (limit 1000000) max_states_per_insn 4 total_states 494 peak_states 494 mark_read 0
`;

/** The whole log: the kernel checks the stack before it walks the instructions, so no line is quoted. */
const STACK = `combined stack size of 3 calls is 640. Too large
processed 1774 insns (limit 1000000) max_states_per_insn 4 total_states 23 peak_states 23 mark_read 0
`;

/** The source line is quoted on the instruction's line, and state dumps follow the complaint (that quote's line changed from 5 to 7, to tell it from the line before). */
const INFINITE = `; while (1) { if (*p == 5) break; } @ inf.c:5
0: (61) r2 = *(u32 *)(r1 +12)         ; R1=ctx() R2=scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))
1: (55) if r2 != 0x5 goto pc-2 ; while (1) { if (*p == 5) break; } @ inf.c:7
infinite loop detected at insn 0
cur state: R1=ctx() R2=scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff)) R10=fp0
old state: R1=ctx() R2=scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff)) R10=fp0
processed 13 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0
`;

/** A log cut off in the middle of the walk (a kernel whose log buffer filled): no complaint at all. */
const TRUNCATED = `; const tcp = ctx.eth()?.ipv6()?.tcp(); @ budget.ts:9
350: (0f) r4 += r0                    ; R0=scalar(smin=smin32=0,smax=umax=smax32=umax32=4092,var_off=(0x0; 0xffc))
351: (7b) *(u64 *)(r10 -16) = r0      ; R0=scalar(id=101118`;

const work = mkdtempSync(join(tmpdir(), "tsbpf-verifier-log-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("parseVerifierLog", () => {
  it("an ordinary rejection: the kernel's words, both lines, and the last quoted line", () => {
    const c = parseVerifierLog(OUT_OF_PACKET);
    expect(c.message).toBe("invalid access to packet, off=26 size=2, R1(id=4,off=26,r=22) R1 offset is outside of the packet");
    expect(c.limit).toBeUndefined();
    expect(c.source).toMatchObject({ file: "repro2.ts", line: 10 });
  });

  it("the processed-instruction budget, whose complaint shares the instruction's line, is named with its size", () => {
    const c = parseVerifierLog(BUDGET);
    expect(c.limit).toMatch(/^the verifier's budget of 1,000,000 processed instructions was exceeded; /);
    expect(c.message).toContain("BPF program is too large");
    expect(c.source).toMatchObject({ file: "paths.ts", line: 26, text: "if ((bits & 524288) != 0) off = off + 20;" });
  });

  it("the pending-branch limit", () => {
    const c = parseVerifierLog(JUMPS);
    expect(c.limit).toMatch(/^the verifier's limit of 8,192 branches waiting to be explored was exceeded \(8,193\)/);
    expect(c.source).toMatchObject({ line: 13 });
  });

  it("the combined stack limit, with the frames and bytes the kernel counted", () => {
    const c = parseVerifierLog(STACK);
    expect(c.limit).toMatch(/^the BPF stack limit of 512 bytes was exceeded: .* 3 frames deep, need 640 bytes together/);
    expect(c.source).toBeUndefined();
  });

  it("a loop the verifier cannot prove ends: no state dumps in the message, the line quoted after the instruction", () => {
    const c = parseVerifierLog(INFINITE);
    expect(c.message).toBe("infinite loop detected at insn 0");
    expect(c.limit).toMatch(/could not prove that a loop ends/);
    expect(c.source).toMatchObject({ file: "inf.c", line: 7 });
  });

  it("a truncated log: E2BIG says the budget ran out; another error says only what the log shows", () => {
    expect(parseVerifierLog(TRUNCATED, 7).limit).toMatch(/budget of 1,000,000 processed instructions/);
    const other = parseVerifierLog(TRUNCATED, 13);
    expect(other.limit).toBeUndefined();
    expect(other.source).toMatchObject({ file: "budget.ts", line: 9 });
  });

  it("reads the log inside libbpf's markers, as bpftool prints it", () => {
    const wrapped = `libbpf: prog 'heavy': BPF program load failed: Argument list too long\nlibbpf: prog 'heavy': -- BEGIN PROG LOAD LOG --\n${BUDGET}-- END PROG LOAD LOG --\nlibbpf: prog 'heavy': failed to load: -7\nError: failed to load object file\n`;
    expect(parseVerifierLog(wrapped)).toEqual(parseVerifierLog(BUDGET));
  });
});

describe("verifierDiagnostic", () => {
  const dir = join(work, "probe");
  mkdirSync(join(dir, "lib"), { recursive: true });
  const probe = join(dir, "paths.ts");
  const head = ["// a probe", "export class P {", "  @xdp", "  static paths(ctx: XdpContext): XdpAction {", "    const bits = ctx.ingressIfindex;", "    let off: u32 = 0;"];
  const probeLines = [...head, ...Array.from({ length: 20 }, (_, i) => `    if ((bits & ${1 << i}) != 0) off = off + ${i + 1};`), "    return XdpAction.Pass;", "  }", "}"];
  writeFileSync(probe, probeLines.join("\n") + "\n");
  writeFileSync(join(dir, "lib", "shared.ts"), "// shared\nexport function f(): u32 {\n  return 1;\n}\n");

  it("a budget rejection: TSBPF4001 at the quoted line of the probe, naming the limit, with the line and a caret", () => {
    const d = verifierDiagnostic({ name: "paths", probe, line: 4 }, BUDGET);
    expect(d.code).toBe("TSBPF4001");
    expect(d.message).toMatch(/^the kernel verifier rejected program 'paths': the verifier's budget of 1,000,000 processed instructions was exceeded/);
    expect(d.location).toMatchObject({ line: 26, column: 5, lineText: probeLines[25] });
    const text = formatDiagnostic(d);
    expect(text).toMatch(/paths\.ts:26:5 - error TSBPF4001: /);
    expect(text).toContain(`26 ${probeLines[25]}\n       ^~~~`);
  });

  it("a complaint that quotes no line is located at the program's declaration", () => {
    const d = verifierDiagnostic({ name: "paths", probe, line: 4 }, STACK);
    expect(d.location).toMatchObject({ line: 4, column: 3, lineText: probeLines[3] });
  });

  it("a line of an imported file is read from that file, relative to the probe's directory", () => {
    const log = `; return 1; @ lib/shared.ts:3\n5: (95) exit\nR0 !read_ok\n`;
    const d = verifierDiagnostic({ name: "paths", probe }, log);
    expect(d.location).toMatchObject({ line: 3, column: 3, lineText: "  return 1;" });
    expect(d.location!.file).toMatch(/lib\/shared\.ts$/);
  });

  it("without the probe, the quoted text stands in for the line", () => {
    const d = verifierDiagnostic({ name: "twist" }, OUT_OF_PACKET);
    expect(d.location).toMatchObject({ file: "repro2.ts", line: 10, column: 1 });
    expect(d.location!.lineText).toMatch(/^if \(ipType == 17\)/);
  });
});
