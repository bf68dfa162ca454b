import { describe, expect, it } from "vitest";
import { layoutParagraphs, measureText, visualRuns } from "./pdf-text.ts";

const style = { size: 10, weight: "regular" as const };
const lineTexts = (text: string, width: number) =>
  layoutParagraphs(text, style, width).flatMap((paragraph) =>
    paragraph.lines.map((line) => paragraph.text.slice(line.start, line.end)),
  );

describe("layoutParagraphs", () => {
  it("breaks words at spaces and keeps every line within the width", () => {
    const lines = lineTexts("Grow into a staff engineer by writing and mentoring", 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Grow into a staff engineer by writing and mentoring");
    for (const line of lines) expect(measureText(line, style)).toBeLessThanOrEqual(100);
  });

  it("cuts a word longer than the line into pieces that each fit", () => {
    const word = "x".repeat(4_000);
    const lines = lineTexts(word, 200);
    expect(lines.join("")).toBe(word);
    for (const line of lines) expect(measureText(line, style)).toBeLessThanOrEqual(200);
    expect(measureText(lines[0] ?? "", style)).toBeGreaterThan(190);
  });

  it("breaks Japanese between characters, never before closing punctuation", () => {
    const paragraph = "毎週の振り返りを続けます。".repeat(40);
    const lines = lineTexts(paragraph, 150);
    expect(lines.join("")).toBe(paragraph);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line.startsWith("。")).toBe(false);
      expect(measureText(line, style)).toBeLessThanOrEqual(150);
    }
  });

  it("keeps each line break of the text as a paragraph", () => {
    expect(lineTexts("one\ntwo\r\n\nthree", 400)).toEqual(["one", "two", "", "three"]);
  });
});

describe("visualRuns", () => {
  const runsOf = (text: string) => {
    const [paragraph] = layoutParagraphs(text, style, 400);
    if (!paragraph) throw new Error("no paragraph");
    return {
      paragraph,
      runs: visualRuns(paragraph, paragraph.lines[0] ?? { start: 0, end: 0 }, style),
    };
  };

  it("puts Hebrew inside Latin text in right-to-left order", () => {
    const { paragraph, runs } = runsOf("Plan: שלום עולם today");
    expect(paragraph.rightToLeft).toBe(false);
    expect(runs.map((run) => run.text).join("")).toBe("Plan: םלוע םולש today");
  });

  it("sets a right-to-left paragraph flush right, numbers still left to right", () => {
    const { paragraph, runs } = runsOf("שלום 2026");
    expect(paragraph.rightToLeft).toBe(true);
    expect(runs.map((run) => run.text).join("")).toBe("2026 םולש");
  });

  it("hands Arabic to the shaper in logical order, so letters take their joined forms", () => {
    const word = "مهارات";
    const { runs } = runsOf(word);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    if (!run) throw new Error("no run");
    expect(run.face.shaped).toBe(true);
    expect(run.text).toBe(word);
    const shaped = run.face.font.layout(run.text).glyphs.map((glyph) => glyph.id);
    const isolated = Array.from(
      word,
      (letter) => run.face.font.glyphForCodePoint(letter.codePointAt(0) ?? 0).id,
    ).reverse();
    expect(shaped).toHaveLength(isolated.length);
    expect(shaped).not.toEqual(isolated);
  });

  it("draws a script no font has in the missing-glyph box, keeping the text around it", () => {
    const { runs } = runsOf("ሰላም team");
    expect(runs.map((run) => run.text).join("")).toBe("ሰላም team");
    const [devanagari] = runs;
    if (!devanagari) throw new Error("no run");
    const glyphs = devanagari.face.font.layout(devanagari.text).glyphs;
    expect(glyphs.some((glyph) => glyph.id === 0)).toBe(true);
  });

  it("shapes Devanagari, whose vowel signs need it", () => {
    const { runs } = runsOf("नमस्ते");
    const [run] = runs;
    if (!run) throw new Error("no run");
    const shaped = run.face.font.layout(run.text).glyphs.map((glyph) => glyph.id);
    const mapped = Array.from(
      run.text,
      (letter) => run.face.font.glyphForCodePoint(letter.codePointAt(0) ?? 0).id,
    );
    expect(shaped).not.toContain(0);
    expect(shaped).not.toEqual(mapped);
  });

  it("draws emoji from the emoji font instead of dropping them", () => {
    const { runs } = runsOf("Ship it 🚀");
    expect(runs.map((run) => run.text)).toEqual(["Ship it ", "🚀"]);
    expect(runs[1]?.face.key).toBe("NotoEmoji-regular");
  });
});
