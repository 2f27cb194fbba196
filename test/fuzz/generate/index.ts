// The generator's entry point: program `index` of a run with seed `runSeed`, reproducible on its own.
import type { Probe } from "./ast.js";
import { generateProbe } from "./module.js";
import { printProbe } from "./print.js";
import { programSeed, Random } from "./random.js";
import { MIXED_WEIGHTS, SIZES, type SizeChoice, type SizeName } from "./size.js";

export interface Generated {
  runSeed: number;
  index: number;
  size: SizeName;
  probe: Probe;
  text: string;
  used: Set<string>;
}

export function generate(runSeed: number, index: number, size: SizeChoice = "mixed"): Generated {
  const seed = programSeed(runSeed, index);
  const chosen: SizeName = size === "mixed" ? new Random(seed ^ 0x5bd1e995).weighted(MIXED_WEIGHTS) : size;
  const header = `tsbpf fuzz: seed ${runSeed}, program ${index}, ${chosen}`;
  const { probe, used } = generateProbe(seed, SIZES[chosen], header);
  return { runSeed, index, size: chosen, probe, text: printProbe(probe), used };
}
