// The size knob: how many programs, statements, loops and declarations a generated probe has.

export interface SizeProfile {
  name: SizeName;
  programs: [number, number];
  /** Statements per program body, counting those in nested blocks. */
  statements: [number, number];
  /** How deep blocks nest (if, loops, switch). */
  maxDepth: number;
  /** How many loops may nest. */
  maxLoopNest: number;
  /** The largest trip count of an ordinary loop (a rare loop may run up to the 1024 the checker allows). */
  maxTrips: number;
  functions: [number, number];
  maps: [number, number];
  structs: [number, number];
  /** Weight of header accessor chains among statements: large probes hold 40 and more. */
  accessorWeight: number;
}

export const SIZE_NAMES = ["small", "medium", "large"] as const;
export type SizeName = (typeof SIZE_NAMES)[number];
export type SizeChoice = SizeName | "mixed";

export const SIZES: Record<SizeName, SizeProfile> = {
  small: { name: "small", programs: [1, 1], statements: [3, 10], maxDepth: 2, maxLoopNest: 1, maxTrips: 4, functions: [0, 1], maps: [0, 2], structs: [0, 1], accessorWeight: 6 },
  medium: { name: "medium", programs: [1, 3], statements: [12, 40], maxDepth: 4, maxLoopNest: 3, maxTrips: 6, functions: [0, 3], maps: [1, 4], structs: [0, 2], accessorWeight: 8 },
  large: { name: "large", programs: [1, 3], statements: [50, 110], maxDepth: 6, maxLoopNest: 5, maxTrips: 4, functions: [1, 4], maps: [2, 6], structs: [1, 3], accessorWeight: 14 },
};

/** For a mixed run: mostly small and medium probes, one in nine large (they cost the verifier the most). */
export const MIXED_WEIGHTS: [SizeName, number][] = [
  ["small", 10],
  ["medium", 6],
  ["large", 2],
];
