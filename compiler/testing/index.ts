// tsbpf/testing: the packet builder for testing probes, e.g. packet.eth().vlan(10).ipv4().udp().vxlan(42).eth().ipv6().tcp().build().
import { eth, ipv4, ipv6 } from "./packets.js";

export * from "./packets.js";
export * from "./program.js";

/** Starts a packet at its outermost header: Ethernet, or bare IPv4 / IPv6 (for tunnels' inner packets or raw IP hooks). */
export const packet = Object.freeze({ eth, ipv4, ipv6 });
