// A located compiler diagnostic and the error that carries a list of them out of a stage.

export interface SourceLocation {
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** Length of the underlined span, at least 1. */
  length: number;
  /** The full text of the source line, for the code frame. */
  lineText?: string;
}

export interface Diagnostic {
  code: string;
  message: string;
  location?: SourceLocation;
  /** "error" stops the pipeline; "warning" reports and lets it go on; "note" adds context. */
  severity: "error" | "warning" | "note";
}

/** Thrown by a stage that found errors; the CLI prints them and exits with status 1. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
    this.name = "DiagnosticError";
  }
}

/** Collects diagnostics for one stage. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "warning");
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
  throwIfErrors(): void {
    if (!this.hasErrors) return;
    const key = (d: Diagnostic) => (d.location ? d.location.line * 100000 + d.location.column : 0);
    throw new DiagnosticError([...this.items].sort((a, b) => key(a) - key(b)));
  }
}
