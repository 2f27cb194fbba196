// Maps: BPF maps declared at module level with `new Kind<...>(size)`. Generated from compiler/maps; do not edit.

/** Flags of set(): whether the key may, must not or must already exist. */
declare const enum MapUpdate { Any = 0, NoExist = 1, Exist = 2 }

/** A reference to an integer stored in a map: read and write it as `.value`. */
interface Ref<T> { value: T }

/** What get() returns: a struct value by reference, an integer through Ref. */
type MapValueRef<V> = V extends number ? Ref<V> : V;

/** An IPv4 LPM key: the first prefixLen bits of addr (a host-order address, as packet getters give it). */
interface Ipv4Prefix { prefixLen: u32; addr: u32 }

/** An IPv6 LPM key: the first prefixLen bits of addr (its 16 bytes in packet order). */
interface Ipv6Prefix { prefixLen: u32; addr: FixedArray<u8, 16> }

/** A hash table shared by all CPUs. (BPF_MAP_TYPE_HASH, Linux 3.19) */
declare class HashMap<K, V> {
  constructor(maxEntries: number);
  /** The value stored under key, as a reference that writes through (integers are read and written as `.value`), or null when there is none. */
  get(key: K): MapValueRef<V> | null;
  /** Stores value under key (with MapUpdate.NoExist only if absent, with MapUpdate.Exist only if present); true on success. */
  set(key: K, value: V, flags?: MapUpdate): bool;
  /** Removes key; true if it was there. */
  delete(key: K): bool;
  /** Adds by (default 1) to the integer value under key atomically, creating it when a hash map lacks it. */
  increment(key: K, by?: V): void;
}

/** A hash table that evicts the least recently used key when full. (BPF_MAP_TYPE_LRU_HASH, Linux 4.10) */
declare class LruHashMap<K, V> {
  constructor(maxEntries: number);
  /** The value stored under key, as a reference that writes through (integers are read and written as `.value`), or null when there is none. */
  get(key: K): MapValueRef<V> | null;
  /** Stores value under key (with MapUpdate.NoExist only if absent, with MapUpdate.Exist only if present); true on success. */
  set(key: K, value: V, flags?: MapUpdate): bool;
  /** Removes key; true if it was there. */
  delete(key: K): bool;
  /** Adds by (default 1) to the integer value under key atomically, creating it when a hash map lacks it. */
  increment(key: K, by?: V): void;
}

/** A hash table with one value per CPU for each key; a program sees its own CPU's value. (BPF_MAP_TYPE_PERCPU_HASH, Linux 4.6) */
declare class PerCpuHashMap<K, V> {
  constructor(maxEntries: number);
  /** The value stored under key, as a reference that writes through (integers are read and written as `.value`), or null when there is none. */
  get(key: K): MapValueRef<V> | null;
  /** Stores value under key (with MapUpdate.NoExist only if absent, with MapUpdate.Exist only if present); true on success. */
  set(key: K, value: V, flags?: MapUpdate): bool;
  /** Removes key; true if it was there. */
  delete(key: K): bool;
  /** Adds by (default 1) to the integer value under key atomically, creating it when a hash map lacks it. */
  increment(key: K, by?: V): void;
}

/** An array of maxEntries zero-initialised values indexed by u32, shared by all CPUs. (BPF_MAP_TYPE_ARRAY, Linux 3.19) */
declare class ArrayMap<V> {
  constructor(maxEntries: number);
  /** The value stored under key, as a reference that writes through (integers are read and written as `.value`), or null when there is none. */
  get(key: u32): MapValueRef<V> | null;
  /** Stores value under key (with MapUpdate.NoExist only if absent, with MapUpdate.Exist only if present); true on success. */
  set(key: u32, value: V, flags?: MapUpdate): bool;
  /** Adds by (default 1) to the integer value under key atomically, creating it when a hash map lacks it. */
  increment(key: u32, by?: V): void;
}

/** An array with one copy per CPU; a program sees its own CPU's values. (BPF_MAP_TYPE_PERCPU_ARRAY, Linux 4.6) */
declare class PerCpuArray<V> {
  constructor(maxEntries: number);
  /** The value stored under key, as a reference that writes through (integers are read and written as `.value`), or null when there is none. */
  get(key: u32): MapValueRef<V> | null;
  /** Stores value under key (with MapUpdate.NoExist only if absent, with MapUpdate.Exist only if present); true on success. */
  set(key: u32, value: V, flags?: MapUpdate): bool;
  /** Adds by (default 1) to the integer value under key atomically, creating it when a hash map lacks it. */
  increment(key: u32, by?: V): void;
}

/** A longest-prefix-match table keyed by Ipv4Prefix or Ipv6Prefix: get() finds the longest stored prefix containing the address. (BPF_MAP_TYPE_LPM_TRIE, Linux 4.11) */
declare class LpmTrie<P extends Ipv4Prefix | Ipv6Prefix, V> {
  constructor(maxEntries: number);
  /** The value stored under key, as a reference that writes through (integers are read and written as `.value`), or null when there is none. */
  get(key: P): MapValueRef<V> | null;
  /** Stores value under key (with MapUpdate.NoExist only if absent, with MapUpdate.Exist only if present); true on success. */
  set(key: P, value: V, flags?: MapUpdate): bool;
  /** Removes key; true if it was there. */
  delete(key: P): bool;
  /** Adds by (default 1) to the integer value under key atomically, creating it when a hash map lacks it. */
  increment(key: P, by?: V): void;
}

/** A ring buffer of records of type V shared by all CPUs, read by user space; its size is a power of two and a multiple of the page size (4096). (BPF_MAP_TYPE_RINGBUF, Linux 5.8) */
declare class RingBuf<V> {
  constructor(bytes: number);
  /** Copies record into the ring buffer for user space; false when the buffer is full. */
  output(record: V): bool;
}

/** Network devices (ifindexes set from user space) that XDP programs redirect frames to. (BPF_MAP_TYPE_DEVMAP, Linux 4.14) */
declare class DevMap {
  constructor(maxEntries: number);
  /** Redirects the frame to the entry at index: returns XdpAction.Redirect, or fallback (default XdpAction.Aborted) when the entry is empty. */
  redirect(index: u32, fallback?: XdpAction): XdpAction;
}

/** AF_XDP sockets (set from user space), indexed by receive queue, that XDP programs redirect frames to. (BPF_MAP_TYPE_XSKMAP, Linux 4.18) */
declare class XskMap {
  constructor(maxEntries: number);
  /** Redirects the frame to the entry at index: returns XdpAction.Redirect, or fallback (default XdpAction.Aborted) when the entry is empty. */
  redirect(index: u32, fallback?: XdpAction): XdpAction;
}

/** Programs (set from user space) that a program can tail-call: jump to, never to return. (BPF_MAP_TYPE_PROG_ARRAY, Linux 4.2) */
declare class ProgArray {
  constructor(maxEntries: number);
  /** Jumps to the program at index, never to return; when there is none, execution goes on after the call. */
  tailCall(ctx: XdpContext, index: u32): void;
}
