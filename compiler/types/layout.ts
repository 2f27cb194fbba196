// The memory layout of tsbpf types as C lays them out for BPF (natural alignment), recorded in the manifest for user space.
import type { CheckFacts } from "../check/facts.js";
import { INTS, type IntName } from "./int-types.js";
import type { TType } from "./types.js";

/** How user space reads and writes a value: its size and, for structs and arrays, where each part lies. */
export type Layout =
  | { kind: "int"; type: IntName; size: number; align: number; byteOrder?: "big" }
  | { kind: "bool"; size: 1; align: 1 }
  | { kind: "struct"; name: string; size: number; align: number; fields: { name: string; offset: number; layout: Layout }[] }
  | { kind: "array"; element: Layout; length: number; size: number; align: number };

/** The bytes of a struct no field covers (between fields and at the end): where C leaves garbage. */
export interface Padding {
  /** The field the gap follows ("" at the start), and its size. */
  after: string;
  bytes: number;
}

/** The layout of a type; a struct's fields may be given directly (for config objects, which are not named types). */
export function layoutOf(facts: Pick<CheckFacts, "structs">, t: TType, fieldsGiven?: { name: string; type: TType }[]): Layout {
  switch (t.kind) {
    case "int": {
      const size = INTS[t.name].bits / 8;
      return { kind: "int", type: t.name, size, align: size };
    }
    case "enum": {
      const name: IntName = t.underlying ?? "u32";
      return layoutOf(facts, { kind: "int", name });
    }
    case "bool":
      return { kind: "bool", size: 1, align: 1 };
    case "array": {
      const element = layoutOf(facts, t.element);
      return { kind: "array", element, length: t.length, size: element.size * t.length, align: element.align };
    }
    case "struct": {
      const info = fieldsGiven ? { fields: fieldsGiven, networkOrder: undefined } : facts.structs.get(t.name);
      if (!info) throw new Error(`internal: unknown struct ${t.name}`);
      let offset = 0;
      let align = 1;
      const fields = info.fields.map((f) => {
        const layout = layoutOf(facts, f.type);
        offset = roundUp(offset, layout.align);
        const field = { name: f.name, offset, layout: info.networkOrder?.has(f.name) && layout.kind === "int" ? { ...layout, byteOrder: "big" as const } : layout };
        offset += layout.size;
        align = Math.max(align, layout.align);
        return field;
      });
      return { kind: "struct", name: t.name, size: roundUp(offset, align), align, fields };
    }
    default:
      throw new Error(`internal: no layout for ${t.kind}`);
  }
}

/** Every gap in a struct layout, nested structs included. */
export function paddingOf(layout: Layout, path = ""): Padding[] {
  if (layout.kind === "array") return paddingOf(layout.element, `${path}[]`);
  if (layout.kind !== "struct") return [];
  const gaps: Padding[] = [];
  let end = 0;
  let last = "";
  for (const f of layout.fields) {
    if (f.offset > end) gaps.push({ after: last, bytes: f.offset - end });
    gaps.push(...paddingOf(f.layout, `${path}${f.name}.`));
    end = f.offset + f.layout.size;
    last = `${path}${f.name}`;
  }
  if (layout.size > end) gaps.push({ after: last, bytes: layout.size - end });
  return gaps;
}

const roundUp = (n: number, align: number) => Math.ceil(n / align) * align;
