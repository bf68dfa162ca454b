import { deflateSync } from "node:zlib";
import {
  beginText,
  type Color,
  endText,
  PDFContentStream,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
} from "pdf-lib";

/**
 * The text operators of one page, written as one content stream when the document is done.
 *
 * pdf-lib's own `drawText` costs most of a long export: each font change adds a new font
 * resource to the page (a fresh name found by scanning the page's), each call checks its options
 * and wraps its text in a saved graphics state, and content streams are deflated in JavaScript.
 * Here a page names each font once, sets the font, size and colour only when they change, and
 * its stream is deflated by Node's zlib. The operators are pdf-lib's, so the content is the same.
 */
export class PageText {
  readonly page: PDFPage;
  private readonly operators: PDFOperator[] = [];
  private readonly fontNames = new Map<PDFFont, PDFName>();
  private current: { font?: PDFFont; size?: number; color?: string } = {};

  constructor(page: PDFPage) {
    this.page = page;
  }

  /** Draws runs of text on one baseline, each at its own `x`. */
  line(
    runs: readonly { font: PDFFont; text: string; x: number }[],
    placement: { y: number; size: number; color?: Color | undefined },
  ): void {
    if (runs.length === 0) return;
    this.operators.push(beginText());
    this.setColor(placement.color ?? black);
    for (const run of runs) {
      this.setFont(run.font, placement.size);
      this.operators.push(
        setTextMatrix(1, 0, 0, 1, run.x, placement.y),
        showText(run.font.encodeText(run.text)),
      );
    }
    this.operators.push(endText());
  }

  /** Adds the page's content stream; call once, after the last line. */
  finish(pdf: PDFDocument): void {
    if (this.operators.length === 0) return;
    const contents = PDFContentStream.of(pdf.context.obj({}), this.operators, false).getContents();
    const stream = pdf.context.stream(deflateSync(contents), { Filter: "FlateDecode" });
    this.page.node.addContentStream(pdf.context.register(stream));
  }

  private setFont(font: PDFFont, size: number) {
    if (this.current.font === font && this.current.size === size) return;
    let name = this.fontNames.get(font);
    if (!name) {
      name = this.page.node.newFontDictionary(font.name, font.ref);
      this.fontNames.set(font, name);
    }
    this.operators.push(setFontAndSize(name, size));
    this.current.font = font;
    this.current.size = size;
  }

  private setColor(color: Color) {
    const key = JSON.stringify(color);
    if (this.current.color === key) return;
    this.operators.push(setFillingColor(color));
    this.current.color = key;
  }
}

const black = rgb(0, 0, 0);
