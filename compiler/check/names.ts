// C identifiers for the names in a probe: user names are kept unless they collide with C or the runtime.

const C_RESERVED = new Set(
  ("auto break case char const continue default do double else enum extern float for goto if inline int long register restrict " +
    "return short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Complex _Imaginary " +
    "bool true false NULL SEC main ctx_data asm typeof").split(" "),
);

/** A C-safe spelling of a TypeScript identifier. */
export function cIdentifier(name: string): string {
  const reserved = C_RESERVED.has(name) || name.startsWith("__") || /^tsbpf_/i.test(name) || /^(XDP|TC|BPF)_/.test(name);
  return reserved ? `${name}_` : name;
}
