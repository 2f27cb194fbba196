// Lowers config({...}): a struct of load-time constants in .rodata, `const volatile` so clang reads it and the verifier sees its frozen values.
import type { ConfigInfo } from "../check/config.js";
import { printExpr } from "../c/printer.js";
import { cType, intLiteral } from "./c-types.js";
import { objectCName } from "../check/names.js";
import { symbolDeclarator } from "./maps.js";

export const configStructName = (cfg: ConfigInfo) => `tsbpf_config_${cfg.name}`;

export function configDefinition(cfg: ConfigInfo): string {
  const fields = cfg.fields.map((f) => `\t${cType(f.type)} ${f.name};`).join("\n");
  const values = cfg.fields.map((f) => `.${f.name} = ${f.type.kind === "int" ? printExpr(intLiteral(f.value, f.type.name)) : String(f.value)}`).join(", ");
  return `struct ${configStructName(cfg)} {\n${fields}\n};\nconst volatile struct ${configStructName(cfg)} ${symbolDeclarator(cfg.name, objectCName(cfg.name))} = { ${values} };`;
}
