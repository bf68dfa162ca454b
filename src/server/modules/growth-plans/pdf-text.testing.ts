import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text a reader would copy from a PDF's pages, extracted by PDF.js; one line per line drawn. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    verbosity: 0,
  });
  const document = await task.promise;
  const lines: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) {
      if ("str" in item) lines.push(item.hasEOL ? `${item.str}\n` : item.str);
    }
  }
  await task.destroy();
  return lines.join("");
}
