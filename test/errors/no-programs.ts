//! TSBPF1018 A file without any @xdp method has nothing to compile.
function unused(x: u32): u32 {
  return x;
}
