// Traffic for scripts/demo.sh: `listen <port>...` prints each token it receives over TCP or UDP; `send <ipv4> <ipv6> <port>...` sends them.
import dgram from "node:dgram";
import net from "node:net";

const [mode, ...args] = process.argv.slice(2);

function listen(ports) {
  const seen = new Set();
  const report = (token) => {
    token = token.trim();
    if (token && !seen.has(token)) {
      seen.add(token);
      process.stdout.write(`${token}\n`);
    }
  };
  let pending = ports.length * 2;
  const ready = () => --pending === 0 && process.stdout.write("listening\n");
  for (const port of ports) {
    // One dual-stack socket per protocol and port receives both the IPv4 and the IPv6 traffic.
    const tcp = net.createServer((sock) => {
      let data = "";
      sock.on("data", (d) => (data += d));
      sock.on("end", () => report(data));
      sock.on("error", () => {});
    });
    tcp.listen({ host: "::", port, ipv6Only: false }, ready);
    const udp = dgram.createSocket({ type: "udp6", ipv6Only: false });
    udp.on("message", (msg) => report(msg.toString()));
    udp.bind(port, "::", ready);
  }
  process.on("SIGTERM", () => process.exit(0));
}

/** Connects, sends the token and closes; gives up silently after 1.5 s (a dropped SYN never gets an answer). */
function sendTcp(host, port, token) {
  return new Promise((done) => {
    const sock = net.connect({ host, port });
    const timer = setTimeout(() => sock.destroy(), 1500);
    sock.on("connect", () => sock.end(token));
    sock.on("error", () => {});
    sock.on("close", () => {
      clearTimeout(timer);
      done();
    });
  });
}

/** Sends the token three times, 100 ms apart, so one lost datagram does not decide the outcome. */
async function sendUdp(host, port, token, type) {
  const sock = dgram.createSocket(type);
  for (let i = 0; i < 3; i++) {
    await new Promise((sent) => sock.send(token, port, host, sent));
    await new Promise((wait) => setTimeout(wait, 100));
  }
  sock.close();
}

async function send(ipv4, ipv6, ports) {
  const jobs = [];
  for (const [family, host, type] of [["ipv4", ipv4, "udp4"], ["ipv6", ipv6, "udp6"]]) {
    for (const port of ports) {
      jobs.push(sendTcp(host, port, `tcp/${family}/${port}`), sendUdp(host, port, `udp/${family}/${port}`, type));
    }
  }
  await Promise.all(jobs);
}

if (mode === "listen") listen(args.map(Number));
else if (mode === "send") await send(args[0], args[1], args.slice(2).map(Number));
else {
  console.error("usage: demo-traffic.mjs listen <port>... | send <ipv4> <ipv6> <port>...");
  process.exit(2);
}
