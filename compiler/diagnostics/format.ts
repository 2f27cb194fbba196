// Prints diagnostics the way the TypeScript compiler does: file:line:col, code, message, source line with a caret.
import type { Diagnostic } from "./diagnostic.js";

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.severity} ${d.code}: ${d.message}`;
  const loc = d.location;
  if (!loc) return head;
  const lines = [`${loc.file}:${loc.line}:${loc.column} - ${head}`];
  if (loc.lineText !== undefined) {
    const gutter = String(loc.line);
    const text = loc.lineText.replace(/\t/g, " ");
    const width = Math.max(1, Math.min(loc.length, text.length - loc.column + 1));
    lines.push("", `${gutter} ${text}`, `${" ".repeat(gutter.length)} ${" ".repeat(loc.column - 1)}^${"~".repeat(width - 1)}`, "");
  }
  return lines.join("\n");
}

export function formatDiagnostics(ds: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic["severity"], noun: string) => {
    const n = ds.filter((d) => d.severity === severity).length;
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
  };
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.filter((d) => d.severity === "warning").length;
  const summary = warnings === 0 ? `Found ${count("error", "error")}.` : errors === 0 ? `Found ${count("warning", "warning")}.` : `Found ${count("error", "error")} and ${count("warning", "warning")}.`;
  return `${ds.map(formatDiagnostic).join("\n")}\n${summary}`;
}
