import { parentPort } from "node:worker_threads";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { renderPlanPdf } from "./growth-plan-pdf.ts";
import { renderGoalsCsv, renderPlanMarkdown } from "./growth-plans.exports.ts";

/** The exports that cost CPU in proportion to what members wrote, rendered off the event loop. */
export type RenderJob = { format: "pdf" | "md" | "csv"; view: PlanView; exportedAt: string };
export type RenderResult = string | Uint8Array;

async function render({ format, view, exportedAt }: RenderJob): Promise<RenderResult> {
  switch (format) {
    case "pdf":
      return renderPlanPdf(view, exportedAt);
    case "md":
      return renderPlanMarkdown(view, exportedAt);
    case "csv":
      return renderGoalsCsv(view);
  }
}

parentPort?.on("message", async ({ id, job }: { id: number; job: RenderJob }) => {
  try {
    const result = await render(job);
    const transfer = typeof result === "string" ? [] : [result.buffer as ArrayBuffer];
    parentPort?.postMessage({ id, result }, transfer);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
