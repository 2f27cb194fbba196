// The map kinds a probe can declare, described once: BPF map type, key and value shape, methods and minimum kernel.

export type MapMethod = "get" | "set" | "delete" | "increment" | "output" | "redirect" | "tailCall";

/** How a kind's key is given: by the user (K), an index (u32), an LPM prefix struct, or none (ring buffers). */
export type KeyShape = "generic" | "index" | "prefix" | "none";

/** How a kind's value is given: by the user (V, for a ring buffer its record), or fixed by the kernel (a u32: ifindex, socket or program). */
export type ValueShape = "generic" | "fixed";

export interface MapKind {
  name: string;
  /** enum bpf_map_type: the kernel's name and number. */
  bpfType: string;
  typeId: number;
  key: KeyShape;
  value: ValueShape;
  perCpu: boolean;
  /** map_flags the kernel requires (BPF_F_NO_PREALLOC = 1 for LPM tries). */
  flags: number;
  methods: MapMethod[];
  /** What the constructor's one argument means. */
  sizeArg: "maxEntries" | "bytes";
  /** The oldest kernel that has this map type (and everything tsbpf uses on it). */
  minKernel: string;
  doc: string;
}

const kind = (k: MapKind): MapKind => k;

export const MAP_KINDS: readonly MapKind[] = [
  kind({ name: "HashMap", bpfType: "BPF_MAP_TYPE_HASH", typeId: 1, key: "generic", value: "generic", perCpu: false, flags: 0, methods: ["get", "set", "delete", "increment"], sizeArg: "maxEntries", minKernel: "3.19", doc: "A hash table shared by all CPUs." }),
  kind({ name: "LruHashMap", bpfType: "BPF_MAP_TYPE_LRU_HASH", typeId: 9, key: "generic", value: "generic", perCpu: false, flags: 0, methods: ["get", "set", "delete", "increment"], sizeArg: "maxEntries", minKernel: "4.10", doc: "A hash table that evicts the least recently used key when full." }),
  kind({ name: "PerCpuHashMap", bpfType: "BPF_MAP_TYPE_PERCPU_HASH", typeId: 5, key: "generic", value: "generic", perCpu: true, flags: 0, methods: ["get", "set", "delete", "increment"], sizeArg: "maxEntries", minKernel: "4.6", doc: "A hash table with one value per CPU for each key; a program sees its own CPU's value." }),
  kind({ name: "ArrayMap", bpfType: "BPF_MAP_TYPE_ARRAY", typeId: 2, key: "index", value: "generic", perCpu: false, flags: 0, methods: ["get", "set", "increment"], sizeArg: "maxEntries", minKernel: "3.19", doc: "An array of maxEntries zero-initialised values indexed by u32, shared by all CPUs." }),
  kind({ name: "PerCpuArray", bpfType: "BPF_MAP_TYPE_PERCPU_ARRAY", typeId: 6, key: "index", value: "generic", perCpu: true, flags: 0, methods: ["get", "set", "increment"], sizeArg: "maxEntries", minKernel: "4.6", doc: "An array with one copy per CPU; a program sees its own CPU's values." }),
  kind({ name: "LpmTrie", bpfType: "BPF_MAP_TYPE_LPM_TRIE", typeId: 11, key: "prefix", value: "generic", perCpu: false, flags: 1, methods: ["get", "set", "delete", "increment"], sizeArg: "maxEntries", minKernel: "4.11", doc: "A longest-prefix-match table keyed by Ipv4Prefix or Ipv6Prefix: get() finds the longest stored prefix containing the address." }),
  kind({ name: "RingBuf", bpfType: "BPF_MAP_TYPE_RINGBUF", typeId: 27, key: "none", value: "generic", perCpu: false, flags: 0, methods: ["output"], sizeArg: "bytes", minKernel: "5.8", doc: "A ring buffer of records of type V shared by all CPUs, read by user space; its size is a power of two and a multiple of the page size (4096)." }),
  kind({ name: "DevMap", bpfType: "BPF_MAP_TYPE_DEVMAP", typeId: 14, key: "index", value: "fixed", perCpu: false, flags: 0, methods: ["redirect"], sizeArg: "maxEntries", minKernel: "4.14", doc: "Network devices (ifindexes set from user space) that XDP programs redirect frames to." }),
  kind({ name: "XskMap", bpfType: "BPF_MAP_TYPE_XSKMAP", typeId: 17, key: "index", value: "fixed", perCpu: false, flags: 0, methods: ["redirect"], sizeArg: "maxEntries", minKernel: "4.18", doc: "AF_XDP sockets (set from user space), indexed by receive queue, that XDP programs redirect frames to." }),
  kind({ name: "ProgArray", bpfType: "BPF_MAP_TYPE_PROG_ARRAY", typeId: 3, key: "index", value: "fixed", perCpu: false, flags: 0, methods: ["tailCall"], sizeArg: "maxEntries", minKernel: "4.2", doc: "Programs (set from user space) that a program can tail-call: jump to, never to return." }),
];

export function mapKind(name: string): MapKind | undefined {
  return MAP_KINDS.find((k) => k.name === name);
}

/** The page size ring buffers must be a multiple of (x86-64 and arm64 with 4K pages). */
export const RINGBUF_PAGE = 4096;
