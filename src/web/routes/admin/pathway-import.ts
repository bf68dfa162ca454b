import { z } from "zod";
import { PathwayImportBody } from "#core/pathway/pathway.schemas.ts";

/** The import form's rules are the API's; an empty base URL lets the server use its own. */
export const importFormSchema = z
  .strictObject({ markdown: z.string(), baseUrl: z.string() })
  .transform(({ markdown, baseUrl }) => {
    const trimmed = baseUrl.trim();
    return { markdown, ...(trimmed ? { baseUrl: trimmed } : {}) };
  })
  .pipe(PathwayImportBody);
