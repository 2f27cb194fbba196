// The variables a generated function can see, what is known about each (null or not, stale, its proven range), and fresh names.
import type { VType } from "./types.js";

export interface Var {
  name: string;
  type: VType;
  /** A `let` or a parameter: assignable. */
  mutable: boolean;
  /** Its type includes null (headers, map references). */
  nullable: boolean;
  /** Its type also includes undefined (declared from an optional chain). */
  undefinable: boolean;
  /** How many loops enclose its declaration. */
  loopDepth: number;
  /** A loop counter (never assigned in the body) or a while loop's own variable, with the values it takes there. */
  counter?: { range: [bigint, bigint] };
  /** A reference that map get() returned: reads and writes go through to the map. */
  ref?: boolean;
  /** A header or cursor taken before ctx.adjustHead/Tail/Meta: using it is an error (TSBPF1051). */
  stale?: boolean;
}

interface Frame {
  vars: Var[];
  /** Variables known not to be null in this frame (narrowed by a test). */
  narrowed: Set<string>;
  /** Variables tested for null by the condition that leads here: TypeScript may know them null, so they are not used. */
  hidden: Set<string>;
}

export class Scope {
  private readonly frames: Frame[] = [{ vars: [], narrowed: new Set(), hidden: new Set() }];
  private readonly counts = new Map<string, number>();

  /** A name no other variable of the function has (names are never shadowed). */
  fresh(base: string): string {
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    return `${base}${n}`;
  }

  declare(v: Var): Var {
    this.frames.at(-1)!.vars.push(v);
    return v;
  }

  push(): void {
    this.frames.push({ vars: [], narrowed: new Set(), hidden: new Set() });
  }

  pop(): void {
    this.frames.pop();
  }

  /** Runs fn in a nested frame: declarations and narrowings made there end with it. */
  nested<T>(fn: () => T): T {
    this.push();
    try {
      return fn();
    } finally {
      this.pop();
    }
  }

  /** Every variable in scope that may be used (not stale). */
  visible(): Var[] {
    const hidden = new Set(this.frames.flatMap((f) => [...f.hidden]));
    return this.frames.flatMap((f) => f.vars).filter((v) => !v.stale && !hidden.has(v.name));
  }

  /** Keeps v out of use until the end of the current frame. */
  hide(v: Var | string): void {
    this.frames.at(-1)!.hidden.add(typeof v === "string" ? v : v.name);
  }

  lookup(name: string): Var | undefined {
    return this.visible().find((v) => v.name === name);
  }

  isNonNull(v: Var): boolean {
    return !v.nullable || this.frames.some((f) => f.narrowed.has(v.name));
  }

  /** Records that v is not null from here to the end of the current frame. */
  narrow(v: Var): void {
    this.frames.at(-1)!.narrowed.add(v.name);
  }

  /** v was assigned a value that may be null: no frame knows it is present any more. */
  forget(v: Var): void {
    for (const f of this.frames) f.narrowed.delete(v.name);
  }

  /** After an adjustment of the packet's bounds every header and cursor taken before is stale. */
  markPacketStale(): void {
    for (const v of this.frames.flatMap((f) => f.vars)) if (v.type.k === "header" || v.type.k === "cursor") v.stale = true;
  }
}
