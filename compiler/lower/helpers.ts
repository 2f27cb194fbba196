// Lowers calls of the runtime's helper functions: kernel helpers through their function pointers, the rest as inline C.
import { ts } from "ts-morph";
import { call, cast, inlineFunction, type CExpr } from "../c/ast.js";
import { helperType } from "../check/helpers.js";
import type { HelperSpec, HelperType } from "../helpers/table.js";
import { cType, intLiteral } from "./c-types.js";
import type { LowerContext } from "./context.js";
import { lowerAs } from "./expressions.js";
import { kindByAction } from "../programs/kinds.js";

const cTypeOf = (t: HelperType) => cType(helperType(t));

export function lowerHelperCall(lx: LowerContext, node: ts.CallExpression, helper: HelperSpec): CExpr {
  const args = helper.params.map((p, i) => {
    const arg = node.arguments[i];
    if (arg) return lowerAs(lx, arg, helperType(p.type));
    return intLiteral(p.optional!.default, p.type === "Verdict" ? "u32" : p.type);
  });
  if ("kernel" in helper.lower) {
    lx.kernelHelpers.add(helper.lower.kernel);
    const result = call(`tsbpf_${helper.lower.kernel}`, args);
    const verdict = helper.returns === "Verdict" ? lx.typeOf(node) : undefined;
    return verdict?.kind === "enum" ? cast(kindByAction(verdict.name)!.actionC, result) : result;
  }
  const name = `tsbpf_${helper.name}`;
  if (!lx.accessors.has(name)) {
    const params = helper.params.map((p) => ({ type: cTypeOf(p.type), name: p.name }));
    lx.accessors.set(name, [{ k: "function", fn: inlineFunction(name, cTypeOf(helper.returns), params, helper.lower.body()) }]);
  }
  return call(name, args);
}
