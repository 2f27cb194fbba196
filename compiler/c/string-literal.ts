// C string literals from any text: printable ASCII as is, everything else (and `?`, which trigraphs read) as octal escapes of its UTF-8 bytes.

export function cStringLiteral(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    if (c === '"' || c === "\\") out += `\\${c}`;
    else if (c === "\n") out += "\\n";
    else if (byte >= 0x20 && byte < 0x7f && c !== "?") out += c;
    else out += `\\${byte.toString(8).padStart(3, "0")}`;
  }
  return `"${out}"`;
}
