// User names that are C keywords, C library functions or runtime type names: each keeps its name where users see it.
const memcpy = new ArrayMap<u64>(4);
const int = new HashMap<u32, u64>(4);
const key = new HashMap<u32, u64>(4);
const printf: u32 = 3;
const strlen = config({ n: u32(1) });
interface malloc { a: u32 }
interface SOCKET_DROP { a: u32 }
function free(x: u32): u32 { return x + 1; }
/** @noinline */
function abs(x: u32): u32 { return x + 2; }

export class Names {
  @xdp
  static names(ctx: XdpContext): XdpAction {
    const long: u32 = free(printf) + abs(strlen.n);
    const s: malloc = { a: long };
    const t: SOCKET_DROP = { a: long };
    const _LP64: u32 = 1;
    const xdp_action: u32 = 2;
    let char: u32 = s.a + t.a + _LP64 + xdp_action;
    char += 1;
    memcpy.increment(char & 3);
    int.increment(char);
    key.set(char, 7);
    return XdpAction.Pass;
  }
}
