import { parentPort } from "node:worker_threads";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import {
  type ConversationExport,
  renderConversationMarkdown,
  renderConversationPdf,
} from "#server/modules/conversations/conversation-exports.ts";
import {
  type ArchiveJob,
  type ArchiveResult,
  buildArchive,
} from "#server/modules/personal-data/personal-data-archive.ts";
import { renderPlanPdf } from "./growth-plan-pdf.ts";
import { renderGoalsCsv, renderPlanMarkdown } from "./growth-plans.exports.ts";

/**
 * The exports that cost CPU in proportion to what members wrote, rendered off the event loop:
 * growth plans, career conversations and personal data archives (one pool of export workers).
 */
export type RenderJob =
  | { format: "pdf" | "md" | "csv"; view: PlanView; exportedAt: string }
  | {
      format: "conversation-pdf" | "conversation-md";
      conversation: ConversationExport;
      exportedAt: string;
    };
export type RenderResult = string | Uint8Array;
export type WorkerJob = RenderJob | ArchiveJob;
export type WorkerResult = RenderResult | ArchiveResult;

async function render(job: WorkerJob): Promise<WorkerResult> {
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
    case "personal-data-archive":
      return buildArchive(job);
  }
}

/** The bytes a result carries, moved to the server thread rather than copied. */
function bytesOf(result: WorkerResult): Uint8Array | null {
  if (typeof result === "string") return null;
  if (result instanceof Uint8Array) return result;
  return "archive" in result ? result.archive : null;
}

parentPort?.on("message", async ({ id, job }: { id: number; job: WorkerJob }) => {
  try {
    const result = await render(job);
    const bytes = bytesOf(result);
    const transfer = bytes ? [bytes.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ id, result }, transfer);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
