import { z } from "zod";
import { PersonId } from "./people.schemas.ts";

/** The personal data export (docs/api/personal-data.md). */

export const PersonalDataExportParams = z.strictObject({ personId: PersonId });
export type PersonalDataExportParams = z.infer<typeof PersonalDataExportParams>;

/** The archive is built in memory: past this many bytes (uncompressed) it is refused. */
export const personalDataExportMaxBytes = 32 * 1024 * 1024;
