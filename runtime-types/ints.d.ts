// tsbpf's integer types: each brand lists the types that may widen into it, so an editor rejects narrowing.
type u8 = number & { readonly __int?: "u8" };
type u16 = number & { readonly __int?: "u8" | "u16" };
type u32 = number & { readonly __int?: "u8" | "u16" | "u32" };
type u64 = number & { readonly __int?: "u8" | "u16" | "u32" | "u64" };
type i8 = number & { readonly __int?: "i8" };
type i16 = number & { readonly __int?: "u8" | "i8" | "i16" };
type i32 = number & { readonly __int?: "u8" | "u16" | "i8" | "i16" | "i32" };
type i64 = number & { readonly __int?: "u8" | "u16" | "u32" | "i8" | "i16" | "i32" | "i64" };
type bool = boolean;

/** Converts explicitly, truncating or extending like a C cast. */
declare function u8(value: number | boolean): u8;
declare function u16(value: number | boolean): u16;
declare function u32(value: number | boolean): u32;
declare function u64(value: number | boolean): u64;
declare function i8(value: number | boolean): i8;
declare function i16(value: number | boolean): i16;
declare function i32(value: number | boolean): i32;
declare function i64(value: number | boolean): i64;

/** A fixed-size array of N elements, stored inline (in a struct or on the stack); indices must be provably below N. */
type FixedArray<T, N extends number> = { [index: number]: T; readonly length: number; readonly __length?: N };
