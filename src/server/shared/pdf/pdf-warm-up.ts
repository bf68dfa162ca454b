import { PDFDocument } from "pdf-lib";
import { createDocumentFonts, loadFontFaces } from "./pdf-fonts.ts";
import { drawLine, layoutParagraphs } from "./pdf-text.ts";

/** A line in each script the fonts cover, with spaces, and an unbroken word. */
const sample = [
  "Growth plan: mentoring, a quarterly conversation with measurable outcomes.",
  "План развития · Σχέδιο ανάπτυξης · خطة التطوير · תוכנית צמיחה · 成長計画の目標を達成する 🌱",
  "abcdefghijklmnopqrstuvwxyz0123456789".repeat(20),
].join("\n");

/**
 * Loads every font and writes one small PDF, so the first export a worker makes finds its fonts
 * parsed and its code compiled: a first export otherwise costs about twice the next one.
 */
export async function warmUpPdf(): Promise<void> {
  loadFontFaces();
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
