// The kernel verifier's fixed limits, and the complaints that say one was exceeded, put in plain words that name the limit.

/** BPF_COMPLEXITY_LIMIT_INSNS: the instructions the verifier processes, over all paths, before it gives up. */
export const VERIFIER_INSN_LIMIT = 1_000_000;
/** BPF_COMPLEXITY_LIMIT_JMP_SEQ: the branches it may hold waiting to be explored. */
export const VERIFIER_JUMP_LIMIT = 8192;
/** MAX_BPF_STACK: the stack of a program and the functions it calls, together. */
export const BPF_STACK_LIMIT = 512;
/** MAX_CALL_FRAMES: a program's frame and those of the functions it calls, nested. */
export const BPF_CALL_FRAMES = 8;

const n = (x: number | string) => Number(x).toLocaleString("en-US");

/** The sentence for the most common limit, also what E2BIG means when a truncated log lost the verifier's words. */
export const INSN_BUDGET_EXCEEDED =
  `the verifier's budget of ${n(VERIFIER_INSN_LIMIT)} processed instructions was exceeded; it walks every path through the program, and each loop iteration or branch that leaves different values behind multiplies the paths after it: parse headers once before loops, run fewer iterations, or branch less`;

const LIMITS: { pattern: RegExp; explain: (m: RegExpExecArray) => string }[] = [
  { pattern: /BPF program is too large\. Processed (\d+) insn/, explain: () => INSN_BUDGET_EXCEEDED },
  {
    pattern: /The sequence of (\d+) jumps is too complex/,
    explain: (m) =>
      `the verifier's limit of ${n(VERIFIER_JUMP_LIMIT)} branches waiting to be explored was exceeded (${n(m[1]!)}); nested loops multiply the branches inside them: nest fewer loops, or test fewer conditions inside them`,
  },
  {
    pattern: /combined stack size of (\d+) calls is (\d+)\. Too large/,
    explain: (m) =>
      `the BPF stack limit of ${BPF_STACK_LIMIT} bytes was exceeded: the program and the @noinline functions it calls, ${m[1]} frames deep, need ${n(m[2]!)} bytes together; use smaller locals (structs, FixedArrays) in those functions`,
  },
  {
    pattern: /the call stack of (\d+) frames is too deep/,
    explain: (m) => `the BPF limit of ${BPF_CALL_FRAMES} nested calls was exceeded (${m[1]} frames): mark fewer of the nested functions @noinline`,
  },
  {
    pattern: /infinite loop detected at insn \d+/,
    explain: () => `the verifier could not prove that a loop ends: it reached the same state twice ("infinite loop detected")`,
  },
];

/** The kernel's summary line when it gave up, "processed 1000001 insns (limit 1000000) ...", seen even when the complaint is lost. */
const PROCESSED = /^processed (\d+) insns \(limit (\d+)\)/m;

/** A plain sentence naming the verifier limit a log says was exceeded, or undefined when the rejection was not a limit's. */
export function exceededLimit(log: string): string | undefined {
  for (const limit of LIMITS) {
    const m = limit.pattern.exec(log);
    if (m) return limit.explain(m);
  }
  const processed = PROCESSED.exec(log);
  if (processed && Number(processed[1]) > Number(processed[2])) return INSN_BUDGET_EXCEEDED;
  return undefined;
}
