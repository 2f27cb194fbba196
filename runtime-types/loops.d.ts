// Loop helpers: range() gives the integers of a constant interval, for `for (const i of range(a, b))`.

/** The integers start, start+1, ..., end-1 (or 0..start-1 with one argument); the bounds must be constants. */
declare function range(start: number, end?: number): Iterable<u32>;
