import { PDFDocument, rgb } from "pdf-lib";
import { createDocumentFonts } from "./pdf-fonts.ts";
import { PageText } from "./pdf-page-text.ts";
import { drawLine, layoutParagraphs, type TextStyle } from "./pdf-text.ts";

/**
 * A document of styled paragraphs as an A4 PDF in Noto fonts subset to the characters used: the
 * layout every PDF export shares (growth plans, career conversations). Text is drawn as plain
 * text: the PDF holds no links, scripts or actions, so nothing in it can run.
 */

export type BlockStyle = "title" | "muted" | "heading" | "label" | "text" | "strong" | "empty";
export type PdfBlock = { style: BlockStyle; text: string };

export const pdfBlock = (style: BlockStyle, text: string): PdfBlock => ({ style, text });

const gray = rgb(0.38, 0.4, 0.44);
const pageSize = { width: 595.28, height: 841.89 };
const margin = 56;
const styles: Record<BlockStyle, TextStyle & { gapBefore: number; gray: boolean }> = {
  title: { size: 20, weight: "bold", gapBefore: 0, gray: false },
  muted: { size: 9, weight: "regular", gapBefore: 2, gray: true },
  heading: { size: 14, weight: "bold", gapBefore: 16, gray: false },
  label: { size: 10, weight: "bold", gapBefore: 7, gray: false },
  strong: { size: 10, weight: "bold", gapBefore: 6, gray: false },
  text: { size: 10, weight: "regular", gapBefore: 2, gray: false },
  empty: { size: 10, weight: "regular", gapBefore: 2, gray: true },
};

export async function renderBlocksPdf(
  title: string,
  blocks: readonly PdfBlock[],
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = createDocumentFonts(pdf);
  pdf.setTitle(title);
  pdf.setCreator("Trellis");
  pdf.setProducer("Trellis");
  const width = pageSize.width - 2 * margin;
  const pages = [new PageText(pdf.addPage([pageSize.width, pageSize.height]))];
  let page = pages[0] as PageText;
  let y = pageSize.height - margin;
  for (const item of blocks) {
    const style = styles[item.style];
    const lineHeight = style.size * 1.45;
    y -= style.gapBefore;
    for (const paragraph of layoutParagraphs(item.text, style, width)) {
      for (const line of paragraph.lines) {
        if (y - lineHeight < margin) {
          page = new PageText(pdf.addPage([pageSize.width, pageSize.height]));
          pages.push(page);
          y = pageSize.height - margin;
        }
        y -= lineHeight;
        await drawLine(page, fonts, paragraph, line, {
          x: margin,
          y,
          width,
          style,
          color: style.gray ? gray : undefined,
        });
      }
    }
  }
  for (const text of pages) text.finish(pdf);
  return pdf.save();
}
