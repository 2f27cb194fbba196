/* tsbpf runtime: the fixed-width types and attributes every generated probe starts with. */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;

#define SEC(name) __attribute__((section(name), used))
/* expr with t bound to v (a temporary of the generated code, evaluated once) */
#define tsbpf_let(t, v, expr) ({ __u64 t = (v); (expr); })
#define __always_inline inline __attribute__((always_inline))
/* Every value the generated code keeps in memory starts an 8-byte stack slot. clang spills a 32-bit register with a
 * 4-byte store into a slot of its own, and a smaller object could fill the slot's other half: the verifier forgets
 * the spilled value once that half is written (a map key beside a header's presence flag, say). */
#define TSBPF_SLOT __attribute__((aligned(8)))
