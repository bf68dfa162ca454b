import { z } from "zod";
import { PathwayAudienceNote, PathwayItemKind, PathwayItemTitle } from "./pathway.schemas.ts";

/**
 * Item fields that differ from what the importer would infer travel in an HTML comment on the
 * item's last line, invisible when the page is rendered: `<!-- trellis: {"kind":"course"} -->`.
 */
export const itemSettingsLine = /^<!--\s*trellis:(.*)-->$/s;

export const PathwayItemSettings = z.object({
  title: PathwayItemTitle.optional(),
  kind: PathwayItemKind.optional(),
  audienceNote: PathwayAudienceNote.optional(),
});
export type PathwayItemSettings = z.infer<typeof PathwayItemSettings>;

export function formatItemSettings(settings: PathwayItemSettings): string {
  // Escaping < and > keeps "-->" out of the comment whatever the title says.
  const json = JSON.stringify(settings)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<!-- trellis: ${json} -->`;
}

export function isItemSettingsLine(text: string): boolean {
  return itemSettingsLine.test(text.trim());
}

const yamlWords = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

/** A front matter value: plain when YAML reads it back unchanged, else double-quoted. */
export function formatYamlScalar(value: string): string {
  const plain =
    /^[A-Za-z][A-Za-z0-9 ,.()&'’/+-]*$/.test(value) && !/\s$/.test(value) && !yamlWords.test(value);
  // Escaped so that a renderer that shows the front matter as text finds no HTML or link in it.
  return plain ? value : JSON.stringify(value).replace(/[<>[\]]/g, unicodeEscape);
}

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Reads the scalar forms handbook front matter uses: plain, "double" and 'single' quoted. */
export function readYamlScalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === "string") return parsed;
    } catch {
      // YAML has escapes JSON lacks; fall back to the text between the quotes.
    }
    const close = value.lastIndexOf('"');
    return (close > 0 ? value.slice(1, close) : value.slice(1)).replace(/\\"/g, '"');
  }
  if (value.startsWith("'")) {
    const inner = value.length > 1 && value.endsWith("'") ? value.slice(1, -1) : value.slice(1);
    return inner.replace(/''/g, "'");
  }
  const plain = value.replace(/\s+#.*$/s, "").trim();
  return plain === "~" || plain.toLowerCase() === "null" ? "" : plain;
}
