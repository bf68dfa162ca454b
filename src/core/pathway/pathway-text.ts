// Text helpers that need no Markdown parser.

/** Markdown reduced to the words a reader sees, on one line. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/!?\[([^\]]*)\]\([^)\n]*\)/g, "$1")
      .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gm, "")
      .replace(/[*_~`]{2,}|[*`]/g, "")
      .replace(/\\([!-/:-@[-`{-~])/g, "$1")
      // Raw HTML is written as text by normalizeMarkdown; a reader sees the "<".
      .replace(/&lt;/g, "<")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** The text without control characters other than line breaks and tabs. */
export function stripControlCharacters(text: string): string {
  let result = "";
  let copyFrom = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const control =
      (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code < 0xa0);
    if (control) {
      result += text.slice(copyFrom, index);
      copyFrom = index + 1;
    }
  }
  return copyFrom === 0 ? text : result + text.slice(copyFrom);
}
