// Checks calls of the runtime's helper functions (ktimeNs(), redirect(ifindex), csumReplace16(...)) against compiler/helpers.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import type { HelperSpec, HelperType } from "../helpers/table.js";
import { kindByAction } from "../programs/kinds.js";
import { int, type TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { checkAssignable } from "./expressions.js";

/** A helper's parameter or result type; "Verdict" is the verdict enum named (the calling program's). */
export function helperType(t: HelperType, verdict = "XdpAction"): TType {
  return t === "Verdict" ? { kind: "enum", name: verdict } : int(t);
}

export function checkHelperCall(cx: CheckContext, node: ts.CallExpression, helper: HelperSpec): TType | undefined {
  const required = helper.params.filter((p) => !p.optional).length;
  if (node.arguments.length < required || node.arguments.length > helper.params.length) {
    const params = helper.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    cx.error(node, messages.callArguments(`${helper.name}()`, params ? `it takes ${params}` : "it takes no arguments"));
    return undefined;
  }
  if (helper.kinds) cx.useRestricted(node, `${helper.name}()`, helper.kinds);
  if ("kernel" in helper.lower) cx.useKernelHelper(node, helper.lower.kernel, `${helper.name}()`);
  let ok = true;
  node.arguments.forEach((arg, i) => {
    if (!checkAssignable(cx, arg, helperType(helper.params[i]!.type))) ok = false;
  });
  return ok ? helperType(helper.returns, callerVerdict(cx, node)) : undefined;
}

/** The verdict a "Verdict" helper returns: the program's; in a module function, the one TypeScript infers from the context (`return redirect(i)` in a function returning TcAction). */
function callerVerdict(cx: CheckContext, node: ts.CallExpression): string | undefined {
  if (cx.currentKind) return cx.currentKind.action;
  const returned = cx.checker.getResolvedSignature(node)?.getReturnType();
  const name = returned && cx.checker.typeToString(returned);
  return name && kindByAction(name) ? name : undefined;
}
