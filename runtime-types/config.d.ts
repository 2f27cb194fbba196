// Load-time configuration: constants in .rodata that `tsbpf load --set name=value` patches before the program is verified.

/**
 * Declares load-time constants, each with an explicit type and default: `const cfg = config({ port: u16(22), strict: true })`.
 * The verifier sees their values as constants, so branches on them cost nothing. Declared at module level; read as `cfg.port`.
 */
declare function config<T extends Record<string, number | boolean>>(values: T): Readonly<T>;
