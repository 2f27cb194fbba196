// Lowers config({...}): a struct of load-time constants in .rodata, `const volatile` so clang reads it and the verifier sees its frozen values.
import type { ConfigInfo } from "../check/config.js";
import type { CTopLevel } from "../c/ast.js";
import { cType, intLiteral } from "./c-types.js";
import { objectCName } from "../check/names.js";

export const configStructName = (cfg: ConfigInfo) => `tsbpf_config_${cfg.name}`;

export function configDefinition(cfg: ConfigInfo): CTopLevel[] {
  const fields = cfg.fields.map((f) => ({ type: cType(f.type), name: f.name }));
  const values = cfg.fields.map((f): [string, ReturnType<typeof intLiteral>] => [f.name, f.type.kind === "int" ? intLiteral(f.value, f.type.name) : { k: "num", text: String(f.value) }]);
  const type = `struct ${configStructName(cfg)}`;
  return [
    { k: "struct", tag: configStructName(cfg), fields },
    { k: "variable", qualifiers: ["const", "volatile"], type, name: objectCName(cfg.name), symbol: cfg.name, init: { k: "designated", fields: values } },
  ];
}
