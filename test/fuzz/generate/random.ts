// A seeded 32-bit PRNG (splitmix32) and the random choices the generator makes with it.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32-bit value (splitmix32). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 1 ? 0 : this.next() % n;
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() / 0x100000000 < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.below(items.length)]!;
  }

  /** One of the entries, each as likely as its weight; entries of weight 0 are never chosen. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + Math.max(0, w), 0);
    if (total <= 0) throw new Error("weighted pick with no positive weight");
    let r = (this.next() / 0x100000000) * total;
    for (const [item, w] of entries) {
      if (w <= 0) continue;
      if (r < w) return item;
      r -= w;
    }
    return entries.filter(([, w]) => w > 0).at(-1)![0];
  }

  /** A bigint in [lo, hi]. */
  bigBetween(lo: bigint, hi: bigint): bigint {
    const span = hi - lo + 1n;
    const r = (BigInt(this.next()) << 32n) | BigInt(this.next());
    return lo + (r % span);
  }
}

/** The seed of program `index` of a run: each program is reproducible on its own, without generating the ones before it. */
export function programSeed(runSeed: number, index: number): number {
  const r = new Random((runSeed ^ Math.imul(index + 1, 0x27d4eb2d)) >>> 0);
  r.next();
  return r.next();
}
