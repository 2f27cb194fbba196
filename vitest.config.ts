// Test runner configuration: unit, golden and kernel tests under test/ and examples/, each file in its own process.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    // Kernel tests compile with clang and load into the kernel: give every test and hook a minute.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Separate processes, so a test that dies cannot take others' BPF objects or namespaces with it.
    pool: "forks",
    globalSetup: ["test/setup/build-dist.ts"],
  },
});
