import { inflateSync } from "node:zlib";

/** The text drawn on a PDF's pages: content streams inflated, hex strings decoded. */
export function pdfText(bytes: Buffer): string {
  const source = bytes.toString("latin1");
  const texts: string[] = [];
  for (const match of source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const raw = Buffer.from(match[1] ?? "", "latin1");
    let content: string;
    try {
      content = inflateSync(raw).toString("latin1");
    } catch {
      content = raw.toString("latin1");
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      texts.push(Buffer.from(hex[1] ?? "", "hex").toString("latin1"));
    }
  }
  return texts.join("\n");
}
