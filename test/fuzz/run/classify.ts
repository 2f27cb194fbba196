// Failure classes: the verifier's last complaint, clang's first error or each warning flag, libbpf's reason, an internal error, normalised.
import { VERIFIER_INSN_LIMIT } from "../../../compiler/loader/verify.js";

/** Register numbers, offsets, sizes and generated names vary from program to program; a class does not. */
export function normalise(message: string): string {
  return message
    .replace(/^(?:.*?:\d+:\d+: )?(?:fatal )?(?:error|warning): /, "")
    .replace(/in function \S+ [^:]*: /, "")
    .replace(/\bR\d+(?:_w)?\b/g, "R?")
    .replace(/\(id=[^)]*\)|\([^()]*(?:off|smin|umax|var_off)=[^()]*\)/g, "")
    .replace(/\b(?:off|size|insn|imm|value_size|key_size|r)=-?\w+/g, "")
    .replace(/'[a-zA-Z_]+\d+'/g, "'?'")
    .replace(/\b0x[0-9a-f]+\b|-?\b\d+\b/g, "N")
    .replace(/[,\s]*\bR\?$/, "")
    .replace(/\s+,/g, ",")
    .replace(/,(?:\s*,)+/g, ",")
    .replace(/[.,;:\s]+$/, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

const STAT_LINE = /^(?:processed \d+ insns|verification time|stack depth|; |\d+: |\d+: \(|from \d+ to \d+|mark_precise|last_idx|Func#|func#|Validating|Live regs|$)/;

/** The verifier's reason, from its log: the first message after the last instruction it traced. */
export function verifierFailure(log: string): { cls: string; message: string } {
  const lines = log.split("\n").map((l) => l.trim());
  let lastInsn = -1;
  lines.forEach((l, i) => {
    if (/^\d+: \(/.test(l)) lastInsn = i;
  });
  const tail = lines.slice(lastInsn + 1).filter((l) => !STAT_LINE.test(l));
  const reason = tail[0] ?? lines.filter((l) => l && !STAT_LINE.test(l)).at(-1) ?? "";
  // a log too long for the buffer may lose the sentence, never the count
  const processed = lines.reduce((most, l) => Math.max(most, Number(/^processed (\d+) insns/.exec(l)?.[1] ?? 0)), 0);
  if (/BPF program is too large/.test(reason) || processed > VERIFIER_INSN_LIMIT) {
    return { cls: "verifier: BPF program is too large (1M processed instructions)", message: `BPF program is too large: processed ${processed} instructions (limit ${VERIFIER_INSN_LIMIT})` };
  }
  return { cls: `verifier: ${reason ? normalise(reason) : "refused without a reason in its log"}`, message: reason || lines.filter(Boolean).at(-1) || "(empty log)" };
}

export const verifierClass = (log: string): string => verifierFailure(log).cls;

/** clang's first error. */
export function clangErrorClass(output: string): { cls: string; message: string } {
  const line = output.split("\n").find((l) => /(?:^|: )(?:fatal )?error: /.test(l)) ?? output.split("\n")[0] ?? "";
  const message = line.replace(/^.*?(?:fatal )?error: /, "");
  return { cls: `clang error: ${normalise(message)}`, message: line.trim() };
}

/** Each warning clang gave, by its flag. */
export function clangWarningClasses(output: string): { cls: string; message: string }[] {
  const seen = new Map<string, string>();
  for (const line of output.split("\n")) {
    const m = /warning: (.*?)(?: \[(-W[\w-]+)\])?$/.exec(line);
    if (!m) continue;
    const cls = `clang warning: ${m[2] ?? normalise(m[1]!)}`;
    if (!seen.has(cls)) seen.set(cls, line.trim());
  }
  return [...seen].map(([cls, message]) => ({ cls, message }));
}

/** Why the object did not load when no program's verifier complained: a map the kernel could not create, say. */
export function objectClass(notes: string, errno: number): { cls: string; message: string } {
  const lines = notes.split("\n").map((l) => l.replace(/^libbpf: /, "").trim()).filter(Boolean);
  const reason = lines.find((l) => /failed to create|Invalid|too long|error|failed/i.test(l)) ?? lines[0] ?? `errno ${errno}`;
  return { cls: `object: ${normalise(reason.replace(/^(?:map|prog) '[^']*': /, ""))}`, message: reason };
}

export function internalClass(stage: string, e: unknown): { cls: string; message: string } {
  const message = e instanceof Error ? e.message : String(e);
  const first = message.split("\n")[0]!;
  return { cls: `internal error (${stage}): ${normalise(first.replace(/'[^']*'/g, "'?'"))}`, message: e instanceof Error && e.stack ? e.stack.split("\n").slice(0, 4).join("\n") : first };
}
