// Generates field setters from the protocol descriptions: network-order writes that keep every checksum covering the field valid, incrementally.
import { childrenOf, fieldOf, storedSelector } from "./index.js";
import { addressSlotType, fieldCType, type ChecksumSpec, type FieldSpec, type LoadedField, type ProtocolSpec } from "./schema.js";


export const setterName = (p: ProtocolSpec, field: string) => `tsbpf_${p.name}_set_${field}`;

/** A field a program may assign: loaded from a fixed place, or one bit of such a field. */
export function isWritable(p: ProtocolSpec, f: FieldSpec): boolean {
  if (f.bit) return !!fieldOf(p, f.bit.field) && isWritable(p, fieldOf(p, f.bit.field)!);
  return "at" in f.read && typeof f.read.at === "number";
}


function write(read: LoadedField, type: FieldSpec["type"]): string[] {
  const bits = read.width * 8;
  const p = `h.pos + ${read.at}`;
  if (type === "mac" || type === "ipv6addr") return [`${addressSlotType(type)} bytes = value;`, `__builtin_memcpy(${p}, &bytes, ${read.width});`];
  if (read.shift === undefined && read.mask === undefined) {
    return [bits === 8 ? `*(__u8 *)(${p}) = value;` : `*(__u${bits} *)(${p}) = __builtin_bswap${bits}(value);`];
  }
  const shift = read.shift ?? 0;
  const mask = read.mask ?? (2 ** (bits - shift) - 1);
  const load = bits === 8 ? `*(__u8 *)(${p})` : `__builtin_bswap${bits}(*(__u${bits} *)(${p}))`;
  const field = `((__u${bits})(value & 0x${mask.toString(16)}) << ${shift})`;
  const merged = `(${load} & ~((__u${bits})0x${mask.toString(16)} << ${shift})) | ${field}`;
  return bits === 8 ? [`*(__u8 *)(${p}) = ${merged};`] : [`*(__u${bits} *)(${p}) = __builtin_bswap${bits}(${merged});`];
}

/** Updates a checksum at `at` (a pointer expression) for the words that change from before(i) to after(i). */
function updateChecksum(at: string, spec: ChecksumSpec, words: number, before: (i: number) => string, after: (i: number) => string): string[] {
  const lines = [`{`, `\t__u16 check = tsbpf_raw16(${at});`];
  if (spec.zeroMeansNone) lines.push("\tif (check != 0) {");
  const ind = spec.zeroMeansNone ? "\t\t" : "\t";
  for (let i = 0; i < words; i++) lines.push(`${ind}check = tsbpf_csum_replace(check, ${before(i)}, ${after(i)});`);
  if (spec.zeroMeansNone) lines.push(`${ind}tsbpf_raw16(${at}) = check ? check : 0xffff;`, "\t}");
  else lines.push(`\ttsbpf_raw16(${at}) = check;`);
  lines.push("}");
  return lines;
}

export function setter(p: ProtocolSpec, f: FieldSpec): string {
  const head = `static __always_inline void ${setterName(p, f.name)}(struct tsbpf_hdr h, __u8 *end, ${fieldCType(f.type)} value)`;
  if (f.bit) {
    const target = fieldOf(p, f.bit.field)!;
    const get = `tsbpf_${p.name}_${target.name}(h, end)`;
    return `${head}\n{\n\t${setterName(p, target.name)}(h, end, value ? (${get} | 0x${f.bit.mask.toString(16)}) : (${get} & ~0x${f.bit.mask.toString(16)}));\n}`;
  }
  const read = f.read as LoadedField & { at: number };
  const first = read.at & ~1;
  const words = ((read.at + read.width + 1) & ~1) - first >> 1;
  const own = p.checksum && !(read.at === p.checksum.at && read.width === 2) ? p.checksum : undefined;
  // the checksums covering the field: the header's own, and an upper layer's through its pseudo-header
  const checksums = [
    ...(own ? [{ at: `h.pos + ${own.at}`, spec: own, guard: [] as string[] }] : []),
    ...(p.pseudoHeader?.includes(f.name) ? childrenOf(p).filter((c) => c.child.checksum?.pseudoHeader) : []).map(({ child, selector }) => {
      const c = child.checksum!;
      return { at: `h.next + ${c.at}`, spec: c, guard: [`if (h.next_proto == ${storedSelector(p, selector)} && tsbpf_fits(h.next, ${c.at + 2}, end))`] };
    }),
  ];
  const old = (i: number) => `tsbpf_raw16(h.pos + ${first + 2 * i})`;
  const body: string[] = [];
  if ((f.type === "mac" || f.type === "ipv6addr") && read.at === first) {
    // an address: each checksum takes the old words from the packet and the new ones from the value before the copy,
    // so no word is held across it (keeping all sixteen of an IPv6 address's had clang spill them on the stack)
    body.push(`${addressSlotType(f.type)} bytes = value;`);
    for (const c of checksums) body.push(...c.guard, ...updateChecksum(c.at, c.spec, words, old, (i) => `tsbpf_raw16((__u8 *)&bytes + ${2 * i})`));
    body.push(`__builtin_memcpy(h.pos + ${read.at}, &bytes, ${read.width});`);
  } else {
    const covered = checksums.length > 0;
    if (covered) body.push(`__u16 before[${words}] TSBPF_SLOT, after[${words}] TSBPF_SLOT;`, ...range(words).map((i) => `before[${i}] = ${old(i)};`));
    body.push(...write(read, f.type));
    if (covered) body.push(...range(words).map((i) => `after[${i}] = ${old(i)};`));
    for (const c of checksums) body.push(...c.guard, ...updateChecksum(c.at, c.spec, words, (i) => `before[${i}]`, (i) => `after[${i}]`));
  }
  return `${head}\n{\n${body.map((l) => `\t${l}`).join("\n")}\n}`;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const swapperName = (p: ProtocolSpec, a: string, b: string) => `tsbpf_${p.name}_swap_${a}_${b}`;

/**
 * Whether exchanging two fields' bytes leaves every checksum as it is: fields of one type and width at fixed places,
 * apart, covered by the same checksums, and made of whole 16-bit words where a checksum covers them (a one's-complement
 * sum does not change when its words change places).
 */
export function swapKeepsChecksums(p: ProtocolSpec, a: FieldSpec, b: FieldSpec): boolean {
  if (a === b || a.type !== b.type || a.bit || b.bit || !("at" in a.read) || !("at" in b.read)) return false;
  const [ra, rb] = [a.read, b.read];
  if (typeof ra.at !== "number" || typeof rb.at !== "number" || ra.width !== rb.width) return false;
  if ([ra, rb].some((r) => r.shift !== undefined || r.mask !== undefined)) return false;
  if (ra.at < rb.at + rb.width && rb.at < ra.at + ra.width) return false;
  const pseudo = (f: FieldSpec) => p.pseudoHeader?.includes(f.name) ?? false;
  if (pseudo(a) !== pseudo(b)) return false;
  const own = p.checksum;
  if (own && [ra, rb].some((r) => (r.at as number) < own.at + 2 && own.at < (r.at as number) + r.width)) return false;
  const covered = !!own || pseudo(a);
  return !covered || (ra.at % 2 === 0 && rb.at % 2 === 0 && ra.width % 2 === 0);
}

/** Exchanges two fields' bytes in place (see swapKeepsChecksums): loaded in the widest pieces, then stored crosswise. */
export function swapper(p: ProtocolSpec, a: FieldSpec, b: FieldSpec): string {
  const [ra, rb] = [a.read as LoadedField & { at: number }, b.read as LoadedField & { at: number }];
  const pieces: [number, number][] = [];
  for (let k = 0; k < ra.width; ) {
    const size = [8, 4, 2, 1].find((n) => n <= ra.width - k)!;
    pieces.push([k, size]);
    k += size;
  }
  const at = (base: number, k: number, size: number) => `*(__u${size * 8} *)(h.pos + ${base + k})`;
  const body = [
    ...pieces.flatMap(([k, size], i) => [`__u${size * 8} a${i} = ${at(ra.at, k, size)};`, `__u${size * 8} b${i} = ${at(rb.at, k, size)};`]),
    ...pieces.flatMap(([k, size], i) => [`${at(ra.at, k, size)} = b${i};`, `${at(rb.at, k, size)} = a${i};`]),
  ];
  return `static __always_inline void ${swapperName(p, a.name, b.name)}(struct tsbpf_hdr h, __u8 *end)\n{\n${body.map((l) => `\t${l}`).join("\n")}\n}`;
}

