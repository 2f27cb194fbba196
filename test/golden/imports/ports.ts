// Shared by the imports snippet: a constant, an enum and a helper in a file of their own.
export const SSH: u16 = 22;
export const enum Verdict { Allow, Deny }

export function verdictFor(port: u16): Verdict {
  return port == SSH ? Verdict.Deny : Verdict.Allow;
}
