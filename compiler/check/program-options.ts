// The options of a program decorator, `@xdp({ section, onError })`: known names, constant values.
import { ts } from "ts-morph";
import { messages } from "../diagnostics/catalogue.js";
import type { CheckContext } from "./context.js";
import { unparen } from "./syntax.js";
import { kindByDecorator, type ProgramKind } from "../programs/kinds.js";

export interface ProgramOptions {
  /** The program kind the decorator names. */
  kind: ProgramKind;
  /** The ELF section instead of `xdp/<method>`. */
  section?: string;
  /** The verdict a failed raw packet read ends the program with (a member name of the kind's verdict enum). */
  onError?: string;
}

/** Reads `@xdp` or `@xdp({...})`; undefined (with diagnostics) when the decorator is not a valid program decorator. */
export function programOptions(cx: CheckContext, decorator: ts.Expression): ProgramOptions | undefined {
  const d = unparen(decorator);
  if (ts.isIdentifier(d) && kindByDecorator(d.text)) return { kind: kindByDecorator(d.text)! };
  const callee = ts.isCallExpression(d) ? unparen(d.expression) : undefined;
  const kind = callee && ts.isIdentifier(callee) ? kindByDecorator(callee.text) : undefined;
  if (!kind || !ts.isCallExpression(d)) {
    cx.error(decorator, messages.classMember());
    return undefined;
  }
  const arg = d.arguments[0] ? unparen(d.arguments[0]) : undefined;
  if (!arg || d.arguments.length !== 1 || !ts.isObjectLiteralExpression(arg)) {
    cx.error(d, messages.decoratorOptions(`options are given as one object literal, e.g. @${kind.decorator}({ section: "${kind.libbpfSection}" })`));
    return undefined;
  }
  const options: ProgramOptions = { kind };
  let ok = true;
  for (const prop of arg.properties) {
    const name = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : undefined;
    if (!ts.isPropertyAssignment(prop) || !name) {
      cx.error(prop, messages.decoratorOptions("write each option as `name: value`"));
      ok = false;
      continue;
    }
    const value = unparen(prop.initializer);
    if (name === "section" && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && /^[\x21-\x7e]+$/.test(value.text)) {
      options.section = value.text;
    } else if (name === "onError" && ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === kind.action && value.name.text in kind.actions) {
      options.onError = value.name.text;
    } else if (name === "section" || name === "onError") {
      cx.error(prop.initializer, messages.optionValue(name, name === "section" ? "a string literal of printable characters without spaces" : `a ${kind.action} member, e.g. ${kind.action}.${kind.defaultOnError}`));
      ok = false;
    } else {
      cx.error(prop.name!, messages.decoratorOptions(`'${name}' is not an option of @${kind.decorator}; the options are section and onError`));
      ok = false;
    }
  }
  return ok ? options : undefined;
}
