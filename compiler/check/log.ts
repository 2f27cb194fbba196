// log.info/warn/error("format", ...args): checked like trace(), and each call site numbered for the manifest.
import { ts } from "ts-morph";
import type { TType } from "../types/types.js";
import type { CheckContext } from "./context.js";
import { checkFormatted } from "./trace.js";

export const LOG_MAX_ARGS = 8;
export const LOG_LEVELS = ["info", "warn", "error"] as const;

export interface LogSite {
  id: number;
  level: (typeof LOG_LEVELS)[number];
  format: string;
  /** The arguments' types as logged (each travels as 64 bits; signed ones sign-extended). */
  args: string[];
  /** The source file's path (the manifest makes it relative to the probe). */
  file: string;
  line: number;
  /** The program or function the call is in. */
  function: string;
  node: ts.CallExpression;
}

/** True for `log.info(...)` and the like on the runtime's `log`. */
export function isLogCall(cx: CheckContext, callee: ts.PropertyAccessExpression): boolean {
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== "log") return false;
  const decl = cx.declarationOf(callee.expression);
  return !!decl && cx.isAmbient(decl);
}

export function checkLog(cx: CheckContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): TType | undefined {
  const level = LOG_LEVELS.find((l) => l === callee.name.text);
  const t = checkFormatted(cx, node, `log.${callee.name.text}()`, LOG_MAX_ARGS);
  if (!t || !level) return level ? t : undefined;
  const sf = node.getSourceFile();
  const fn = cx.currentFunction && (ts.isFunctionDeclaration(cx.currentFunction) || ts.isMethodDeclaration(cx.currentFunction)) ? cx.currentFunction.name?.getText() : undefined;
  cx.logSites.push({
    id: cx.logSites.length,
    level,
    format: (node.arguments[0] as ts.StringLiteral).text,
    args: node.arguments.slice(1).map((a) => argType(cx.types.get(a))),
    file: sf.fileName,
    line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
    function: fn ?? "",
    node,
  });
  return t;
}

function argType(t: TType | undefined): string {
  if (t?.kind === "int") return t.name;
  if (t?.kind === "const") return t.value < 0n ? "i64" : "u64";
  return t?.kind === "bool" ? "bool" : "u32";
}
