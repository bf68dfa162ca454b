import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { create, type Font, type Subset } from "fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/**
 * The Noto fonts (SIL Open Font License 1.1, shipped as TTF files in npm packages)
 * that PDFs are written in. A character is drawn in the first family that has a glyph for it, so
 * Latin, Cyrillic and Greek come from Noto Sans and the other scripts from their own family
 * (Han characters from Noto Sans JP first, then SC for those only simplified Chinese uses);
 * emoji come in outline from Noto Emoji. A character no family has prints as the font's
 * missing-glyph box, never as another character.
 */
export type FontWeight = "regular" | "bold";

/** `shaped`: drawn through fontkit's OpenType shaping (joining forms, emoji sequences). */
type Family = {
  name: string;
  packageName: string;
  regular: string;
  bold: string;
  shaped: boolean;
};

const families: readonly Family[] = [
  {
    name: "NotoSans",
    packageName: "@expo-google-fonts/noto-sans",
    regular: "400Regular/NotoSans_400Regular.ttf",
    bold: "700Bold/NotoSans_700Bold.ttf",
    shaped: false,
  },
  {
    name: "NotoSansHebrew",
    packageName: "@expo-google-fonts/noto-sans-hebrew",
    regular: "400Regular/NotoSansHebrew_400Regular.ttf",
    bold: "700Bold/NotoSansHebrew_700Bold.ttf",
    shaped: false,
  },
  {
    // Noto Sans Arabic draws letters as dotless forms plus dots, which fontkit maps back to the
    // wrong letters, so text copied from the PDF would change; Naskh has a glyph per letter form.
    name: "NotoNaskhArabic",
    packageName: "@embedpdf/fonts-arabic",
    regular: "fonts/NotoNaskhArabic-Regular.ttf",
    bold: "fonts/NotoNaskhArabic-Bold.ttf",
    shaped: true,
  },
  {
    name: "NotoSansJP",
    packageName: "@expo-google-fonts/noto-sans-jp",
    regular: "400Regular/NotoSansJP_400Regular.ttf",
    bold: "700Bold/NotoSansJP_700Bold.ttf",
    shaped: false,
  },
  {
    // Han characters of simplified Chinese that Japanese does not use (们, 这, 发…).
    name: "NotoSansSC",
    packageName: "@expo-google-fonts/noto-sans-sc",
    regular: "400Regular/NotoSansSC_400Regular.ttf",
    bold: "700Bold/NotoSansSC_700Bold.ttf",
    shaped: false,
  },
  {
    name: "NotoSansKR",
    packageName: "@expo-google-fonts/noto-sans-kr",
    regular: "400Regular/NotoSansKR_400Regular.ttf",
    bold: "700Bold/NotoSansKR_700Bold.ttf",
    shaped: false,
  },
  {
    name: "NotoEmoji",
    packageName: "@expo-google-fonts/noto-emoji",
    regular: "400Regular/NotoEmoji_400Regular.ttf",
    bold: "700Bold/NotoEmoji_700Bold.ttf",
    shaped: true,
  },
];

const require = createRequire(import.meta.url);

/** The folder a package is installed in (its "exports" may hide the font files from require). */
function packageRoot(packageName: string): string {
  let folder = path.dirname(require.resolve(packageName));
  while (!existsSync(path.join(folder, "package.json"))) folder = path.dirname(folder);
  return folder;
}

/** One font file: its bytes and the fontkit font parsed from them, read once per thread. */
export type FontFace = { key: string; bytes: Uint8Array; font: Font; shaped: boolean };

/** Joiners, variation selectors and other characters that are never drawn on their own. */
const ignorable = /\p{Default_Ignorable_Code_Point}/u;

/**
 * fontkit's shaping costs tens of microseconds a glyph, and pdf-lib draws no GPOS positions, so
 * the scripts that need no shaping to be read (Latin, Cyrillic, Greek, Hebrew, CJK) are laid out
 * one glyph per character from the font's character map, in the order given. Text with combining
 * marks or in an Indic script (Noto Sans has Devanagari) is still shaped.
 */
const needsShaping = /[\p{M}\p{Script=Devanagari}]/u;

function layOutByCharacterMap(font: Font): void {
  const shape = font.layout.bind(font);
  // The character map is read through lazy arrays on every lookup: a plan's export looks up the
  // same few thousand characters hundreds of thousands of times.
  const glyphOf = new Map<number, ReturnType<Font["glyphForCodePoint"]>>();
  const glyphForCodePoint = (codePoint: number) => {
    let glyph = glyphOf.get(codePoint);
    if (!glyph) {
      glyph = font.glyphForCodePoint(codePoint);
      glyphOf.set(codePoint, glyph);
    }
    return glyph;
  };
  const layout = (text: string, ...rest: unknown[]) => {
    if (needsShaping.test(text)) return shape(text, ...(rest as []));
    const glyphs = [];
    for (const character of text) {
      if (!ignorable.test(character)) glyphs.push(glyphForCodePoint(character.codePointAt(0) ?? 0));
    }
    return { glyphs, positions: [], direction: "ltr" as const };
  };
  Object.defineProperty(font, "layout", { value: layout });
}

// Keyed by the family object: face() is called for every run of text measured.
const faces = new Map<Family, Partial<Record<FontWeight, FontFace>>>();

function face(family: Family, weight: FontWeight): FontFace {
  let ofFamily = faces.get(family);
  if (!ofFamily) {
    ofFamily = {};
    faces.set(family, ofFamily);
  }
  let loaded = ofFamily[weight];
  if (!loaded) {
    const key = `${family.name}-${weight}`;
    const bytes = new Uint8Array(
      readFileSync(path.join(packageRoot(family.packageName), family[weight])),
    );
    const font = create(Buffer.from(bytes.buffer)) as Font;
    if (family.shaped) rememberLayouts(font);
    else layOutByCharacterMap(font);
    loaded = { key, bytes, font, shaped: family.shaped };
    ofFamily[weight] = loaded;
  }
  return loaded;
}

/** Characters that belong to whatever surrounds them: spaces, punctuation, digits, joiners, marks. */
const neutral = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
/** Joiners, variation selectors and combining marks always stay with the character before them. */
const attached = /^(?:\u200c|\u200d|[\ufe00-\ufe0f]|\p{M})$/u;

const familyIndexCache = new Map<number, number>();

/** The first family with a glyph for the code point, or 0 (Noto Sans and its missing-glyph box). */
function familyIndexOf(codePoint: number): number {
  let index = familyIndexCache.get(codePoint);
  if (index === undefined) {
    const found = families.findIndex((family) =>
      face(family, "regular").font.hasGlyphForCodePoint(codePoint),
    );
    index = found === -1 ? 0 : found;
    familyIndexCache.set(codePoint, index);
  }
  return index;
}

/**
 * The family of each UTF-16 unit of `text` (both units of a surrogate pair get the same one).
 * A neutral character keeps the family of the one before it when that family has it, so a space
 * or a comma inside Arabic or Japanese text does not split the run.
 */
export function familiesOf(text: string): Uint8Array {
  const result = new Uint8Array(text.length);
  let previous = -1;
  let unit = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    let index: number;
    if (previous !== -1 && attached.test(character)) index = previous;
    else if (
      previous !== -1 &&
      neutral.test(character) &&
      face(families[previous] as Family, "regular").font.hasGlyphForCodePoint(codePoint)
    )
      index = previous;
    else index = familyIndexOf(codePoint);
    result.fill(index, unit, unit + character.length);
    unit += character.length;
    previous = index;
  }
  return result;
}

export function fontFace(familyIndex: number, weight: FontWeight): FontFace {
  return face(families[familyIndex] ?? (families[0] as Family), weight);
}

/** The width of `text` in one face, as a PDF viewer advances it (pdf-lib draws advance widths). */
export function widthInFace(fontFaceToMeasure: FontFace, text: string, size: number): number {
  const { font } = fontFaceToMeasure;
  const run = font.layout(text);
  let units = 0;
  for (const glyph of run.glyphs) units += glyph.advanceWidth;
  return (units * size) / font.unitsPerEm;
}

/**
 * Shaping is the slow part of an Arabic export: each run is shaped to be measured and again when
 * pdf-lib draws it, and words repeat, so a face keeps its recent layouts.
 */
function rememberLayouts(font: Font): void {
  const layout = font.layout.bind(font);
  const remembered = new Map<string, ReturnType<Font["layout"]>>();
  const rememberedLayout = (text: string, ...rest: unknown[]) => {
    if (rest.some((argument) => argument !== undefined)) return layout(text, ...(rest as []));
    let run = remembered.get(text);
    if (!run) {
      if (remembered.size >= 4_000) remembered.clear();
      run = layout(text);
      remembered.set(text, run);
    }
    return run;
  };
  Object.defineProperty(font, "layout", { value: rememberedLayout });
}

/**
 * pdf-lib was written against an older fontkit whose subsets had a stream encoder (and wrote a
 * `loca` table that blanked glyphs at random); fontkit 2 encodes a subset in one call.
 */
function withEncodeStream(subset: Subset) {
  return Object.assign(subset, {
    encodeStream() {
      const listeners = new Map<string, (value?: unknown) => void>();
      const stream = {
        on(event: string, listener: (value?: unknown) => void) {
          listeners.set(event, listener);
          return stream;
        },
      };
      setImmediate(() => {
        try {
          listeners.get("data")?.(subset.encode());
          listeners.get("end")?.();
        } catch (error) {
          listeners.get("error")?.(error);
        }
      });
      return stream;
    },
  });
}

/**
 * The faces embedded into one document, each embedded (subset to the glyphs drawn) on first use.
 * pdf-lib is given the already parsed font, so a thread parses each file only once.
 */
export function createDocumentFonts(pdf: PDFDocument) {
  const embedded = new Map<string, Promise<PDFFont>>();
  const parsed = new Map<Uint8Array, Font>();
  const fontkit = {
    create(bytes: Uint8Array) {
      const font = parsed.get(bytes);
      if (!font) throw new Error("Only the faces of pdf-fonts.ts can be embedded.");
      // A wrapper per document: the subset it creates belongs to this document alone.
      return Object.create(font, {
        createSubset: { value: () => withEncodeStream(font.createSubset()) },
      });
    },
  };
  pdf.registerFontkit(fontkit as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  return {
    embed(faceToEmbed: FontFace): Promise<PDFFont> {
      let font = embedded.get(faceToEmbed.key);
      if (!font) {
        parsed.set(faceToEmbed.bytes, faceToEmbed.font);
        font = pdf.embedFont(faceToEmbed.bytes, { subset: true });
        embedded.set(faceToEmbed.key, font);
      }
      return font;
    },
  };
}
