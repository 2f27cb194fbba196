// Turns positions in a source file into the locations diagnostics print.
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { ts } from "ts-morph";
import type { SourceLocation } from "../diagnostics/diagnostic.js";

/** File names in diagnostics are relative to the working directory, as tsc prints them. */
export function displayPath(fileName: string): string {
  const rel = relative(process.cwd(), fileName);
  return rel.startsWith("..") ? fileName : rel;
}

export function locationOf(file: ts.SourceFile, start: number, length: number): SourceLocation {
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  const lineStart = file.getPositionOfLineAndCharacter(line, 0);
  const lineEnd = file.getLineEndOfPosition(start);
  return { file: displayPath(file.fileName), line: line + 1, column: character + 1, length: Math.max(1, length), lineText: file.text.slice(lineStart, lineEnd) };
}

export function nodeLocation(node: ts.Node): SourceLocation {
  const file = node.getSourceFile();
  const start = node.getStart(file);
  return locationOf(file, start, node.getEnd() - start);
}

/** A whole line of a file on disk (e.g. one the kernel's log quotes), underlined from its first non-blank character; undefined if there is no such line. */
export function fileLineLocation(path: string, line: number): SourceLocation | undefined {
  if (line < 1 || !existsSync(path)) return undefined;
  const lineText = readFileSync(path, "utf8").split("\n")[line - 1]?.replace(/\r$/, "");
  return lineText === undefined ? undefined : wholeLine(displayPath(path), line, lineText);
}

/** A whole line whose text is known, underlined from its first non-blank character. */
export function wholeLine(file: string, line: number, lineText: string): SourceLocation {
  return { file, line, column: Math.max(1, lineText.search(/\S/) + 1), length: Math.max(1, lineText.trim().length), lineText };
}
