// Raw reads and writes on a cursor (`c.u16(off)`, `c.setU16(off, v)`, `c.bytes(off, n)`): they end the program with its onError verdict when out of bounds, so they stand in program bodies.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import { int, VOID, type TType } from "../types/types.js";
import { CURSOR_WRITES } from "../protocols/cursor.js";
import type { IntName } from "../types/int-types.js";
import { constantOf } from "./constants.js";
import type { CheckContext } from "./context.js";
import { checkAssignable, checkExpr } from "./expressions.js";

/** The most bytes one bytes() call copies (they land on the 512-byte BPF stack). */
export const MAX_BYTES_COPY = 64;

function inProgramBody(cx: CheckContext, node: ts.Node, what: string): boolean {
  if (cx.currentFunction && ts.isMethodDeclaration(cx.currentFunction)) return true;
  cx.error(node, messages.rawRead(`${what} ends the program when it falls outside the packet, so it may only stand in a program's body; read in the program and pass the value to the function`));
  return false;
}

/** `c.u8(off)` ... `c.u64(off)`: a big-endian read at a u32 offset. */
export function checkRawRead(cx: CheckContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): TType | undefined {
  const name = callee.name.text as IntName;
  if (node.arguments.length !== 1) {
    cx.error(node, messages.rawRead(`${name}() takes one offset`));
    return undefined;
  }
  if (!checkAssignable(cx, node.arguments[0]!, int("u32"))) return undefined;
  cx.usedRawReads.add(node);
  return inProgramBody(cx, node, `${name}()`) ? int(name) : undefined;
}

/** `c.setU16(off, v)`: a big-endian write at a u32 offset, as a statement. */
export function checkRawWrite(cx: CheckContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): TType | undefined {
  const name = callee.name.text;
  const { type } = CURSOR_WRITES[name]!;
  if (node.arguments.length !== 2) {
    cx.error(node, messages.rawRead(`${name}() takes an offset and a ${type}`));
    return undefined;
  }
  if (cx.currentKind?.packet === "copy") {
    cx.error(node, messages.readOnlyPacket(`@${cx.currentKind.decorator}`));
    return undefined;
  }
  const ok = !!checkAssignable(cx, node.arguments[0]!, int("u32")) && !!checkAssignable(cx, node.arguments[1]!, int(type));
  cx.usedRawReads.add(node);
  return ok && inProgramBody(cx, node, `${name}()`) ? VOID : undefined;
}

/** `const b = c.bytes(off, 4)`: a FixedArray<u8, n> filled from the packet; only as a local's initial value. */
export function checkBytesCopy(cx: CheckContext, init: ts.Expression): TType | undefined {
  const call = init as ts.CallExpression;
  const [off, n] = call.arguments;
  if (!off || !n || call.arguments.length !== 2) {
    cx.error(call, messages.rawRead("bytes() takes an offset and a constant count"));
    return undefined;
  }
  checkExpr(cx, (call.expression as ts.PropertyAccessExpression).expression);
  if (!checkAssignable(cx, off, int("u32"))) return undefined;
  checkExpr(cx, n);
  const count = constantOf(cx, n);
  if (count === undefined || count < 1n || count > BigInt(MAX_BYTES_COPY)) {
    cx.error(n, messages.rawRead(`the count of bytes() is a constant from 1 to ${MAX_BYTES_COPY}`));
    return undefined;
  }
  if (!inProgramBody(cx, call, "bytes()")) return undefined;
  cx.usedRawReads.add(call);
  return cx.record(call, { kind: "array", element: int("u8"), length: Number(count) });
}

/** True for `c.bytes(off, n)` on a cursor. */
export function isBytesCopy(cx: CheckContext, init: ts.Expression): boolean {
  if (!ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression) || init.expression.name.text !== "bytes") return false;
  const t = cx.checker.getTypeAtLocation(init.expression.expression);
  return t.getSymbol()?.getName() === "Cursor";
}

