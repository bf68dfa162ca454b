import { parentPort } from "node:worker_threads";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { warmUpPdf } from "#server/shared/pdf/pdf-warm-up.ts";
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

type Message = { id: number; job: RenderJob } | { warm: true; id?: undefined };

parentPort?.on("message", async (message: Message) => {
  // Before the first export, so that one does not wait for the fonts or for compilation.
  // A warm-up that fails only leaves the first export to load what it needs.
  if ("warm" in message) return warmUpPdf().catch(() => undefined);
  const { id, job } = message;
  try {
    const result = await render(job);
    const transfer = typeof result === "string" ? [] : [result.buffer as ArrayBuffer];
    parentPort?.postMessage({ id, result }, transfer);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
