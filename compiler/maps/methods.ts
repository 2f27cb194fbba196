// The methods map kinds offer, described once: parameters, result and meaning; the checker, lowering and maps.d.ts read them.
import type { MapMethod } from "./kinds.js";
import type { ProgramDecorator } from "../programs/kinds.js";

/** A parameter's role: the map's key or value type, update flags, an increment, an index, a fallback verdict, the program context. */
export type ParamRole = "key" | "value" | "flags" | "by" | "index" | "fallback" | "ctx";

export interface MethodSpec {
  params: { name: string; role: ParamRole; optional?: boolean }[];
  /** "ref": a reference to the value or null; "bool": true on success; "verdict": an XdpAction. */
  returns: "ref" | "bool" | "void" | "verdict";
  /** The program kinds (decorators) whose kernel offers the method's helper; absent: every kind. */
  kinds?: readonly ProgramDecorator[];
  doc: string;
}

export const MAP_METHODS: Record<MapMethod, MethodSpec> = {
  get: { params: [{ name: "key", role: "key" }], returns: "ref", doc: "The value stored under key, as a reference that writes through (integers are read and written as `.value`), or null when there is none." },
  set: { params: [{ name: "key", role: "key" }, { name: "value", role: "value" }, { name: "flags", role: "flags", optional: true }], returns: "bool", doc: "Stores value under key (with MapUpdate.NoExist only if absent, with MapUpdate.Exist only if present); true on success." },
  delete: { params: [{ name: "key", role: "key" }], returns: "bool", doc: "Removes key; true if it was there." },
  increment: { params: [{ name: "key", role: "key" }, { name: "by", role: "by", optional: true }], returns: "void", doc: "Adds by (default 1) to the integer value under key atomically, creating it when a hash map lacks it." },
  output: { params: [{ name: "record", role: "value" }], returns: "bool", doc: "Copies record into the ring buffer for user space; false when the buffer is full." },
  redirect: { params: [{ name: "index", role: "index" }, { name: "fallback", role: "fallback", optional: true }], returns: "verdict", kinds: ["xdp"], doc: "Redirects the frame to the entry at index: returns XdpAction.Redirect, or fallback (default XdpAction.Aborted) when the entry is empty." },
  tailCall: { params: [{ name: "ctx", role: "ctx" }, { name: "index", role: "index" }], returns: "void", doc: "Jumps to the program at index, never to return; when there is none, execution goes on after the call." },
};
