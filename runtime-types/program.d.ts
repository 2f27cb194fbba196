// Program holders: the @xdp, @tc and @socketFilter decorators and the contexts programs receive (verdict enums and raw structs: contexts.d.ts).

/** The context of an XDP program: the packet and where it came from. */
interface XdpContext extends XdpContextFields {
  /** The Ethernet header (after up to two VLAN tags), or null if the frame is shorter than 14 bytes. */
  eth(): Ethernet | null;
  /** The whole packet as a cursor, from its first byte: raw reads and writes at any offset. */
  packet(): Cursor;
  /**
   * Moves the start of the packet by delta bytes: positive removes bytes from the front, negative makes room for new
   * headers (bpf_xdp_adjust_head). True on success. Every header and cursor taken before is invalid afterwards.
   */
  adjustHead(delta: i32): bool;
  /** Moves the end of the packet by delta bytes (bpf_xdp_adjust_tail, Linux 4.18). True on success; headers taken before are invalid afterwards. */
  adjustTail(delta: i32): bool;
  /** Moves the start of the metadata area by delta bytes (bpf_xdp_adjust_meta, Linux 4.15). True on success; headers taken before are invalid afterwards. */
  adjustMeta(delta: i32): bool;
  /** The kernel's struct xdp_md. */
  readonly raw: XdpMd;
}

/** The context of a tc classifier: a socket buffer, with the same packet API over its linear data. */
interface TcContext extends TcContextFields {
  /** The Ethernet header (after up to two VLAN tags still in the data), or null if the linear data is shorter than 14 bytes. */
  eth(): Ethernet | null;
  /** The linear packet data as a cursor, from its first byte. */
  packet(): Cursor;
  /** The kernel's struct __sk_buff: mark, priority, cb and the other writable fields are assignable. */
  readonly raw: SkBuff;
}

/** The context of a socket filter: a socket buffer; the packet API reads a copy of the frame from its MAC header. */
interface SkBuffContext extends SkBuffContextFields {
  /** The Ethernet header (after up to two VLAN tags), or null if the frame is shorter than 14 bytes. */
  eth(): Ethernet | null;
  /** The frame, from its MAC header, as a cursor (read-only: socket filters cannot change packets). */
  packet(): Cursor;
  /** The kernel's struct __sk_buff, as socket filters may read it (only cb is writable). */
  readonly raw: SocketSkBuff;
}

/** Options of @xdp(...). */
interface XdpOptions {
  /** The ELF section, instead of `xdp/<method>`. */
  section?: string;
  /** The verdict when a raw packet read falls outside the packet (default Pass). */
  onError?: XdpAction;
}

/** Options of @tc(...). */
interface TcOptions {
  /** The ELF section, instead of `tc/<method>`. */
  section?: string;
  /** The verdict when a raw packet read falls outside the packet (default Ok). */
  onError?: TcAction;
}

/** Options of @socketFilter(...). */
interface SocketFilterOptions {
  /** The ELF section, instead of `socket/<method>`. */
  section?: string;
  /** The verdict when a raw packet read falls outside the packet (default Accept). */
  onError?: SocketAction;
}

type XdpProgram = (ctx: XdpContext) => XdpAction;
type SocketFilterProgram = (ctx: SkBuffContext) => SocketAction;
type TcProgram = (ctx: TcContext) => TcAction;

/** Marks a static method as an XDP program in ELF section `xdp/<method>`. */
declare function xdp(target: XdpProgram, context: ClassMethodDecoratorContext): void;
declare function xdp(options: XdpOptions): (target: XdpProgram, context: ClassMethodDecoratorContext) => void;

/** Marks a static method as a tc classifier (direct action) in ELF section `tc/<method>`. */
declare function tc(target: TcProgram, context: ClassMethodDecoratorContext): void;
declare function tc(options: TcOptions): (target: TcProgram, context: ClassMethodDecoratorContext) => void;

/** Marks a static method as a socket filter in ELF section `socket/<method>`: it decides which packets a socket receives. */
declare function socketFilter(target: SocketFilterProgram, context: ClassMethodDecoratorContext): void;
declare function socketFilter(options: SocketFilterOptions): (target: SocketFilterProgram, context: ClassMethodDecoratorContext) => void;

/**
 * Writes a line to the kernel's trace buffer (bpf_trace_printk; read it from /sys/kernel/tracing/trace_pipe).
 * The format is a string literal with at most three %d, %u or %x placeholders (%% for a percent sign).
 */
declare function trace(format: string, ...args: (number | boolean)[]): void;
