// The message catalogue: every diagnostic tsbpf reports, with its stable code. Ranges: 1xxx check, 2xxx lower, 3xxx toolchain, 4xxx loader, 9xxx usage.

export interface MessageTemplate {
  code: string;
  message: string;
}

const m = (code: string, message: string): MessageTemplate => ({ code, message });

export const messages = {
  unsupportedSyntax: (what: string, hint = "") => m("TSBPF1000", `tsbpf does not support ${what} in a BPF program${hint ? `; ${hint}` : ""}.`),
  floatLiteral: () => m("TSBPF1001", "floating-point numbers are not supported: BPF has integers only."),
  stringValue: () => m("TSBPF1002", "strings are not supported here: BPF programs have no string values."),
  unprovenLoop: (how: string) => m("TSBPF1003", `the compiler cannot prove this loop ends within ${1024} iterations: ${how}.`),
  loopTooLong: (count: string, limit: string) => m("TSBPF1021", `this loop runs ${count} times, more than the limit of ${limit}; shorten it or split the work.`),
  closure: () => m("TSBPF1004", "closures and function values are not supported; declare a module-level `function` and call it."),
  thisKeyword: () => m("TSBPF1005", "`this` is not supported: programs are static methods and have no instance."),
  newExpression: () => m("TSBPF1006", "`new` is not supported: BPF programs cannot allocate objects."),
  typeAssertion: (target: string) => m("TSBPF1007", `a type assertion does not convert a value; write ${target}(value) to convert explicitly.`),
  nonNullAssertion: () => m("TSBPF1008", "the non-null assertion `!` is not supported; test the value (`if (!x) return ...;`) so the check is real."),
  exceptions: () => m("TSBPF1009", "exceptions are not supported: a BPF program cannot throw; return a verdict instead."),
  asyncCode: () => m("TSBPF1010", "async code and generators are not supported: a BPF program runs to completion."),
  arrays: () => m("TSBPF1011", "arrays and indexing are not supported yet."),
  objectLiteral: () => m("TSBPF1012", "object literals are not supported yet."),
  importDeclaration: () => m("TSBPF1013", "only named imports of the probe's own .ts files are supported: `import { a, b } from \"./file\"`."),
  importedProgram: () => m("TSBPF1034", "an imported file holds functions, constants and enums; programs (classes) belong in the file given to tsbpf."),
  topLevelStatement: (what: string) => m("TSBPF1014", `${what} at module level is not supported; a probe holds const declarations, functions and program classes.`),
  classMember: () => m("TSBPF1015", "a program class may only hold static methods decorated with @xdp."),
  programSignature: (name: string) => m("TSBPF1016", `program '${name}' must be declared \`static ${name}(ctx: XdpContext): XdpAction\`.`),
  duplicateProgram: (name: string) => m("TSBPF1017", `two programs are named '${name}'; program names become ELF symbols and must be unique.`),
  noPrograms: () => m("TSBPF1018", "no programs found: decorate a static method of a class with @xdp."),
  decoratorOptions: (how: string) => m("TSBPF1019", `invalid decorator options: ${how}.`),
  optionValue: (name: string, what: string) => m("TSBPF1032", `the value of option '${name}' must be ${what}, known when compiling.`),
  incrementDecrement: () => m("TSBPF1020", "`++` and `--` must be statements of their own (or a for-loop's update); write `x++;` on its own line."),
  caseNotConstant: () => m("TSBPF1022", "a case label must be a constant (a literal, a module constant or an enum member)."),
  shadowsRuntime: (name: string) => m("TSBPF1025", `'${name}' is already a name of the tsbpf runtime; choose another name.`),
  logicalValue: (op: string) => m("TSBPF1026", `in TypeScript \`a ${op} b\` on integers or headers gives one of its operands, not a bool; use it as a condition, or compare explicitly (\`a != 0 ${op} b != 0\`).`),
  strictNullCheck: () => m("TSBPF1027", "a header is either there or not: test it with `if (!h)` or `h == null`; `=== null` and `=== undefined` ask which kind of absence, which tsbpf does not keep."),
  notNullable: (type: string) => m("TSBPF1028", `a ${type} is never null or undefined.`),
  constantTooLarge: () => m("TSBPF1029", `this constant expression exceeds ${128} bits; no integer type can hold it.`),
  untypedConditional: (op: string) => m("TSBPF1030", `operator '${op}' on a conditional of constants needs a type: convert the conditional, e.g. u32(c ? a : b).`),
  noEffect: () => m("TSBPF1031", "this expression has no effect; a statement must be a call, an assignment, `++` or `--`."),
  enumMember: () => m("TSBPF1033", "enum members must have constant integer values (no strings, no computed values)."),
  traceFormat: (why: string) => m("TSBPF1035", `invalid trace(): ${why}.`),
  programName: (name: string) => m("TSBPF1024", `'${name}' cannot name a program: a program's name is its ELF symbol, so it must be a C identifier (letters, digits, _) that is not a C keyword or a runtime name (tsbpf_*, XDP_*, __*).`),
  crossCaseVariable: (name: string) => m("TSBPF1023", `'${name}' is declared in another case of this switch; declare it before the switch.`),

  narrowing: (from: string, to: string) => m("TSBPF1100", `cannot use a ${from} where a ${to} is expected without a conversion; write ${to}(value) to truncate explicitly.`),
  literalRange: (value: string, type: string) => m("TSBPF1101", `the constant ${value} does not fit in ${type}.`),
  mixedSignedness: (a: string, b: string) => m("TSBPF1102", `mixing ${a} and ${b} needs a conversion: convert one operand, e.g. ${b}(x) or ${a}(x).`),
  signedDivision: () => m("TSBPF1103", "signed division and modulo are not supported by the BPF instruction set this compiler targets; convert to an unsigned type first."),
  shiftRange: (count: string, type: string) => m("TSBPF1104", `shift count ${count} is out of range for ${type}.`),
  unsupportedType: (text: string) => m("TSBPF1105", `type '${text}' is not supported; use u8, u16, u32, u64, i8, i16, i32, i64, bool or a packet header type.`),
  optionalChainOnValue: () => m("TSBPF1106", "optional chaining is only supported on header accessors (`ctx.eth()?.ipv4()`); test the header first, then read the field."),
  unsupportedOperator: (op: string, hint = "") => m("TSBPF1107", `operator '${op}' is not supported${hint ? `; ${hint}` : ""}.`),
  missingType: (what: string) => m("TSBPF1108", `${what} needs an explicit type annotation.`),
  recursion: (names: string) => m("TSBPF1109", `recursion is not supported (${names}): BPF programs cannot recurse.`),
  operandType: (op: string, type: string) => m("TSBPF1110", `operator '${op}' cannot be applied to a value of type ${type}.`),
  typeMismatch: (from: string, to: string) => m("TSBPF1111", `a value of type ${from} cannot be used where ${to} is expected.`),
  untypedShift: () => m("TSBPF1112", "shifting a constant by a variable amount needs a type: write e.g. u32(1) << n."),
  notCallable: (name: string) => m("TSBPF1113", `'${name}' cannot be called in a BPF program.`),
  unknownName: (name: string) => m("TSBPF1114", `'${name}' is not available in a BPF program.`),
  assignmentTarget: () => m("TSBPF1115", "only local `let` variables and function parameters can be assigned."),
  assignmentInExpression: () => m("TSBPF1116", "an assignment must be a statement of its own, not part of an expression."),
  notAValue: (what: string) => m("TSBPF1117", `${what} cannot be used as a value; use it only in a condition or call its accessors.`),
  moduleConstant: () => m("TSBPF1118", "a module-level const must be initialised with a constant integer expression."),

  clangMissing: () => m("TSBPF3001", "clang was not found; install it (`apt-get install clang llvm`) or run `make deps`."),
  clangFailed: (detail: string) => m("TSBPF3002", `clang could not compile the generated C (this is a tsbpf bug):\n${detail}`),
  outputUnwritable: (path: string, why: string) => m("TSBPF3003", `cannot write ${path}: ${why}.`),

  verifierRejected: (program: string, reason: string) => m("TSBPF4001", `the kernel verifier rejected program '${program}': ${reason}`),

  fileNotFound: (path: string) => m("TSBPF9001", `cannot read ${path}: no such file.`),
  notAFile: (path: string) => m("TSBPF9002", `cannot read ${path}: it is not a file.`),
  wouldOverwrite: (paths: string) => m("TSBPF9004", `tsbpf init writes nothing over existing files: ${paths}.`),
  badProbePath: (path: string) => m("TSBPF9003", `${JSON.stringify(path)} cannot be a probe: its name must end in .ts and its path must not contain quotes, backslashes or line breaks.`),
} as const;
