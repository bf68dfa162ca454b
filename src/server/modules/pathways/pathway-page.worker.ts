import { parentPort } from "node:worker_threads";
import { exportHandbookPathway } from "#core/pathway/handbook-export.ts";
import { importHandbookPathway } from "#core/pathway/handbook-import.ts";
import type { PathwayImportPreview, PathwayTemplateDraft } from "#core/pathway/pathway.schemas.ts";

/**
 * Reading a handbook page, and writing one (every description is normalised again through the
 * Markdown parser), cost CPU in proportion to the page: done off the event loop.
 */
export type PageJob =
  | { kind: "import"; markdown: string; baseUrl: string }
  | { kind: "export"; draft: PathwayTemplateDraft; baseUrl: string };
export type PageResult = PathwayImportPreview | string;

function run(job: PageJob): PageResult {
  return job.kind === "import"
    ? importHandbookPathway(job.markdown, { baseUrl: job.baseUrl })
    : exportHandbookPathway(job.draft, { baseUrl: job.baseUrl });
}

parentPort?.on("message", ({ id, job }: { id: number; job: PageJob }) => {
  try {
    parentPort?.postMessage({ id, result: run(job) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
