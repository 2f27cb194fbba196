// C identifiers for the names in a probe: user names are kept when they can be, and made unique where C needs it.

const C_RESERVED = new Set(
  ("auto break case char const continue default do double else enum extern float for goto if inline int long register restrict " +
    "return short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Complex _Imaginary " +
    "_Alignas _Alignof _Atomic _Generic _Noreturn _Static_assert _Thread_local " +
    "bool true false NULL SEC main asm typeof _license xdp_md xdp_action").split(" "),
);

/** Names a user's identifier must not take in C: keywords, and everything the runtime defines. */
export function isReservedInC(name: string): boolean {
  return C_RESERVED.has(name) || name.startsWith("__") || /^tsbpf_/i.test(name) || /^(XDP|TC|BPF)_/.test(name);
}

/** A valid C identifier is also what BTF accepts for function and parameter names. */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
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
    const plain = isPlainIdentifier(name) ? name : name.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=[0-9])/, "_");
    if (!isReservedInC(plain) && !taken(plain)) return plain;
    // a reserved prefix (__, tsbpf_, XDP_) stays reserved whatever suffix follows, so move it off the front
    const base = /^(__|tsbpf_|TSBPF_|XDP_|TC_|BPF_)/i.test(plain) ? `user_${plain}` : plain;
    if (!isReservedInC(base) && !taken(base)) return base;
    for (let i = 1; ; i++) {
      const candidate = `${base}${base.endsWith("_") ? "" : "_"}${i}`;
      const safe = isReservedInC(candidate) ? `user_${candidate}` : candidate;
      if (!isReservedInC(safe) && !taken(safe)) return safe;
    }
  }
}
