// The generator's state while it writes one probe: the random source, the module's declarations and the function being written.
import type { Expr } from "./ast.js";
import type { Random } from "./random.js";
import { Scope, type Var } from "./scope.js";
import type { SizeProfile } from "./size.js";
import { surface, type ContextView, type MapKindView } from "./surface.js";
import type { IntType, VType } from "./types.js";

export interface StructDef {
  name: string;
  fields: { name: string; type: VType }[];
  size: number;
  align: number;
}

export interface MapDef {
  name: string;
  kind: MapKindView;
  /** The key type (K, an LPM prefix struct, or u32 for index kinds). */
  key?: VType;
  value?: VType;
  size: number;
}

export interface ConfigDef {
  name: string;
  fields: { name: string; type: VType; value: Expr }[];
}

export interface ConstDef {
  name: string;
  /** Typed constants read like variables of their type; untyped ones like literals of their value. */
  type?: IntType;
  value: bigint;
}

export interface FunctionDef {
  name: string;
  params: { name: string; type: VType; nullable: boolean }[];
  /** undefined for void. */
  returns?: VType;
  noinline: boolean;
}

export interface LoopFrame {
  kind: "for" | "forOf" | "while";
  /** Trip count, for keeping nested loops within reason. */
  trips: number;
}

export interface FunctionState {
  /** The program's context when writing a program body; undefined in a module function. */
  program?: ContextView;
  /** The result type of a module function (undefined: void). */
  returns?: VType;
  loops: LoopFrame[];
  /** Nesting of blocks, for the size profile's maxDepth. */
  depth: number;
  /** Statements still to write in this function. */
  budget: number;
}

export class Gen {
  readonly api = surface();
  readonly structs: StructDef[] = [];
  readonly maps: MapDef[] = [];
  readonly configs: ConfigDef[] = [];
  readonly consts: ConstDef[] = [];
  readonly functions: FunctionDef[] = [];
  /** The public API features and grammar forms this probe uses (for the coverage test). */
  readonly used = new Set<string>();
  scope = new Scope();
  /** How deeply expressions nest inside one another right now. */
  nesting = 0;
  fn: FunctionState = { loops: [], depth: 0, budget: 0 };

  constructor(
    readonly rnd: Random,
    readonly size: SizeProfile,
  ) {}

  use(feature: string): void {
    this.used.add(feature);
  }

  /** Writes a function body in a fresh scope and state. */
  within<T>(state: FunctionState, fn: () => T): T {
    const saved = [this.scope, this.fn] as const;
    this.scope = new Scope();
    this.fn = state;
    try {
      return fn();
    } finally {
      [this.scope, this.fn] = saved;
    }
  }

  /** Declares a new local (not null, here at the current loop depth) under a fresh name. */
  local(base: string, type: VType, mutable: boolean): Var {
    return this.scope.declare({ name: this.scope.fresh(base), type, mutable, nullable: false, undefinable: false, loopDepth: this.loopDepth });
  }

  /** Declares a loop's variable under `name`: not assignable, taking the values in range. */
  counter(name: string, type: IntType, range: [bigint, bigint]): Var {
    return this.scope.declare({ name, type: { k: "int", t: type }, mutable: false, nullable: false, undefinable: false, loopDepth: this.loopDepth, counter: { range } });
  }

  get loopDepth(): number {
    return this.fn.loops.length;
  }

  /** The product of the trip counts of the enclosing loops: how often a statement here runs. */
  get loopWork(): number {
    return this.fn.loops.reduce((p, l) => p * l.trips, 1);
  }

  get inProgram(): boolean {
    return this.fn.program !== undefined;
  }
}
