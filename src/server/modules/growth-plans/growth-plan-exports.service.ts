import { availableParallelism } from "node:os";
import type { ExportFormat } from "#core/growth-plan/adoption.schemas.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Download } from "#server/http/download.ts";
import type {
  ArchiveJob,
  ArchiveResult,
} from "#server/modules/personal-data/personal-data-archive.ts";
import { createWorkerPool, runForRequest } from "#server/shared/worker-pool.ts";
import { listEnergyEntries } from "./growth-plan-energy.queries.ts";
import type {
  RenderJob,
  RenderResult,
  WorkerJob,
  WorkerResult,
} from "./growth-plan-export.worker.ts";
import { loadReadablePlan } from "./growth-plans.access.ts";
import { renderPlanJson } from "./growth-plans.exports.ts";
import { presentEnergyEntry } from "./growth-plans.presenters.ts";
import { buildPlanView } from "./growth-plans.service.ts";

const contentTypes: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  pdf: "application/pdf",
};

/**
 * PDF, Markdown and CSV exports and personal data archives are rendered here, one core left to
 * the event loop.
 */
export const exportWorkers = createWorkerPool<WorkerJob, WorkerResult>(
  new URL("./growth-plan-export.worker.ts", import.meta.url),
  {
    size: Math.max(1, Math.min(2, availableParallelism() - 1)),
    maxQueued: 16,
    maxHeapMb: 512,
    idleMs: 60_000,
  },
);

/** Runs an export job in the pool under the export time budget; 503 when over it or busy. */
function runExportJob(ctx: AppContext, job: WorkerJob, instead: string): Promise<WorkerResult> {
  return runForRequest(exportWorkers, job, ctx.config.exportTimeBudgetMs, {
    overBudget: `The export took longer than ${ctx.config.exportTimeBudgetMs / 1000} seconds and was stopped. ${instead}`,
    busy: "Too many exports are being made. Try again in a minute.",
  });
}

/** Renders a plan or conversation export in the pool. `instead` suggests what else to try. */
export async function renderExportInWorker(
  ctx: AppContext,
  job: RenderJob,
  instead = "Try again later, or export as CSV or JSON.",
): Promise<RenderResult> {
  const result = await runExportJob(ctx, job, instead);
  if (typeof result === "string" || result instanceof Uint8Array) return result;
  throw new Error(`The export worker answered a ${job.format} job with an archive`);
}

/** Renders and compresses a personal data archive in the pool. */
export async function buildArchiveInWorker(
  ctx: AppContext,
  job: ArchiveJob,
): Promise<ArchiveResult> {
  const result = await runExportJob(ctx, job, "Try again later.");
  if (typeof result === "object" && !(result instanceof Uint8Array)) return result;
  throw new Error("The export worker answered an archive job with a file");
}

/** Built from the same view as the JSON read: a reader's export holds only what they may read. */
export async function exportPlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  format: ExportFormat,
): Promise<Download> {
  const view = await buildPlanView(ctx, actor, await loadReadablePlan(ctx, actor, planId));
  const exportedAt = ctx.clock.now().toISOString();
  const fileName = `${view.plan.title} - growth plan ${exportedAt.slice(0, 10)}.${format}`;
  const contentType = contentTypes[format];
  switch (format) {
    case "md":
    case "pdf":
    case "csv":
      return {
        body: await renderExportInWorker(ctx, { format, view, exportedAt }),
        contentType,
        fileName,
      };
    case "json": {
      const entries = view.energy
        ? await listEnergyEntries(ctx.db, planId, {
            since: undefined,
            before: undefined,
            limit: growthPlanLimits.energyEntriesPerPlan,
          })
        : null;
      return {
        body: renderPlanJson(view, entries ? entries.map(presentEnergyEntry) : null),
        contentType,
        fileName,
      };
    }
  }
}
