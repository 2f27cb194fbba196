// Logging to user space: compact events through a ring buffer, formatted by `tsbpf load --follow` with the format kept in the manifest.

/** Log levels; each call is one event: the call site's number, a timestamp and the arguments. */
interface Log {
  /** Logs an event. The format is a string literal with %d, %i, %u or %x placeholders (%% for a percent sign), at most 8. */
  info(format: string, ...args: (number | boolean)[]): void;
  /** Logs a warning event (see info). */
  warn(format: string, ...args: (number | boolean)[]): void;
  /** Logs an error event (see info). */
  error(format: string, ...args: (number | boolean)[]): void;
}

/** Structured events to user space (Linux 5.8: ring buffer). */
declare const log: Log;
