// Routes a function's returns through one variable set at its entry when a return stands inside a loop.
import { assign, decl, goto, id, num, type CStmt } from "../c/ast.js";

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
  const all = (body: CStmt[]) => body.map(rewrite);
  switch (s.k) {
    case "return":
      return { k: "block", body: [assign(id(RESULT), s.value!), goto(EXIT)], at: s.at };
    case "if":
      return { ...s, then: all(s.then), else: s.else ? all(s.else) : undefined };
    case "block":
    case "for":
    case "while":
      return { ...s, body: all(s.body) };
    case "switch":
      return { ...s, cases: s.cases.map((c) => ({ ...c, body: all(c.body) })) };
    case "label":
      return { ...s, body: rewrite(s.body) };
    default:
      return s;
  }
}
