// Failure classes: verifier logs, clang output and libbpf notes reduced to what stays the same from program to program.
import { describe, expect, it } from "vitest";
import { clangErrorClass, clangWarningClasses, objectClass, verifierClass } from "./run/classify.js";

describe("failure classes", () => {
  it("take the verifier's first complaint after the last instruction it traced, without registers and offsets", () => {
    const log = [
      "116: (71) r3 = *(u8 *)(r3 +0)",
      "invalid access to packet, off=52 size=1, R3(id=7,off=52,r=0)",
      "R3 offset is outside of the packet",
      "processed 122 insns (limit 1000000) max_states_per_insn 0 total_states 12 peak_states 12 mark_read 4",
    ].join("\n");
    expect(verifierClass(log)).toBe("verifier: invalid access to packet");
    expect(verifierClass("5: (bf) r4 = r1\n6: (07) r4 += 1\nR4 pointer arithmetic on pkt_end prohibited\nprocessed 7 insns")).toBe("verifier: R? pointer arithmetic on pkt_end prohibited");
    expect(verifierClass("3: (61) r2 = *(u32 *)(r1 +76)\ninvalid bpf_context access off=76 size=4\n")).toBe("verifier: invalid bpf_context access");
    expect(verifierClass("9: (71) r1 = *(u8 *)(r2 +0)\ninvalid unbounded variable-offset read from stack R2\n")).toBe("verifier: invalid unbounded variable-offset read from stack");
    expect(verifierClass("BPF program is too large. Processed 1000001 insn\nprocessed 1000001 insns (limit 1000000)")).toBe("verifier: BPF program is too large (1M processed instructions)");
    expect(verifierClass("12: (bf) r1 = r2\nprocessed 1000001 insns (limit 1000000) max_states_per_insn 43")).toBe("verifier: BPF program is too large (1M processed instructions)");
    // logs of millions of lines (too long for a spread of arguments)
    expect(verifierClass(`${"1: (bf) r1 = r2\n".repeat(300_000)}processed 1000001 insns (limit 1000000)`)).toBe("verifier: BPF program is too large (1M processed instructions)");
    expect(verifierClass("12: (85) call bpf_xdp_adjust_head#44\nThe sequence of 8193 jumps is too complex.\nverification time 2 usec")).toBe("verifier: The sequence of N jumps is too complex");
  });

  it("take clang's first error and each warning's flag", () => {
    const out = "probe.ts:4:5: warning: self-comparison always evaluates to true [-Wtautological-compare]\nprobe.ts:9:3: error: cast to incomplete type 'enum xdp_action'\n";
    expect(clangErrorClass(out).cls).toBe("clang error: cast to incomplete type 'enum xdp_action'");
    expect(clangWarningClasses(out).map((w) => w.cls)).toEqual(["clang warning: -Wtautological-compare"]);
    expect(clangErrorClass("error: <unknown>:0:0: in function prog1 i32 (ptr): Looks like the BPF stack limit of 512 bytes is exceeded").cls).toBe(
      "clang error: <unknown>:N:N: Looks like the BPF stack limit of N bytes is exceeded",
    );
  });

  it("name what libbpf could not do when no program's verifier complained", () => {
    expect(objectClass("libbpf: map 'map3': failed to create: Invalid argument(-22)\nlibbpf: failed to load object 'x'\n", 22).cls).toBe("object: failed to create: Invalid argument(N)");
  });
});
