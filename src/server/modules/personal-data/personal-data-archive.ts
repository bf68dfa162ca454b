import { strToU8, type Zippable, zipSync } from "fflate";
import { renderArchiveFiles } from "./personal-data.exports.ts";
import type { PersonalData } from "./personal-data.sections.ts";

/**
 * The zip archive of a personal data export, rendered and compressed in an export worker: a
 * person with a lot of writing makes megabytes of Markdown, CSV and JSON, which would otherwise
 * hold the event loop for everyone while it is deflated.
 */

export type ArchiveMeta = Parameters<typeof renderArchiveFiles>[1];

export type ArchiveJob = {
  format: "personal-data-archive";
  data: PersonalData;
  meta: ArchiveMeta;
  maxBytes: number;
};

export type ArchiveResult =
  | { archive: Uint8Array; files: number; bytes: number }
  /** The files together are over `maxBytes`: no archive is made. */
  | { tooLarge: true };

export function buildArchive(job: ArchiveJob): ArchiveResult {
  const files = renderArchiveFiles(job.data, job.meta);
  const zippable: Zippable = {};
  let bytes = 0;
  for (const file of files) {
    const content = strToU8(file.text);
    bytes += content.length;
    if (bytes > job.maxBytes) return { tooLarge: true };
    zippable[file.path] = content;
  }
  const archive = zipSync(zippable, { level: 6, mtime: new Date(job.meta.exportedAt) });
  return { archive, files: files.length, bytes };
}
