// What the function being lowered reaches through its parameters: the packet's end (from its context, or a hidden parameter) and a value the verifier cannot know.
import { id, member, call, unary, type CExpr, type CParam, type CStmt } from "../c/ast.js";
import { kindByContext, type ProgramKind } from "../programs/kinds.js";
import type { TType } from "../types/types.js";

/** The hidden parameter of functions that take headers but no context. */
const END_PARAM = "tsbpf_end";
/** A socket filter's copy of its frame, made once by the function that reads it. */
const FRAME = "tsbpf_frame";
/** The function's 32 unknown bits. */
const NOISE = "tsbpf_noise";

/**
 * A function reaches the packet through its context (a program's, or a helper's context parameter) or, when it only
 * takes headers, through a hidden `end` parameter its callers fill in. The end of the packet is never stored in a
 * header value: a value that may also be "no header" would then carry a NULL end on some path (see compiler/runtime/packet.h).
 */
export class FunctionScope {
  private frameUsed = false;
  private noiseUsed = false;

  private constructor(private readonly via: { ctx: string; kind: ProgramKind } | "param" | undefined) {}

  /** The scope of a function with these parameters (C names and types). */
  static of(params: { cName: string; type: TType }[]): FunctionScope {
    const context = params.find((p) => p.type.kind === "context");
    if (context) return new FunctionScope({ ctx: context.cName, kind: kindByContext((context.type as { name: string }).name)! });
    return new FunctionScope(params.some((p) => p.type.kind === "header") ? "param" : undefined);
  }

  /** The hidden parameter this function takes, if any. */
  get hiddenParams(): CParam[] {
    return this.via === "param" ? [{ type: "__u8 *", name: END_PARAM }] : [];
  }

  /** The end of the packet, as an expression valid anywhere in the function. */
  end(): CExpr {
    if (this.via === "param") return id(END_PARAM);
    if (!this.via) throw new Error("internal: packet access in a function that reaches no packet");
    if (this.via.kind.packet === "direct") return call("tsbpf_end", [id(this.via.ctx)]);
    this.frameUsed = true;
    return member(id(FRAME), "end");
  }

  /** What ctx.eth() and ctx.packet() start from: the context, or the frame copied from it. */
  entry(ctx: CExpr, kind: ProgramKind): CExpr {
    if (kind.packet === "direct") return ctx;
    this.frameUsed = true;
    return id(FRAME);
  }

  /**
   * 32 bits the verifier does not know (tsbpf_havoc xors with them twice): a field of the context it cannot predict,
   * or a random number in a function without one.
   */
  noise(): CExpr {
    this.noiseUsed = true;
    return id(NOISE);
  }

  /** Whether the noise comes from the kernel's random number helper (the function has no context). */
  get noiseIsRandom(): boolean {
    return this.noiseUsed && (!this.via || this.via === "param");
  }

  /**
   * The statements the function starts with: the frame copy and the noise, when something uses them. A frame that
   * could not be made (the per-CPU buffer missing, which it never is) leaves the function with `bail`: its data is then
   * never NULL where the packet is read, which matters because the verifier learns nothing from comparing pointers
   * into a map value, and would otherwise follow paths where a parsed header points at NULL.
   */
  prologue(bail: CStmt): CStmt[] {
    const out: CStmt[] = [];
    const ctx = this.via && this.via !== "param" ? this.via : undefined;
    if (this.noiseUsed) {
      const init = ctx ? call("tsbpf_ctx_get", [id(ctx.ctx), id(ctx.kind.unknownField), id("u32")]) : call("tsbpf_get_prandom_u32", []);
      out.push({ k: "decl", type: "__u64", name: NOISE, init });
    }
    if (this.frameUsed && ctx) {
      out.push({ k: "decl", type: "struct tsbpf_frame", name: FRAME, init: call("tsbpf_copy_frame", [id(ctx.ctx)]) });
      out.push({ k: "if", test: unary("!", member(id(FRAME), "data")), then: [bail] });
    }
    return out;
  }
}

/** Whether calls to a function with these parameter types pass the caller's packet end. */
export function takesPacketEnd(params: readonly TType[]): boolean {
  return !params.some((t) => t.kind === "context") && params.some((t) => t.kind === "header");
}
