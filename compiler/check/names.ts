// C identifiers for the names in a probe: user names are kept when they can be, and made unique where C needs it.
import { PROGRAM_KINDS } from "../programs/kinds.js";
import { RAW_CONTEXTS } from "../programs/raw-contexts.js";

/** C's keywords (C17 and the GNU extensions clang accepts in its default gnu17 mode) and the names the prelude defines. */
const C_KEYWORDS = (
  "auto break case char const continue default do double else enum extern float for goto if inline int long register restrict " +
  "return short signed sizeof static struct switch typedef union unsigned void volatile while " +
  "bool true false NULL SEC main asm typeof"
).split(" ");

/** Names the runtime's C defines: each program kind's context and verdict enum (tags and constants), the raw contexts, the license. */
const RUNTIME_NAMES = [
  ...PROGRAM_KINDS.flatMap((k) => [k.ctxC, k.actionC, ...Object.values(k.actions).map((a) => a.c)]).map((c) => c.replace(/^(struct|enum) /, "")),
  ...RAW_CONTEXTS.map((r) => r.cTag),
  "_license",
];

const C_RESERVED = new Set([...C_KEYWORDS, ...RUNTIME_NAMES]);

/**
 * Names a user's identifier must not take in C: keywords, everything the runtime defines, and the names C reserves
 * for the implementation (`__x`, `_X`: clang's own keywords and macros such as `_Nullable` and `_LP64`).
 * Library names (`memcpy`, `printf`) are free: clang runs with -fno-builtin.
 */
export function isReservedInC(name: string): boolean {
  return C_RESERVED.has(name) || name.startsWith("__") || /^_[A-Z]/.test(name) || isRuntimeSymbol(name) || /^(XDP|TC|BPF)_/.test(name);
}

/** ELF symbols of the runtime (tsbpf_log, tsbpf_scratch, _license): no map, config or program of a probe may take them. */
export function isRuntimeSymbol(name: string): boolean {
  return /^tsbpf_/i.test(name) || name === "_license";
}

/**
 * The longest name that stays a name in the object (program, map, config, struct field): a pinned program or map is a
 * file named after it (NAME_MAX), and every one is a BTF name (which the kernel caps at 511 characters).
 */
export const MAX_OBJECT_NAME = 255;
/** Names tsbpf chooses itself are cut to this length (unique suffixes added), well inside BTF's limit. */
const MAX_CHOSEN_NAME = 200;

/** A valid C identifier is also what BTF accepts for function and parameter names. */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** The C identifier of a map or config, whose own name is its ELF symbol (an asm label): any plain name works, `int` included. */
export function objectCName(name: string): string {
  return `tsbpf_obj_${name}`;
}

/** Hands out C names: module-level names are unique in the file, locals unique within their function. */
export class CNames {
  private readonly globals = new Set<string>();
  private readonly locals = new Map<object, Set<string>>();

  /** Reserves a name exactly (program symbols, which are ELF symbols and cannot change). */
  reserveGlobal(name: string): void {
    this.globals.add(name);
  }

  isGlobal(name: string): boolean {
    return this.globals.has(name);
  }

  global(name: string): string {
    const c = this.fresh(name, (n) => this.globals.has(n));
    this.globals.add(c);
    return c;
  }

  local(scope: object, name: string): string {
    let taken = this.locals.get(scope);
    if (!taken) this.locals.set(scope, (taken = new Set()));
    const set = taken;
    const c = this.fresh(name, (n) => this.globals.has(n) || set.has(n));
    set.add(c);
    return c;
  }

  private fresh(name: string, taken: (n: string) => boolean): string {
    const plain = (isPlainIdentifier(name) ? name : name.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=[0-9])/, "_")).slice(0, MAX_CHOSEN_NAME);
    if (!isReservedInC(plain) && !taken(plain)) return plain;
    // a reserved prefix (__, _X, tsbpf_, XDP_) stays reserved whatever suffix follows, so move it off the front
    const base = /^(__|_[A-Z]|XDP_|TC_|BPF_)/.test(plain) || /^tsbpf_/i.test(plain) ? `user_${plain}` : plain;
    if (!isReservedInC(base) && !taken(base)) return base;
    for (let i = 1; ; i++) {
      const candidate = `${base}${base.endsWith("_") ? "" : "_"}${i}`;
      const safe = isReservedInC(candidate) ? `user_${candidate}` : candidate;
      if (!isReservedInC(safe) && !taken(safe)) return safe;
    }
  }
}
