// Turns positions in a source file into the locations diagnostics print.
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
