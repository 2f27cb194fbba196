// Real traffic between the namespaces of a CliSandbox: UDP datagrams counted per port by a receiver in B, TCP connections tried from A.
import { execa } from "execa";
import type { CliSandbox } from "./cli-sandbox.js";

const RECEIVER = `
const dgram = require("node:dgram");
const counts = {};
const ports = process.argv.slice(1).map(Number);
let bound = 0;
for (const p of ports) {
  counts[p] = 0;
  const s = dgram.createSocket("udp4");
  s.on("message", () => counts[p]++);
  s.bind(p, () => { if (++bound === ports.length) console.log("ready"); });
}
process.stdin.on("end", () => { console.log(JSON.stringify(counts)); process.exit(0); });
process.stdin.resume();
setTimeout(() => process.exit(2), 30000);
`;

const SENDER = `
const dgram = require("node:dgram");
const [host, count, ...ports] = process.argv.slice(1);
const s = dgram.createSocket("udp4");
let left = Number(count) * ports.length;
for (const p of ports) for (let i = 0; i < Number(count); i++) s.send("x", Number(p), host, () => { if (--left === 0) s.close(); });
`;

/** Sends `count` datagrams to each port of B's address and returns how many B received per port. */
export async function udpExchange(box: CliSandbox, ports: number[], count: number): Promise<Record<number, number>> {
  const receiver = execa("ip", ["netns", "exec", box.b, process.execPath, "-e", RECEIVER, ...ports.map(String)], { stdin: "pipe", reject: false });
  await new Promise<void>((ready, fail) => {
    receiver.stdout!.on("data", (c: Buffer) => c.toString().includes("ready") && ready());
    void receiver.then((r) => fail(new Error(`the UDP receiver ended early: ${r.stderr}`)));
  });
  await execa("ip", ["netns", "exec", box.a, process.execPath, "-e", SENDER, box.addrB, String(count), ...ports.map(String)]);
  await new Promise((r) => setTimeout(r, 500));
  receiver.stdin!.end();
  const out = await receiver;
  return JSON.parse(String(out.stdout).trim().split("\n").pop()!) as Record<number, number>;
}

const TCP_SERVER = `
const net = require("node:net");
const ports = process.argv.slice(1).map(Number);
let listening = 0;
for (const p of ports) net.createServer((s) => s.end("hi")).listen(p, () => { if (++listening === ports.length) console.log("ready"); });
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(2), 30000);
`;

const TCP_CLIENT = `
const net = require("node:net");
const [host, port] = process.argv.slice(1);
const s = net.connect({ host, port: Number(port), timeout: 1500 });
s.on("data", (d) => { console.log("connected: " + d); s.destroy(); });
s.on("timeout", () => { console.log("timeout"); s.destroy(); });
s.on("error", (e) => console.log("error " + e.code));
`;

/** Tries a TCP connection from A to each port of B (a server answers "hi"): true where it got through. */
export async function tcpConnects(box: CliSandbox, ports: number[]): Promise<Record<number, boolean>> {
  const server = execa("ip", ["netns", "exec", box.b, process.execPath, "-e", TCP_SERVER, ...ports.map(String)], { stdin: "pipe", reject: false });
  await new Promise<void>((ready, fail) => {
    server.stdout!.on("data", (c: Buffer) => c.toString().includes("ready") && ready());
    void server.then((r) => fail(new Error(`the TCP server ended early: ${r.stderr}`)));
  });
  const out: Record<number, boolean> = {};
  for (const p of ports) {
    const r = await execa("ip", ["netns", "exec", box.a, process.execPath, "-e", TCP_CLIENT, box.addrB, String(p)], { reject: false });
    out[p] = String(r.stdout).includes("connected: hi");
  }
  server.stdin!.end();
  await server;
  return out;
}
