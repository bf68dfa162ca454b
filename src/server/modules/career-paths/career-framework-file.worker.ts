import { parentPort } from "node:worker_threads";
import { emptyFramework, type FrameworkContent } from "#core/career/framework.schemas.ts";
import type { ImportFormat, ImportResult } from "#core/career/frameworks.schemas.ts";
import { diffFrameworks } from "./career-framework-diff.ts";
import {
  type FrameworkFile,
  readFrameworkFile,
  writeFrameworkFile,
} from "./career-framework-interchange.ts";

/**
 * Reading a framework file and comparing it with the draft it would replace, and writing one,
 * cost CPU in proportion to the file (a 20,000-row CSV): done off the event loop.
 */
export type FrameworkFileJob =
  | { kind: "read"; format: ImportFormat; text: string; existing: FrameworkContent | null }
  | { kind: "write"; format: ImportFormat; content: FrameworkContent; now: string };
export type ReadOutcome = Omit<ImportResult, "frameworkId" | "counts">;
export type FrameworkFileResult = ReadOutcome | FrameworkFile;

/** The file's framework, its warnings, and what it changes in `existing` (or a new framework). */
export function planFrameworkImport(
  format: ImportFormat,
  text: string,
  existing: FrameworkContent | null,
): ReadOutcome {
  const { content, warnings } = readFrameworkFile(format, text, existing);
  const changes = diffFrameworks(existing ?? emptyFramework(content.name), content).map(
    ({ area, kind, key, label }) => ({ area, kind, key, label }),
  );
  return { content, warnings, changes };
}

function run(job: FrameworkFileJob): FrameworkFileResult {
  return job.kind === "read"
    ? planFrameworkImport(job.format, job.text, job.existing)
    : writeFrameworkFile(job.format, job.content, { now: job.now });
}

parentPort?.on("message", ({ id, job }: { id: number; job: FrameworkFileJob }) => {
  try {
    parentPort?.postMessage({ id, result: run(job) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
