// Checks calls of the runtime's helper functions (ktimeNs(), redirect(ifindex), csumReplace16(...)) against compiler/helpers.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import type { HelperSpec, HelperType } from "../helpers/table.js";
import { int, type TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { checkAssignable } from "./expressions.js";

export function helperType(t: HelperType): TType {
  return t === "XdpAction" ? { kind: "enum", name: "XdpAction" } : int(t);
}

export function checkHelperCall(cx: CheckContext, node: ts.CallExpression, helper: HelperSpec): TType | undefined {
  const required = helper.params.filter((p) => !p.optional).length;
  if (node.arguments.length < required || node.arguments.length > helper.params.length) {
    const params = helper.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    cx.error(node, messages.callArguments(`${helper.name}()`, params ? `it takes ${params}` : "it takes no arguments"));
    return undefined;
  }
  let ok = true;
  node.arguments.forEach((arg, i) => {
    if (!checkAssignable(cx, arg, helperType(helper.params[i]!.type))) ok = false;
  });
  return ok ? helperType(helper.returns) : undefined;
}
