import bidiJs, { type EmbeddingLevels } from "bidi-js";
import type { Color } from "pdf-lib";
import {
  type createDocumentFonts,
  type FontFace,
  type FontWeight,
  familiesOf,
  fontFace,
  widthInFace,
} from "./pdf-fonts.ts";
import type { PageText } from "./pdf-page-text.ts";

/**
 * Text laid out for a PDF page in time linear in its length: every word is measured once, a word
 * longer than the line is cut between graphemes by accumulated width, and CJK text may break
 * between any two characters (never before closing or after opening punctuation). Each line is
 * then put in visual order by the Unicode bidirectional algorithm (bidi-js), so Arabic and Hebrew
 * read right to left, and each run is shaped by fontkit (Arabic letters take their joined forms).
 */

export type TextStyle = { size: number; weight: FontWeight };

/** One paragraph of text (no line breaks inside) and where its lines end. */
export type LaidOutParagraph = {
  text: string;
  levels: EmbeddingLevels;
  families: Uint8Array;
  /** A paragraph whose first strong character is right-to-left is set flush right. */
  rightToLeft: boolean;
  /** Offsets into `text`, in logical order: [start, end). */
  lines: { start: number; end: number }[];
};

/** A piece of one line in one face, in the order it is drawn from left to right. */
export type VisualRun = { text: string; face: FontFace; width: number };

// bidi-js is CommonJS whose module.exports is the factory; its types describe an ES default export.
const bidi = (bidiJs as unknown as typeof bidiJs.default)();
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

const cjk =
  "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303f\\u30fb\\u30fc\\uff00-\\uffef";
const opening = "「『（［｛〈《【〔“‘";
const closing =
  "、。，．・：；！？）」』］｝〉》】〕ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ”’";
/** A space, one CJK character with the punctuation that must stay with it, or any other word. */
const tokenPattern = new RegExp(`\\s+|[${opening}]*[${cjk}][${closing}]*|[^\\s${cjk}]+`, "gu");

/** Width of text that may mix families, each run measured in its own face. */
export function measureText(text: string, style: TextStyle): number {
  const families = familiesOf(text);
  let width = 0;
  let runStart = 0;
  for (let index = 1; index <= text.length; index += 1) {
    if (index < text.length && families[index] === families[runStart]) continue;
    const face = fontFace(families[runStart] ?? 0, style.weight);
    width += widthInFace(face, text.slice(runStart, index), style.size);
    runStart = index;
  }
  return width;
}

/**
 * Widths of the words measured lately, per style: what members write repeats its words, and a
 * word's width (its families, then a layout per run) is most of the time spent laying out text.
 */
const wordWidths = new Map<string, Map<string, number>>();
const wordWidthsKept = 20_000;

function wordWidth(token: string, style: TextStyle): number {
  const styleKey = `${style.size} ${style.weight}`;
  let widths = wordWidths.get(styleKey);
  if (!widths) {
    widths = new Map();
    wordWidths.set(styleKey, widths);
  }
  let width = widths.get(token);
  if (width === undefined) {
    width = measureText(token, style);
    if (widths.size >= wordWidthsKept) widths.clear();
    // A long unbroken word is cut by its graphemes and rarely seen twice: not kept.
    if (token.length <= 200) widths.set(token, width);
  }
  return width;
}

function wrapLines(text: string, style: TextStyle, maxWidth: number) {
  const lines: { start: number; end: number }[] = [];
  const graphemeWidths = new Map<string, number>();
  const graphemeWidth = (grapheme: string) => {
    let width = graphemeWidths.get(grapheme);
    if (width === undefined) {
      width = measureText(grapheme, style);
      graphemeWidths.set(grapheme, width);
    }
    return width;
  };
  const spaceWidth = measureText(" ", style);
  let lineStart = -1;
  let lineEnd = 0;
  let lineWidth = 0;
  let spaceBefore = false;
  for (const match of text.matchAll(tokenPattern)) {
    const token = match[0];
    const at = match.index;
    if (token.trim() === "") {
      spaceBefore = lineStart !== -1;
      continue;
    }
    const width = wordWidth(token, style);
    const gap = spaceBefore ? spaceWidth : 0;
    spaceBefore = false;
    if (lineStart !== -1 && lineWidth + gap + width <= maxWidth) {
      lineEnd = at + token.length;
      lineWidth += gap + width;
      continue;
    }
    if (lineStart !== -1) lines.push({ start: lineStart, end: lineEnd });
    lineStart = at;
    lineEnd = at + token.length;
    lineWidth = width;
    if (width <= maxWidth) continue;
    // Longer than a line: cut between graphemes where the accumulated width runs out.
    lineWidth = 0;
    for (const { segment, index } of graphemes.segment(token)) {
      const segmentWidth = graphemeWidth(segment);
      if (lineWidth > 0 && lineWidth + segmentWidth > maxWidth) {
        lines.push({ start: lineStart, end: at + index });
        lineStart = at + index;
        lineWidth = 0;
      }
      lineWidth += segmentWidth;
    }
  }
  lines.push(lineStart === -1 ? { start: 0, end: 0 } : { start: lineStart, end: lineEnd });
  return lines;
}

/** Splits text at its line breaks and wraps each paragraph to `maxWidth`. */
export function layoutParagraphs(
  text: string,
  style: TextStyle,
  maxWidth: number,
): LaidOutParagraph[] {
  return text.split(/\r\n|[\n\r\u2028\u2029]/).map((raw) => {
    const paragraph = raw.normalize("NFC").replace(/\s+/g, " ");
    const levels = bidi.getEmbeddingLevels(paragraph, "auto");
    return {
      text: paragraph,
      levels,
      families: familiesOf(paragraph),
      rightToLeft: ((levels.paragraphs[0]?.level ?? 0) & 1) === 1,
      lines: wrapLines(paragraph, style, maxWidth),
    };
  });
}

const scriptCharacter = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const rightToLeftScript =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Whether fontkit, which takes the direction from the first character of a script, reverses. */
const firstScriptIsRightToLeft = (text: string) =>
  rightToLeftScript.test(text.match(scriptCharacter)?.[0] ?? "");

const reverseGraphemes = (text: string) =>
  Array.from(graphemes.segment(text), ({ segment }) => segment)
    .reverse()
    .join("");

/** The indices of text[start, end) in visual order (bidi-js's own version fills the whole text). */
function visualOrder({ text, levels }: LaidOutParagraph, start: number, end: number): number[] {
  const order = Array.from({ length: end - start }, (_, offset) => start + offset);
  for (const [first, last] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    const from = (first as number) - start;
    const to = (last as number) - start;
    const reversed = order.slice(from, to + 1).reverse();
    order.splice(from, reversed.length, ...reversed);
  }
  return order;
}

/**
 * The runs of one line from left to right. A run is one face at one bidi level; right-to-left
 * runs of a shaped face are handed to fontkit in logical order (it shapes, then reverses them
 * itself); every other run that must read right to left is reversed here.
 */
export function visualRuns(
  paragraph: LaidOutParagraph,
  line: { start: number; end: number },
  style: TextStyle,
): VisualRun[] {
  const { text, levels, families } = paragraph;
  let start = line.start;
  let end = line.end;
  while (start < end && text[start] === " ") start += 1;
  while (end > start && text[end - 1] === " ") end -= 1;
  if (end <= start) return [];
  const order = visualOrder(paragraph, start, end);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
  const runs: VisualRun[] = [];
  let runFirst = 0;
  for (let position = 1; position <= order.length; position += 1) {
    const first = order[runFirst] as number;
    const previous = order[position - 1] as number;
    const current = order[position];
    const rightToLeft = ((levels.levels[first] ?? 0) & 1) === 1;
    if (
      current !== undefined &&
      levels.levels[current] === levels.levels[first] &&
      families[current] === families[first] &&
      current === previous + (rightToLeft ? -1 : 1)
    )
      continue;
    const low = Math.min(first, previous);
    const high = Math.max(first, previous);
    let logical = "";
    for (let index = low; index <= high; index += 1) logical += mirrored.get(index) ?? text[index];
    const face = fontFace(families[first] ?? 0, style.weight);
    const shapedRightToLeft = face.shaped && firstScriptIsRightToLeft(logical);
    runs.push({
      text: shapedRightToLeft === rightToLeft ? logical : reverseGraphemes(logical),
      face,
      width: widthInFace(face, logical, style.size),
    });
    runFirst = position;
  }
  return runs;
}

/** Draws one line of a paragraph with its left edge at `x`, or its right edge at `x + width`. */
export async function drawLine(
  page: PageText,
  fonts: ReturnType<typeof createDocumentFonts>,
  paragraph: LaidOutParagraph,
  line: { start: number; end: number },
  placement: { x: number; y: number; width: number; style: TextStyle; color?: Color },
): Promise<void> {
  const { style } = placement;
  const runs = visualRuns(paragraph, line, style);
  const lineWidth = runs.reduce((sum, run) => sum + run.width, 0);
  let x = paragraph.rightToLeft ? placement.x + placement.width - lineWidth : placement.x;
  const placed = [];
  for (const run of runs) {
    placed.push({ font: await fonts.embed(run.face), text: run.text, x });
    x += run.width;
  }
  page.line(placed, { y: placement.y, size: style.size, color: placement.color });
}
