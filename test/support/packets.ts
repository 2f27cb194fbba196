// The test packet builder, now compiler/testing/ (published as tsbpf/testing); re-exported for the existing tests.
export * from "../../compiler/testing/packets.js";
