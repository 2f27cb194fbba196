// Context fields (`ctx.raw.mark`, `ctx.raw.cb[i]`, `ctx.mark`): each read and each write is one instruction at a constant offset from the context.
import { ts } from "ts-morph";
import { call, cast, cond, binary, element, id, num, type CExpr } from "../c/ast.js";
import { unparen } from "../check/syntax.js";
import { kindByContext } from "../programs/kinds.js";
import { RAW_CONTEXTS } from "../programs/raw-contexts.js";
import type { LowerContext } from "./context.js";
import { lowerAs } from "./expressions.js";

/** A field of the context, as lowering addresses it: the context, the C field (with a constant index) and its width. */
interface FieldPlace {
  ctx: CExpr;
  /** The C field, e.g. "mark" or "cb"; an element of an array field is chosen by `index`. */
  field: string;
  size: "u32" | "u64";
  /** For an element of an array field: its index expression (constant or not) and the array's length. */
  index?: { node: ts.Expression; length: number };
  /** skb->protocol: kept in network order, shown in host order. */
  networkOrder?: boolean;
}

/** The context field an expression names, if it names one. */
function placeOf(lx: LowerContext, node: ts.Expression): FieldPlace | undefined {
  const e = unparen(node);
  if (ts.isElementAccessExpression(e)) {
    const array = placeOf(lx, e.expression);
    const length = array && (lx.typeOf(e.expression) as { length?: number }).length;
    return array && length !== undefined ? { ...array, index: { node: e.argumentExpression, length } } : undefined;
  }
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const receiver = unparen(e.expression);
  const receiverType = lx.typeOf(receiver);
  if (receiverType.kind === "context") {
    const kind = kindByContext(receiverType.name)!;
    const shortcut = kind.fields.find((f) => f.name === e.name.text);
    if (!shortcut) return undefined;
    return { ctx: lowerAs(lx, receiver), field: shortcut.raw, size: widthOf(kind.ctxC, shortcut.raw), networkOrder: shortcut.networkOrder };
  }
  if (!ts.isPropertyAccessExpression(receiver) || receiver.name.text !== "raw") return undefined;
  const contextType = lx.typeOf(receiver.expression);
  if (contextType.kind !== "context") return undefined;
  const kind = kindByContext(contextType.name)!;
  return { ctx: lowerAs(lx, receiver.expression), field: e.name.text, size: widthOf(kind.ctxC, e.name.text) };
}

function widthOf(ctxC: string, field: string): "u32" | "u64" {
  const raw = RAW_CONTEXTS.find((r) => `struct ${r.cTag}` === ctxC)!.fields.find((f) => f.name === field);
  if (!raw?.ts) throw new Error(`internal: context field ${field} has no integer type`);
  return raw.ts.int;
}

/** One access per possible index of an array field, chosen by comparisons (the verifier takes constant offsets only). */
function eachIndex(lx: LowerContext, place: FieldPlace, access: (field: CExpr) => CExpr): CExpr {
  const at = (i: number | bigint): CExpr => element(id(place.field), i);
  const { node, length } = place.index!;
  const t = lx.typeOf(node);
  if (t.kind === "const") return access(at(t.value));
  const temp = lx.temporary("i");
  let chain = access(at(length - 1)); // the checker proved the index below the length
  for (let i = length - 2; i >= 0; i--) chain = cond(binary("==", id(temp), num(i)), access(at(i)), chain);
  return call("tsbpf_let", [id(temp), lowerAs(lx, node), chain]);
}

const fieldAccess = (lx: LowerContext, place: FieldPlace, access: (field: CExpr) => CExpr) => (place.index ? eachIndex(lx, place, access) : access(id(place.field)));

/** `ctx.raw.x`, `ctx.raw.x[i]`, `ctx.mark` as a value, or undefined if the expression is no context field. */
export function lowerContextRead(lx: LowerContext, node: ts.Expression): CExpr | undefined {
  const place = placeOf(lx, node);
  if (!place) return undefined;
  const value = fieldAccess(lx, place, (field) => call("tsbpf_ctx_get", [place.ctx, field, id(place.size)]));
  return place.networkOrder ? call("__builtin_bswap16", [cast("__u16", value)]) : value;
}

/** `ctx.raw.x = v` and the like, or undefined if the target is no context field. */
export function lowerContextWrite(lx: LowerContext, target: ts.Expression, value: CExpr): CExpr | undefined {
  const place = placeOf(lx, target);
  if (!place) return undefined;
  return fieldAccess(lx, place, (field) => call("tsbpf_ctx_set", [place.ctx, field, id(place.size), value]));
}
