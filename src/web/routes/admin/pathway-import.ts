import { PathwayImportBody } from "#core/pathway/pathway.schemas.ts";

/** The import body as the form holds it; an empty base URL lets the server use its own. */
export function importBody(markdown: string, baseUrl: string) {
  const trimmed = baseUrl.trim();
  return PathwayImportBody.safeParse({ markdown, ...(trimmed ? { baseUrl: trimmed } : {}) });
}
