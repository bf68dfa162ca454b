import { parentPort } from "node:worker_threads";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import {
  type ConversationExport,
  renderConversationMarkdown,
  renderConversationPdf,
} from "#server/modules/conversations/conversation-exports.ts";
import { renderPlanPdf } from "./growth-plan-pdf.ts";
import { renderGoalsCsv, renderPlanMarkdown } from "./growth-plans.exports.ts";

/**
 * The exports that cost CPU in proportion to what members wrote, rendered off the event loop:
 * growth plans, and career conversations (one pool of export workers for both).
 */
export type RenderJob =
  | { format: "pdf" | "md" | "csv"; view: PlanView; exportedAt: string }
  | {
      format: "conversation-pdf" | "conversation-md";
      conversation: ConversationExport;
      exportedAt: string;
    };
export type RenderResult = string | Uint8Array;

async function render(job: RenderJob): Promise<RenderResult> {
  switch (job.format) {
    case "pdf":
      return renderPlanPdf(job.view, job.exportedAt);
    case "md":
      return renderPlanMarkdown(job.view, job.exportedAt);
    case "csv":
      return renderGoalsCsv(job.view);
    case "conversation-pdf":
      return renderConversationPdf(job.conversation, job.exportedAt);
    case "conversation-md":
      return renderConversationMarkdown(job.conversation, job.exportedAt);
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
