import { PDFDocument } from "pdf-lib";
import { createDocumentFonts } from "./pdf-fonts.ts";
import { drawLine, layoutParagraphs } from "./pdf-text.ts";

/**
 * Text in Noto Sans only (Latin, Cyrillic, Greek), with spaces, and an unbroken word. The other
 * scripts' faces (Japanese, Chinese and Korean are 5–10 MB each) load on first use: loaded here,
 * they would stay in the server's memory all the time (about 80 MB).
 */
const sample = [
  "Growth plan: mentoring, a quarterly conversation with measurable outcomes.",
  "План развития · Σχέδιο ανάπτυξης",
  "abcdefghijklmnopqrstuvwxyz0123456789".repeat(20),
].join("\n");

/**
 * Writes one small PDF, so the first export a worker makes finds its code compiled and its main
 * font parsed: a first export otherwise costs about twice the next one.
 */
export async function warmUpPdf(): Promise<void> {
  const pdf = await PDFDocument.create();
  const fonts = createDocumentFonts(pdf);
  const page = pdf.addPage([595, 842]);
  let y = 800;
  for (const weight of ["regular", "bold"] as const) {
    const style = { size: 10, weight };
    for (const paragraph of layoutParagraphs(sample.repeat(5), style, 500)) {
      for (const line of paragraph.lines) {
        y = y < 60 ? 800 : y - 14;
        await drawLine(page, fonts, paragraph, line, { x: 40, y, width: 500, style });
      }
    }
  }
  await pdf.save();
}
