// Helper functions: time, randomness, CPU, redirection and checksums. Generated from compiler/helpers; do not edit.

/** Nanoseconds since boot, not counting time suspended (CLOCK_MONOTONIC). (Linux 4.1) */
declare function ktimeNs(): u64;

/** Nanoseconds since boot, counting time suspended (CLOCK_BOOTTIME). (Linux 5.8) */
declare function bootNs(): u64;

/** A pseudo-random number (not for cryptography). (Linux 4.1) */
declare function randomU32(): u32;

/** The number of the CPU running the program. (Linux 4.1) */
declare function cpuId(): u32;

/** Sends the packet out of interface ifindex: returns the program's redirect verdict (XdpAction.Redirect, TcAction.Redirect), or XdpAction.Aborted / TcAction.Shot if flags are invalid. (Linux 4.14) */
declare function redirect<Verdict extends XdpAction | TcAction = XdpAction>(ifindex: u32, flags?: u64): Verdict;

/** Folds a 32-bit one's-complement sum to 16 bits and complements it: the Internet checksum of the summed data. */
declare function csumFold(sum: u32): u16;

/** The Internet checksum check after a 16-bit word of the data changes from `from` to `to` (RFC 1624: ~(~check + ~from + to)). */
declare function csumReplace16(check: u16, from: u16, to: u16): u16;

/** The Internet checksum check after a 32-bit word of the data (an IPv4 address) changes from `from` to `to`. */
declare function csumReplace32(check: u16, from: u32, to: u32): u16;
