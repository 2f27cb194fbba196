// Imported by imported-program.ts: a class, which an imported file may not hold.
export class Elsewhere {}
