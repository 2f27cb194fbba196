// C names for user identifiers: kept when free, renamed away from C keywords, runtime names and each other, always terminating.
import { expect, it } from "vitest";
import { CNames } from "../../compiler/check/names.js";

it("keeps free names and renames collisions uniquely", () => {
  const names = new CNames();
  names.reserveGlobal("filter");
  expect(names.global("filter")).toBe("filter_1");
  expect(names.global("int")).toBe("int_1");
  expect(names.global("int_1")).toBe("int_1_1");
  const scope = {};
  expect(names.local(scope, "$")).toBe("_");
  expect(names.local(scope, "π")).toBe("_1");
  expect(names.local(scope, "__x")).toBe("user___x");
  expect(names.local(scope, "tsbpf_y")).toBe("user_tsbpf_y");
  expect(names.local(scope, "XDP_PASS")).toBe("user_XDP_PASS");
  expect(names.local(scope, "char")).toBe("char_1");
  expect(names.local(scope, "char_1")).toBe("char_1_1");
  expect(names.local({}, "_")).toBe("_");
  // C reserves _X for the implementation (clang's _Nullable, the _LP64 macro); the runtime defines the verdict constants
  expect(names.local(scope, "_LP64")).toBe("user__LP64");
  expect(names.local(scope, "SOCKET_DROP")).toBe("SOCKET_DROP_1");
  expect(names.local(scope, "xdp_action")).toBe("xdp_action_1");
  // library names are free (clang runs with -fno-builtin)
  expect(names.global("memcpy")).toBe("memcpy");
});
