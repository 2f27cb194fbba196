// Exact arithmetic on untyped constants (they have no width until a context gives them one).
import { ts } from "ts-morph";

const K = ts.SyntaxKind;

export function foldUnary(op: ts.PrefixUnaryOperator, v: bigint): bigint {
  return op === K.MinusToken ? -v : ~v;
}

/** Division and modulo by zero follow BPF: x / 0 = 0 and x % 0 = x. */
export function foldBinary(op: ts.SyntaxKind, a: bigint, b: bigint): bigint {
  switch (op) {
    case K.PlusToken: return a + b;
    case K.MinusToken: return a - b;
    case K.AsteriskToken: return a * b;
    case K.SlashToken: return b === 0n ? 0n : a / b;
    case K.PercentToken: return b === 0n ? a : a % b;
    case K.AmpersandToken: return a & b;
    case K.BarToken: return a | b;
    case K.CaretToken: return a ^ b;
    case K.LessThanLessThanToken: return a << b;
    case K.GreaterThanGreaterThanToken: return a >> b;
    default: throw new Error(`not a foldable operator: ${ts.SyntaxKind[op]}`);
  }
}
