import { z } from "zod";

/**
 * Schemas every area uses. A schema belongs here when more than one feature's routes or forms
 * need it; a feature's own schemas live in `src/core/<feature>.schemas.ts` (or a folder of
 * sub-resource files, as `src/core/growth-plan/`).
 */

/** Body of state-changing requests that carry no data: JSON is still required (CSRF). */
export const EmptyBody = z.strictObject({});
