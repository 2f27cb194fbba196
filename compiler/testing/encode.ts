// Each header's bytes as the RFCs lay them out, given what follows it, with lengths and checksums over that payload.
import { Defaults, parseIpv4, parseIpv6, parseMac } from "./addresses.js";
import { internetChecksum } from "./checksums.js";
import { etherTypeOf, EtherType, IpProto, ipProtoOf, TcpFlags, udpPortOf, type Layer } from "./layers.js";

function padToMultiple(buf: Buffer | undefined, multiple = 4): Buffer {
  const b = buf ?? Buffer.alloc(0);
  return b.length % multiple ? Buffer.concat([b, Buffer.alloc(multiple - (b.length % multiple))]) : Buffer.from(b);
}

/** The pseudo-header (RFC 793 / RFC 8200 section 8.1) of the nearest enclosing IP layer, or null outside IP. */
function pseudoHeader(layers: Layer[], index: number, proto: number, length: number): Buffer | null {
  for (let i = index - 1; i >= 0; i--) {
    const l = layers[i]!;
    if (l.kind === "ipv4") {
      const p = Buffer.alloc(12);
      parseIpv4(l.o.src ?? Defaults.srcIpv4).copy(p, 0);
      parseIpv4(l.o.dst ?? Defaults.dstIpv4).copy(p, 4);
      p[9] = proto;
      p.writeUInt16BE(length & 0xffff, 10);
      return p;
    }
    if (l.kind === "ipv6") {
      const p = Buffer.alloc(40);
      parseIpv6(l.o.src ?? Defaults.srcIpv6).copy(p, 0);
      parseIpv6(l.o.dst ?? Defaults.dstIpv6).copy(p, 16);
      p.writeUInt32BE(length, 32);
      p[39] = proto;
      return p;
    }
    if (l.kind !== "ipv6ext") return null;
  }
  return null;
}

/** Layer i followed by payload (the encoding of everything after it); `.vlan()` layers must already be folded into `eth`. */
export function encode(layers: Layer[], i: number, payload: Buffer): Buffer {
  const layer = layers[i]!, next = layers[i + 1];
  switch (layer.kind) {
    case "payload": return Buffer.concat([layer.data, payload]);
    case "vlan": throw new Error("internal: .vlan() layers are folded into .eth() before encoding");
    case "eth": {
      const o = layer.o, tags = (o.vlans ?? []).map((t) => (typeof t === "number" ? { vid: t } : t));
      const h = Buffer.alloc(14 + 4 * tags.length);
      parseMac(o.dst ?? Defaults.dstMac).copy(h, 0);
      parseMac(o.src ?? Defaults.srcMac).copy(h, 6);
      tags.forEach((tag, n) => {
        // 802.1ad: the outermost of several tags is an S-tag (0x88a8), the others C-tags (0x8100)
        h.writeUInt16BE(tag.tpid ?? (tags.length >= 2 && n === 0 ? EtherType.QINQ : EtherType.VLAN), 12 + 4 * n);
        h.writeUInt16BE((((tag.pcp ?? 0) & 7) << 13) | (tag.dei ? 0x1000 : 0) | (tag.vid & 0xfff), 14 + 4 * n);
      });
      h.writeUInt16BE(o.etherType ?? etherTypeOf(next), 12 + 4 * tags.length);
      return Buffer.concat([h, payload]);
    }
    case "ipv4": {
      const o = layer.o, opts = padToMultiple(o.options), h = Buffer.alloc(20 + opts.length);
      h[0] = ((o.version ?? 4) << 4) | ((o.ihl ?? h.length / 4) & 0x0f);
      h[1] = o.tos ?? 0;
      h.writeUInt16BE(o.totalLength ?? (h.length + payload.length) & 0xffff, 2);
      h.writeUInt16BE(o.id ?? 0, 4);
      h.writeUInt16BE((o.dontFragment ? 0x4000 : 0) | (o.moreFragments ? 0x2000 : 0) | ((o.fragmentOffset ?? 0) & 0x1fff), 6);
      h[8] = o.ttl ?? 64;
      h[9] = o.protocol ?? ipProtoOf(next, IpProto.EXPERIMENTAL);
      parseIpv4(o.src ?? Defaults.srcIpv4).copy(h, 12);
      parseIpv4(o.dst ?? Defaults.dstIpv4).copy(h, 16);
      opts.copy(h, 20);
      h.writeUInt16BE(o.checksum ?? internetChecksum(h), 10); // over the header as written (RFC 791)
      return Buffer.concat([h, payload]);
    }
    case "ipv6": {
      const o = layer.o, h = Buffer.alloc(40);
      h.writeUInt32BE((((o.version ?? 6) & 0xf) << 28 | ((o.trafficClass ?? 0) & 0xff) << 20 | ((o.flowLabel ?? 0) & 0xfffff)) >>> 0, 0);
      h.writeUInt16BE(o.payloadLength ?? payload.length & 0xffff, 4);
      h[6] = o.nextHeader ?? ipProtoOf(next, IpProto.NONE);
      h[7] = o.hopLimit ?? 64;
      parseIpv6(o.src ?? Defaults.srcIpv6).copy(h, 8);
      parseIpv6(o.dst ?? Defaults.dstIpv6).copy(h, 24);
      return Buffer.concat([h, payload]);
    }
    case "ipv6ext": {
      const o = layer.o;
      if (o.type === IpProto.FRAGMENT) {
        const h = Buffer.alloc(8);
        h[0] = o.nextHeader ?? ipProtoOf(next, IpProto.NONE);
        h.writeUInt16BE((((o.fragmentOffset ?? 0) & 0x1fff) << 3) | (o.moreFragments ? 1 : 0), 2);
        h.writeUInt32BE((o.id ?? 0) >>> 0, 4);
        return Buffer.concat([h, payload]);
      }
      // AH (RFC 4302) defaults to reserved 0, SPI 0x100, sequence 1; IPv6 wants its length a multiple of 8 too
      const data = o.data ?? (o.type === IpProto.AH ? Buffer.from("0000000001000000000100000000", "hex") : Buffer.alloc(6));
      const body = padToMultiple(Buffer.concat([Buffer.alloc(2), data]), 8);
      body[0] = o.nextHeader ?? ipProtoOf(next, IpProto.NONE);
      // Hdr Ext Len: 8-octet units beyond the first 8; AH's Payload Len: 4-octet units minus 2
      body[1] = o.type === IpProto.AH ? body.length / 4 - 2 : body.length / 8 - 1;
      return Buffer.concat([body, payload]);
    }
    case "tcp": {
      const o = layer.o, opts = padToMultiple(o.options), h = Buffer.alloc(20 + opts.length);
      h.writeUInt16BE(o.sport ?? 40000, 0);
      h.writeUInt16BE(o.dport ?? 80, 2);
      h.writeUInt32BE((o.seq ?? 0) >>> 0, 4);
      h.writeUInt32BE((o.ack ?? 0) >>> 0, 8);
      const flags = o.flags ?? TcpFlags.SYN;
      h[12] = (((o.dataOffset ?? h.length / 4) & 0xf) << 4) | ((flags >> 8) & 0x1);
      h[13] = flags & 0xff;
      h.writeUInt16BE(o.window ?? 65535, 14);
      h.writeUInt16BE(o.urgent ?? 0, 18);
      opts.copy(h, 20);
      const seg = Buffer.concat([h, payload]);
      const pseudo = pseudoHeader(layers, i, IpProto.TCP, seg.length);
      seg.writeUInt16BE(o.checksum ?? (pseudo ? internetChecksum(pseudo, seg) : 0), 16);
      return seg;
    }
    case "udp": {
      const o = layer.o, h = Buffer.alloc(8);
      h.writeUInt16BE(o.sport ?? 40000, 0);
      h.writeUInt16BE(o.dport ?? udpPortOf(next, 80), 2);
      h.writeUInt16BE(o.length ?? (8 + payload.length) & 0xffff, 4);
      const seg = Buffer.concat([h, payload]);
      const pseudo = pseudoHeader(layers, i, IpProto.UDP, seg.length);
      // always computed over IP (mandatory over IPv6, RFC 8200 8.1); a computed 0 is sent as 0xffff, as 0 means "none" (RFC 768)
      const sum = pseudo ? internetChecksum(pseudo, seg) || 0xffff : 0;
      seg.writeUInt16BE(o.checksum ?? sum, 6);
      return seg;
    }
    case "icmp":
    case "icmpv6": {
      const o = layer.o, v6 = layer.kind === "icmpv6", h = Buffer.alloc(8);
      h[0] = o.type ?? (v6 ? 128 : 8); // echo request
      h[1] = o.code ?? 0;
      h.writeUInt16BE(o.id ?? 1, 4);
      h.writeUInt16BE(o.seq ?? 1, 6);
      const msg = Buffer.concat([h, payload]);
      const pseudo = v6 ? pseudoHeader(layers, i, IpProto.ICMPV6, msg.length) : null; // ICMPv6 covers a pseudo-header (RFC 4443)
      msg.writeUInt16BE(o.checksum ?? (pseudo ? internetChecksum(pseudo, msg) : internetChecksum(msg)), 2);
      return msg;
    }
    case "arp": {
      const o = layer.o, h = Buffer.alloc(28);
      h.writeUInt16BE(1, 0); // Ethernet
      h.writeUInt16BE(EtherType.IPV4, 2);
      h[4] = 6;
      h[5] = 4;
      h.writeUInt16BE(o.op ?? 1, 6); // 1 request, 2 reply (RFC 826)
      parseMac(o.senderMac ?? Defaults.srcMac).copy(h, 8);
      parseIpv4(o.senderIp ?? Defaults.srcIpv4).copy(h, 14);
      parseMac(o.targetMac ?? "00:00:00:00:00:00").copy(h, 18);
      parseIpv4(o.targetIp ?? Defaults.dstIpv4).copy(h, 24);
      return Buffer.concat([h, payload]);
    }
    case "vxlan": {
      const h = Buffer.alloc(8);
      h[0] = 0x08; // I flag: the VNI is valid (RFC 7348)
      h.writeUInt32BE(((layer.o.vni & 0xffffff) << 8) >>> 0, 4);
      return Buffer.concat([h, payload]);
    }
    case "gre": {
      // RFC 2784 / 2890: C K S flags, version 0, protocol type, then checksum + reserved1, key, sequence, each if present
      const o = layer.o, c = o.checksum === true, k = o.key !== undefined, s = o.sequence !== undefined;
      const h = Buffer.alloc(4 + (c ? 4 : 0) + (k ? 4 : 0) + (s ? 4 : 0));
      h.writeUInt16BE((c ? 0x8000 : 0) | (k ? 0x2000 : 0) | (s ? 0x1000 : 0), 0);
      h.writeUInt16BE(o.protocolType ?? etherTypeOf(next), 2);
      let at = c ? 8 : 4;
      if (k) { h.writeUInt32BE(o.key! >>> 0, at); at += 4; }
      if (s) h.writeUInt32BE(o.sequence! >>> 0, at);
      const pkt = Buffer.concat([h, payload]);
      if (c) pkt.writeUInt16BE(internetChecksum(pkt), 4); // over the GRE header and payload, checksum field 0
      return pkt;
    }
    case "geneve": {
      // RFC 8926: Ver (2 bits, 0) and Opt Len (6 bits, 4-byte words), O and C flags, protocol type, VNI, reserved, options
      const o = layer.o, opts = o.options ?? Buffer.alloc(0);
      if (opts.length % 4 || opts.length > 63 * 4) throw new Error(`Geneve options must be a multiple of 4 bytes, at most 252, got ${opts.length}`);
      const h = Buffer.alloc(8);
      h[0] = opts.length / 4;
      h[1] = (o.oam ? 0x80 : 0) | (o.critical ? 0x40 : 0);
      h.writeUInt16BE(o.protocolType ?? etherTypeOf(next), 2);
      h.writeUInt32BE(((o.vni & 0xffffff) << 8) >>> 0, 4);
      return Buffer.concat([h, opts, payload]);
    }
  }
}
