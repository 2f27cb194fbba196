// tsbpf load --follow: prints the program's log events as they come, with wall-clock time, until interrupted.
import { decodeLogEvent } from "./log-events.js";
import { followRingbuf } from "./ringbuf.js";
import { mapPin, type Attachment } from "./state.js";

/** Wall-clock time of a ktime_get_ns() stamp (both clocks read now, so the offset is exact to a few µs). */
function wallTime(ns: bigint): string {
  const ageMs = Number(process.hrtime.bigint() - ns) / 1e6;
  return new Date(Date.now() - ageMs).toISOString().slice(11, 23);
}

/** Follows until SIGINT or SIGTERM; resolves when stopped (the program stays attached). */
export async function followLog(a: Attachment, print: (line: string) => void): Promise<void> {
  const log = a.manifest.log;
  if (!log) {
    print(`${a.program} has no log.* calls: nothing to follow`);
    return;
  }
  const follower = followRingbuf(mapPin(a, log.map), (record) => {
    const e = decodeLogEvent(log, record);
    print(`${wallTime(e.ns)} ${e.level.toUpperCase().padEnd(5)} ${a.program} ${e.file}:${e.line} ${e.message}`);
  });
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
  await follower.stop();
}
