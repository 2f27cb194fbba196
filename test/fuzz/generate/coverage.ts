// The features a generator run should reach: every part of the public API in runtime-types/, and the grammar forms.
import { surface } from "./surface.js";

/** Grammar forms named as the generator records them. */
export const GRAMMAR_FEATURES = [
  "struct", "object type alias", "object literal", "array literal", "FixedArray", "struct copy", "struct assignment", "config", "module constant",
  "@noinline", "call function", "call @noinline", "program options", "for <", "for <=", "for !=", "for >", "for >=", "for of range", "while",
  "loop tower", "break", "continue", "switch", "fall through", "else", "else if", "early return", "guard", "tag refusal", "guarded block", "null test", "?.",
  "?:", "conversion", "let header", "header reassigned", "branch reassign", "header choice", "address copy", "map reference", "map reference write",
  "index x % N", "index x & M", "index by loop counter", "offset x % N", "offset x & M", "offset unbounded", "unannotated const", "++/--", "trace",
  "operator +", "operator -", "operator *", "operator /", "operator %", "operator &", "operator |", "operator ^", "operator <<", "operator >>",
  "operator ==", "operator !=", "operator <", "operator <=", "operator >", "operator >=", "operator &&", "operator ||", "operator !",
];

/** Every API feature: header fields read and written, accessors, raw access, context fields, adjustments, maps, helpers, log. */
export function apiFeatures(): string[] {
  const s = surface();
  const out: string[] = [];
  for (const h of [...s.headers.values(), s.cursor]) {
    for (const f of h.fields) out.push(`${h.name}.${f.name}`, ...(f.writable ? [`${h.name}.${f.name}=`] : []));
    for (const a of h.accessors) out.push(`${h.name}.${a.name}()`);
  }
  for (const r of [...s.cursor.reads, ...s.cursor.writes]) out.push(`Cursor.${r.name}()`);
  out.push(`Cursor.${s.cursor.bytes}()`);
  for (const c of s.contexts) {
    out.push(`@${c.decorator}`);
    for (const f of c.fields) out.push(`${c.name}.${f.name}`, ...(f.writable ? [`${c.name}.${f.name}=`] : []));
    for (const f of c.rawFields) out.push(`${c.rawType}.${f.name}`, ...(f.writable && !c.packetReadOnly ? [`${c.rawType}.${f.name}=`] : []));
    for (const a of c.adjustments) out.push(`${c.name}.${a}`);
  }
  for (const m of s.maps) out.push(`map ${m.name}`, ...m.methods.map((x) => `${m.name}.${x.name}`));
  for (const h of s.helpers) out.push(`helper ${h.name}`);
  for (const l of s.logLevels) out.push(`log.${l}`);
  for (const p of s.prefixKeys.keys()) out.push(`LPM ${p}`);
  return [...new Set(out)];
}
