// Routes a function's returns through one variable set at its entry when a return stands inside a loop, and hides constant returns beside computed ones.
import { assign, call, decl, goto, id, isConstantInC, num, type CExpr, type CStmt } from "../c/ast.js";

const RESULT = "tsbpf_result";
const EXIT = "tsbpf_exit";

/**
 * A body whose returns, where one stands inside a loop, set `tsbpf_result` (0 at entry) and jump to one exit. clang
 * keeps a function's result in a value of its own, undefined until a return sets it; with a return inside a loop it
 * carried that value around the loop from the entry, undefined, and spilled it, and the verifier refuses a store of a
 * register never set ("R2 !read_ok": test/fuzz/regressions/verifier-r-read-ok-d1201bef.ts). Bodies without such a
 * return, or with a return of no value, are left as they are.
 */
export function singleExit(body: CStmt[], resultType: string): CStmt[] {
  if (!returnsInLoop(body, false) || hasBareReturn(body)) return body;
  return [decl(resultType, RESULT, num(0)), ...body.map(rewrite), { k: "label", name: EXIT, body: { k: "return", value: id(RESULT) } }];
}

/**
 * A function's body whose returns mix constants with values computed by a call (a helper, a map, a value hidden from
 * the verifier), with each constant returned through a register clang cannot see into. clang otherwise merged
 * `return c ? computed : true` into `c | computed`, reading the computed value's register on the path that never set
 * it, and the verifier refuses a register never set ("R1 !read_ok": fuzz seed 20261303, program 1613, kept in
 * test/fuzz/regressions/). Bodies whose returns are all constants, or none, are left as they are.
 */
export function settledReturns(body: CStmt[], resultType: string): CStmt[] {
  const values = returnValues(body);
  if (!values.some(isConstantInC) || !values.some(callsSomething)) return body;
  const settle = (s: CStmt): CStmt => {
    if (s.k !== "return" || !s.value || !isConstantInC(s.value)) return s;
    const r = id("tsbpf_r_");
    return { ...s, value: { k: "scoped", locals: [{ type: resultType, name: "tsbpf_r_", init: s.value }], effects: [call("tsbpf_opaque", [r])], value: r } };
  };
  return body.map((s) => mapStatements(s, settle));
}

function returnValues(body: CStmt[]): CExpr[] {
  return body.flatMap((s) => [...(s.k === "return" && s.value ? [s.value] : []), ...nested(s).flatMap((n) => returnValues(n.body))]);
}

/** Whether an expression calls something (a function, a helper, a macro of the runtime). */
function callsSomething(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  if ((e as { k?: string }).k === "call") return true;
  return Object.values(e).some(callsSomething);
}

/** The statements nested in s, and whether they are a loop's body. */
function nested(s: CStmt): { body: CStmt[]; loop: boolean }[] {
  switch (s.k) {
    case "if":
      return [{ body: s.then, loop: false }, { body: s.else ?? [], loop: false }];
    case "block":
      return [{ body: s.body, loop: false }];
    case "for":
    case "while":
      return [{ body: s.body, loop: true }];
    case "switch":
      return s.cases.map((c) => ({ body: c.body, loop: false }));
    case "label":
      return [{ body: [s.body], loop: false }];
    default:
      return [];
  }
}

function returnsInLoop(body: CStmt[], inLoop: boolean): boolean {
  return body.some((s) => (s.k === "return" && inLoop) || nested(s).some((n) => returnsInLoop(n.body, inLoop || n.loop)));
}

function hasBareReturn(body: CStmt[]): boolean {
  return body.some((s) => (s.k === "return" && !s.value) || nested(s).some((n) => hasBareReturn(n.body)));
}

function rewrite(s: CStmt): CStmt {
  return mapStatements(s, (r) => (r.k === "return" ? { k: "block", body: [assign(id(RESULT), r.value!), goto(EXIT)], at: r.at } : r));
}

/** s with `leaf` applied to each statement in it that holds no others (a return, an expression...). */
function mapStatements(s: CStmt, leaf: (s: CStmt) => CStmt): CStmt {
  const all = (body: CStmt[]) => body.map((x) => mapStatements(x, leaf));
  switch (s.k) {
    case "if":
      return { ...s, then: all(s.then), else: s.else ? all(s.else) : undefined };
    case "block":
    case "for":
    case "while":
      return { ...s, body: all(s.body) };
    case "switch":
      return { ...s, cases: s.cases.map((c) => ({ ...c, body: all(c.body) })) };
    case "label":
      return { ...s, body: mapStatements(s.body, leaf) };
    default:
      return leaf(s);
  }
}
