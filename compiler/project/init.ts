// `tsbpf init`: a probe project whose tsconfig.json makes tsc (and so an editor) check probes against runtime-types/.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { messages } from "../diagnostics/catalogue.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import { runtimeTypesDir } from "../frontend/runtime-types.js";

const EXAMPLE_PROBE = `// probe.ts: drops TCP traffic to port 22, passes everything else.
const BLOCKED_PORT: u16 = 22;

export class Probe {
  @xdp
  static dropSsh(ctx: XdpContext): XdpAction {
    const tcp = ctx.eth()?.ipv4()?.tcp();
    if (tcp && tcp.dport == BLOCKED_PORT) return XdpAction.Drop;
    return XdpAction.Pass;
  }
}
`;

/** The compiler options tsbpf itself uses, so `tsc --noEmit` shows the same TypeScript errors as `tsbpf check`. */
export function probeTsconfig(dir: string): object {
  const types = relative(resolve(dir), runtimeTypesDir()).split("\\\\").join("/");
  return {
    compilerOptions: {
      noLib: true,
      types: [],
      strict: true,
      noImplicitReturns: true,
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      noEmit: true,
      skipLibCheck: true,
    },
    include: ["**/*.ts", `${types}/*.d.ts`],
    exclude: ["build", "node_modules"],
  };
}

/** Writes tsconfig.json and probe.ts into dir; refuses to overwrite anything. Returns the files written. */
export function initProject(dir: string): string[] {
  const files = { "tsconfig.json": JSON.stringify(probeTsconfig(dir), null, 2) + "\n", "probe.ts": EXAMPLE_PROBE };
  const existing = Object.keys(files).filter((f) => existsSync(join(dir, f)));
  if (existing.length) throw new DiagnosticError([{ ...messages.wouldOverwrite(existing.map((f) => join(dir, f)).join(", ")), severity: "error" }]);
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}
