// A @tc program attached with tc to a veth pair between two network namespaces: it counts real ICMP and UDP and drops UDP to port 9999.
import { join } from "node:path";
import { execa, type ResultPromise } from "execa";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildProbe, type BuiltProbe } from "../support/build-probe.js";
import { describeKernel, loadObject, type LoadedObject } from "../support/kernel.js";
import { readMap } from "../support/maps.js";

const NSENTER = "/usr/bin/nsenter";
const TC = "/usr/sbin/tc";

const nsA = `tsbpf-tc-${process.pid}-a`;
const nsB = `tsbpf-tc-${process.pid}-b`;
const vethA = `tsbpf${process.pid}a`; // at most 13 characters (IFNAMSIZ is 16), and only ever inside the namespaces
const vethB = `tsbpf${process.pid}b`;
const addrA = "10.231.1.1";
const addrB = "10.231.1.2";
const DROPPED = 9999;
const PASSED = 9998;

/** Runs a command, failing with its output when it fails. */
const run = (cmd: string, args: string[]) => execa(cmd, args, { timeout: 15_000 });

/** Runs tc in netns B inside the loader's mount namespace, where the pinned program is visible. */
async function tcInB(obj: LoadedObject, args: string[]): Promise<string> {
  const r = await obj.exec(NSENTER, [`--net=/run/netns/${nsB}`, TC, ...args]);
  if (r.failed) throw new Error(`tc ${args.join(" ")} failed: ${String(r.stderr || r.stdout).trim()}`);
  return String(r.stdout);
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const operUp = async (ns: string, dev: string) => JSON.parse((await run("ip", ["-n", ns, "-j", "link", "show", dev])).stdout)[0]?.operstate === "UP";

const children = new Set<ResultPromise>();

/**
 * A UDP receiver in netns B on both ports: prints "ready" once bound and its counts at every datagram; when its stdin
 * closes it prints the final counts and exits (and it exits by itself after 30 s, whatever happens to this process).
 */
async function startReceiver() {
  const script = `
    const dgram = require("node:dgram");
    const got = { ${PASSED}: 0, ${DROPPED}: 0 };
    let bound = 0;
    for (const port of [${PASSED}, ${DROPPED}]) {
      const s = dgram.createSocket("udp4");
      s.on("message", () => { got[port]++; console.log(JSON.stringify(got)); });
      s.bind(port, "${addrB}", () => { if (++bound === 2) console.log("ready"); });
    }
    process.stdin.on("end", () => { console.log("final " + JSON.stringify(got)); process.exit(0); });
    process.stdin.resume();
    setTimeout(() => process.exit(3), 30000);
  `;
  const child = execa("ip", ["netns", "exec", nsB, process.execPath, "-e", script], { stdin: "pipe", buffer: false, reject: false });
  children.add(child);
  let out = "";
  let err = "";
  let ready = false;
  let latest: Record<number, number> = { [PASSED]: 0, [DROPPED]: 0 };
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  child.stdout!.on("data", (c: Buffer) => {
    out += c.toString();
    const lines = out.split("\n");
    out = lines.pop()!;
    for (const l of lines) {
      if (l === "ready") ready = true;
      else if (l.startsWith("{") || l.startsWith("final ")) latest = JSON.parse(l.replace(/^final /, ""));
    }
  });
  const exited = child.then((r) => r);
  await Promise.race([
    waitFor("the UDP receiver in netns B to bind", async () => ready),
    exited.then((r) => { throw new Error(`the UDP receiver exited early (${r.exitCode}): ${err.trim()}`); }),
  ]);
  return {
    counts: () => latest,
    /** Closes its stdin and gives the final counts. */
    async stop(): Promise<Record<number, number>> {
      child.stdin!.end();
      const r = await exited;
      children.delete(child);
      if (r.exitCode !== 0) throw new Error(`the UDP receiver failed (${r.exitCode}): ${err.trim()}`);
      return latest;
    },
  };
}

/** Sends `n` datagrams from netns A to each port, alternating (DROPPED first, so the last one goes to PASSED). */
async function send(ports: number[], n: number): Promise<void> {
  const script = `
    const s = require("node:dgram").createSocket("udp4");
    const send = (port, i) => new Promise((ok, no) => s.send("tsbpf " + port + " " + i, port, "${addrB}", (e) => (e ? no(e) : ok())));
    (async () => {
      for (let i = 0; i < ${n}; i++) for (const port of ${JSON.stringify(ports)}) await send(port, i);
      s.close();
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  await run("ip", ["netns", "exec", nsA, process.execPath, "-e", script]);
}

/** Sends and returns what the receiver in B got once every datagram to `expectPort` arrived, plus a grace period for stragglers. */
async function exchange(ports: number[], n: number, expectPort: number): Promise<Record<number, number>> {
  const rx = await startReceiver();
  let sent: unknown;
  try {
    await send(ports, n);
    await waitFor(`${n} datagrams on port ${expectPort}`, async () => rx.counts()[expectPort]! >= n);
    await new Promise((r) => setTimeout(r, 500)); // any datagram that should have been dropped would be here by now
  } catch (e) {
    sent = e;
  }
  const got = await rx.stop();
  if (sent) throw new Error(`${(sent as Error).message} (the receiver got ${JSON.stringify(got)})`);
  return got;
}

describeKernel("tc on a veth pair", () => {
  let built: BuiltProbe | undefined;
  let obj: LoadedObject | undefined;

  const counts = async () => (await readMap(obj!, built!.manifest, "counts")).map((e) => e.value);

  async function cleanup(): Promise<void> {
    for (const c of children) c.kill("SIGKILL");
    children.clear();
    await obj?.close(); // first: the loader's mount namespace holds copies of the netns mounts
    obj = undefined;
    for (const ns of [nsA, nsB]) await execa("ip", ["netns", "del", ns], { reject: false });
    built?.remove();
    built = undefined;
  }

  beforeAll(async () => {
    try {
      built = await buildProbe(join(import.meta.dirname, "tc-traffic.ts"));
      // The namespaces come before the loader: its private mount namespace copies /run/netns/* when it is created, and
      // a netns added later would not be visible there (nsenter --net would fail with EINVAL).
      for (const ns of [nsA, nsB]) await run("ip", ["netns", "add", ns]);
      await run("ip", ["link", "add", vethA, "netns", nsA, "type", "veth", "peer", "name", vethB, "netns", nsB]);
      for (const [ns, dev, addr] of [[nsA, vethA, addrA], [nsB, vethB, addrB]] as const) {
        await run("ip", ["-n", ns, "addr", "add", `${addr}/24`, "dev", dev]);
        await run("ip", ["-n", ns, "link", "set", dev, "up"]);
      }
      // until link watch has seen the carrier, a veth transmits through the noop qdisc, which drops everything
      await waitFor("both veth ends to be up", async () => (await operUp(nsA, vethA)) && (await operUp(nsB, vethB)));

      obj = await loadObject(built.objectFile, { type: "classifier" });
      await tcInB(obj, ["qdisc", "add", "dev", vethB, "clsact"]);
      await tcInB(obj, ["filter", "add", "dev", vethB, "ingress", "bpf", "direct-action", "pinned", obj.programPath("count")]);
    } catch (e) {
      await cleanup();
      throw e;
    }
  });

  afterAll(async () => {
    await cleanup();
    const { stdout } = await run("ip", ["netns", "list"]);
    expect(stdout).not.toContain(`tsbpf-tc-${process.pid}-`);
  });

  it("the program is attached to B's ingress in direct-action mode", async () => {
    const filters = await tcInB(obj!, ["filter", "show", "dev", vethB, "ingress"]);
    expect(filters).toMatch(/bpf .*count.* direct-action/);
    expect(await counts()).toEqual([0n, 0n, 0n, 0n]);
  });

  it("lets ICMP echo through: ping from A to B succeeds", async () => {
    const r = await run("ip", ["netns", "exec", nsA, "ping", "-c", "3", "-i", "0.2", "-W", "1", addrB]);
    expect(r.stdout).toContain("3 packets transmitted, 3 received");
  });

  it("drops UDP to port 9999 and passes UDP to 9998", async () => {
    const got = await exchange([DROPPED, PASSED], 5, PASSED);
    expect(got).toEqual({ [PASSED]: 5, [DROPPED]: 0 });
  });

  it("counted what it saw on ingress: 3 echo requests (replies leave B on egress), 5 UDP to 9999, 5 other UDP", async () => {
    expect(await counts()).toEqual([3n, 5n, 5n, 0n]);
  });

  it("once the filter is deleted, UDP to 9999 gets through and nothing more is counted", async () => {
    await tcInB(obj!, ["filter", "del", "dev", vethB, "ingress"]);
    expect(await tcInB(obj!, ["filter", "show", "dev", vethB, "ingress"])).toBe("");
    const got = await exchange([DROPPED], 5, DROPPED);
    expect(got).toEqual({ [PASSED]: 0, [DROPPED]: 5 });
    expect(await counts()).toEqual([3n, 5n, 5n, 0n]);
  });
});
