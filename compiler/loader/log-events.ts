// Decodes log.info/warn/error events read from the probe's log ring buffer, formatting them with the manifest's format strings.
import type { ManifestLog } from "../manifest/manifest.js";
import { INTS, isIntName } from "../types/int-types.js";

export interface LogEvent {
  level: "info" | "warn" | "error";
  /** ktime_get_ns() when the event was logged. */
  ns: bigint;
  message: string;
  args: bigint[];
  file: string;
  line: number;
  function: string;
}

export function decodeLogEvent(log: ManifestLog, record: Buffer): LogEvent {
  if (record.length < log.headerBytes) throw new Error(`a log event of ${record.length} bytes is shorter than its ${log.headerBytes}-byte header`);
  const siteId = record.readUInt32LE(0);
  const site = log.sites.find((s) => s.id === siteId);
  if (!site) throw new Error(`a log event names call site ${siteId}, which the manifest does not list (is it the manifest of the loaded object?)`);
  if (record.length !== log.headerBytes + 8 * site.args.length) throw new Error(`a log event of site ${siteId} has ${record.length} bytes, expected ${log.headerBytes + 8 * site.args.length}`);
  const args = site.args.map((type, i) => typed(record.readBigUInt64LE(log.headerBytes + 8 * i), type));
  return { level: site.level, ns: record.readBigUInt64LE(8), message: formatLog(site.format, args, site.args), args, file: site.file, line: site.line, function: site.function };
}

/** Each argument travels as 64 bits, signed ones sign-extended: recover the value of its own type. */
function typed(raw: bigint, type: string): bigint {
  if (type === "bool") return raw ? 1n : 0n;
  return isIntName(type) && INTS[type].signed ? BigInt.asIntN(64, raw) : raw;
}

/** %d, %i and %u print the value in decimal, %x in hex (negative values as their two's complement at the type's width), %% a percent sign. */
export function formatLog(format: string, args: bigint[], types: string[]): string {
  let i = 0;
  return format.replace(/%([%diux])/g, (_, c: string) => {
    if (c === "%") return "%";
    const value = args[i]!;
    const type = types[i++]!;
    if (c !== "x") return value.toString();
    const bits = isIntName(type) ? INTS[type].bits : 64;
    return BigInt.asUintN(bits, value).toString(16);
  });
}
