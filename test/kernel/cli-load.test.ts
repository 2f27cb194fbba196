// tsbpf load/unload/status for real: a probe attached to a veth between two namespaces decides on real traffic.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliSandbox } from "../support/cli-sandbox.js";
import { describeKernel } from "../support/kernel.js";
import { tcpConnects, udpExchange } from "../support/udp-traffic.js";

const probe = join(import.meta.dirname, "cli-probe.ts");

describeKernel("tsbpf load on a veth pair", () => {
  const box = new CliSandbox();
  beforeAll(() => box.start());
  afterAll(() => box.close());

  const xdpOn = async () => (await box.inB("/usr/sbin/bpftool", ["-j", "net", "show", "dev", box.iface])).stdout;
  const pins = async () => (await box.inB("/bin/ls", ["-R", "/sys/fs/bpf/tsbpf"])).stdout;

  it("starts with nothing loaded", async () => {
    const r = await box.tsbpf(["status"]);
    expect(r.stdout.trim()).toBe("nothing loaded by tsbpf");
  });

  describe("loaded", () => {
    beforeAll(async () => {
      const r = await box.tsbpf(["load", probe, "--iface", box.iface]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(new RegExp(`^guard \\(id \\d+\\) attached to ${box.iface} as XDP in native mode; pinned under /sys/fs/bpf/tsbpf/${box.iface}`));
    });

    it("drops UDP to the blocked port and passes the rest, and ping works", async () => {
      expect(await udpExchange(box, [7777, 8080], 5)).toEqual({ 7777: 0, 8080: 5 });
      const ping = await box.inA("ping", ["-c", "3", "-i", "0.2", "-W", "2", box.addrB]);
      expect(ping.stdout).toContain("3 packets transmitted, 3 received");
    });

    it("the counters equal the packets sent (maps dump, decoded through the manifest)", async () => {
      const dump = JSON.parse((await box.tsbpf(["maps", "dump", "counts", "--json"])).stdout) as { key: number; value: string }[];
      const values = Object.fromEntries(dump.map((e) => [e.key, BigInt(e.value)]));
      expect(values).toMatchObject({ 1: 10n, 2: 3n, 3: 5n }); // UDP datagrams, ICMP echo requests, drops
      const text = (await box.tsbpf(["maps", "dump", "counts", "--iface", box.iface])).stdout;
      expect(text).toContain("2 → 3");
    });

    it("TCP to the blocked port is dropped, to another port it connects", async () => {
      expect(await tcpConnects(box, [8080, 7777])).toEqual({ 8080: true, 7777: false });
      const dump = JSON.parse((await box.tsbpf(["maps", "dump", "counts", "--json"])).stdout) as { key: number; value: string }[];
      expect(BigInt(dump[0]!.value)).toBeGreaterThanOrEqual(4n); // at least the handshake, the answer and a SYN to 7777
    });

    it("maps update writes a counter the program then increments", async () => {
      expect((await box.tsbpf(["maps", "update", "counts", "2", "100"])).status).toBe(0);
      await box.inA("ping", ["-c", "1", "-W", "2", box.addrB]);
      expect((await box.tsbpf(["maps", "dump", "counts"])).stdout).toContain("2 → 101");
    });

    it("status says what is attached, in text and JSON", async () => {
      const text = await box.tsbpf(["status"]);
      expect(text.stdout).toMatch(new RegExp(`^${box.iface}: guard \\(xdp native, id \\d+\\)\\n  object: .*cli-probe\\.ts, loaded .*\\n  maps: counts \\(ArrayMap\\)`));
      const json = JSON.parse((await box.tsbpf(["status", "--json"])).stdout);
      expect(json).toMatchObject([{ iface: box.iface, program: "guard", kind: "xdp", hook: "xdp native", attached: true }]);
      expect(await xdpOn()).toMatch(/"mode":"driver"/);
    });

    it("a second load without --force is refused; nothing changes", async () => {
      const r = await box.tsbpf(["load", probe, "--iface", box.iface]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`TSBPF4004: tsbpf's program 'guard' is already attached to ${box.iface}; add --force`);
    });

    it("--force with --set replaces it: the blocked port changes", async () => {
      const r = await box.tsbpf(["load", probe, "--iface", box.iface, "--force", "--set", "blockedPort=8080", "--mode", "skb"]);
      expect(r.stdout).toContain("as XDP in skb mode");
      expect(await udpExchange(box, [7777, 8080], 4)).toEqual({ 7777: 4, 8080: 0 });
      expect((await box.tsbpf(["status", "--json"])).stdout).toContain('"blockedPort": "8080"');
    });

    it("unload detaches and unpins; traffic flows again; unloading twice is fine", async () => {
      const r = await box.tsbpf(["unload", "--iface", box.iface]);
      expect(r.stdout).toBe(`guard detached from ${box.iface}; pins removed`);
      expect(await udpExchange(box, [7777, 8080], 3)).toEqual({ 7777: 3, 8080: 3 });
      expect(await xdpOn()).toContain('"xdp":[]');
      expect(await pins()).not.toContain("guard");
      const again = await box.tsbpf(["unload", "--iface", box.iface]);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain(`nothing loaded by tsbpf on ${box.iface}`);
    });
  });

  describe("failures leave nothing attached and nothing pinned", () => {
    const nothingLeft = async () => {
      expect(await xdpOn()).toContain('"xdp":[]');
      expect(await pins()).not.toMatch(/progs|maps/);
      expect((await box.tsbpf(["status"])).stdout.trim()).toBe("nothing loaded by tsbpf");
    };

    it.each(["load", "attach", "record"])("an injected failure after the %s step is undone", async (step) => {
      const r = await box.tsbpf(["load", probe, "--iface", box.iface], { TSBPF_FAIL_AFTER: step });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`injected failure after ${step}`);
      await nothingLeft();
    });

    it.each([
      [["load", probe, "--iface", "nosuch0"], "TSBPF4003: there is no network interface 'nosuch0' here"],
      [["load", probe, "--iface", "IFACE", "--prog", "nope"], "TSBPF4006: the object has no program 'nope'; it has guard (xdp)"],
      [["load", probe, "--iface", "IFACE", "--set", "blockedPort=70000"], "TSBPF4007: invalid --set: 70000 does not fit cfg.blockedPort, a u16 (0 to 65535)"],
      [["load", probe, "--iface", "IFACE", "--set", "nosuch=1"], "TSBPF4007: invalid --set: 'nosuch' is not a config constant of this object (it has: cfg.blockedPort)"],
      [["load", probe, "--iface", "IFACE", "--mode", "hw"], "TSBPF4008: could not attach to IFACE: hw mode:"],
    ])("%j: one clear sentence and a non-zero exit", async (args, message) => {
      const r = await box.tsbpf(args.map((a) => a.replace("IFACE", box.iface)));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(message.replace("IFACE", box.iface));
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      await nothingLeft();
    });

    it("not root", async () => {
      const r = await box.tsbpf(["load", probe, "--iface", box.iface], {}, { dropCaps: true });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("TSBPF4002: loading and attaching BPF programs needs root");
      await nothingLeft();
    });
  });
});

describeKernel("tsbpf load --follow, tc, objects", () => {
  const box = new CliSandbox();
  beforeAll(() => box.start());
  afterAll(() => box.close());

  it("--follow prints log events with the program and line, and Ctrl-C leaves the program attached", async () => {
    const follow = box.spawnTsbpf(["load", probe, "--iface", box.iface, "--follow"]);
    await follow.waitFor(/attached to/);
    await udpExchange(box, [7777], 3);
    const lines = await follow.waitFor(/(dropped a packet to port 7777[\s\S]*){3}/);
    expect(lines).toMatch(/\d\d:\d\d:\d\d\.\d{3} INFO  guard cli-probe\.ts:\d+ dropped a packet to port 7777/);
    expect(await follow.interrupt()).toBe(0);
    expect(JSON.parse((await box.tsbpf(["status", "--json"])).stdout)).toMatchObject([{ program: "guard", attached: true }]);
    expect((await box.tsbpf(["unload", "--iface", box.iface])).status).toBe(0);
  });

  it("loads a tc program on ingress from a built object", async () => {
    const out = (await box.inB("/bin/mktemp", ["-d"])).stdout.trim();
    const built = await box.tsbpf(["build", join(import.meta.dirname, "tc-traffic.ts"), "-o", out]);
    expect(built.status).toBe(0);
    const r = await box.tsbpf(["load", join(out, "tc-traffic.bpf.o"), "--iface", box.iface]);
    expect(r.stdout).toMatch(new RegExp(`^count \\(id \\d+\\) attached to ${box.iface} as tc ingress`));
    expect(await udpExchange(box, [9999, 9998], 3)).toEqual({ 9999: 0, 9998: 3 });
    expect((await box.tsbpf(["unload", "--iface", box.iface])).stdout).toContain("count detached");
    expect(await udpExchange(box, [9999], 2)).toEqual({ 9999: 2 });
    await box.inB("/bin/rm", ["-rf", out]);
  });

  it("the Node API: load() gives a handle whose maps read and write, and detach() unloads", async () => {
    const script = `
      import { load, status } from "tsbpf";
      const probe = await load(${JSON.stringify(probe)}, { iface: ${JSON.stringify(box.iface)}, set: ["blockedPort=9"] });
      const counts = probe.map("counts");
      await counts.set(3, 41n);
      await counts.set("1", "0x10");
      const entries = await counts.entries();
      console.log(JSON.stringify({ program: probe.attachment.program, mode: probe.attachment.mode, values: entries.map((e) => String(e.value)), loaded: (await status()).length }));
      await probe.detach();
      console.log(JSON.stringify({ after: (await status()).length }));
    `;
    const r = await box.node(script);
    expect(r.stderr).toBe("");
    const [first, second] = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(first).toEqual({ program: "guard", mode: "native", values: ["0", "16", "0", "41"], loaded: 1 });
    expect(second).toEqual({ after: 0 });
  });

  it("bpftool missing: one clear sentence", async () => {
    const r = await box.tsbpf(["load", probe, "--iface", box.iface], { PATH: "/nonexistent" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("TSBPF4005: bpftool was not found; install bpftool");
  });
});
