// The probe's own `enum` and `const enum` declarations: numeric members with constant values, an integer type underneath.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { defaultIntFor, type IntName } from "../types/int-types.js";
import type { CheckContext } from "./context.js";

export interface EnumInfo {
  /** The integer type the members are stored as: u32 when every value fits, else the first of i32, u64, i64 that does. */
  underlying: IntName;
  values: Map<string, bigint>;
}

export function declareEnum(cx: CheckContext, node: ts.EnumDeclaration): void {
  const values = new Map<string, bigint>();
  for (const member of node.members) {
    const value = cx.checker.getConstantValue(member);
    if (typeof value !== "number" || !Number.isSafeInteger(value)) {
      cx.error(member, messages.enumMember());
      return;
    }
    values.set(member.name.getText(), BigInt(value));
  }
  const all = [...values.values()];
  const lo = all.reduce((a, b) => (b < a ? b : a), 0n);
  const hi = all.reduce((a, b) => (b > a ? b : a), 0n);
  cx.enums.set(node.name.text, { underlying: defaultIntFor(lo, hi) ?? "i64", values });
}
