import { parentPort } from "node:worker_threads";
import { importHandbookPathway } from "#core/pathway/handbook-import.ts";
import type { PathwayImportPreview } from "#core/pathway/pathway.schemas.ts";

/** Reading a handbook page costs CPU in proportion to its size: done off the event loop. */
export type ImportJob = { markdown: string; baseUrl: string };

parentPort?.on("message", ({ id, job }: { id: number; job: ImportJob }) => {
  try {
    const result: PathwayImportPreview = importHandbookPathway(job.markdown, {
      baseUrl: job.baseUrl,
    });
    parentPort?.postMessage({ id, result });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
