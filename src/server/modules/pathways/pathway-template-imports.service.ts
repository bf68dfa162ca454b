import { exportHandbookPathway } from "#core/pathway/handbook-export.ts";
import type { PathwayImportPreview } from "#core/pathway/pathway.schemas.ts";
import type { PathwayImportBody, PathwayImportSaved } from "#core/pathway/pathway-api.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { createWorkerPool, runForRequest } from "#server/shared/worker-pool.ts";
import { assertCanManagePathways } from "./pathway.policy.ts";
import { templateDraftOf } from "./pathway.presenters.ts";
import type { ImportJob } from "./pathway-import.worker.ts";
import { loadTemplateDetail, saveNewTemplate } from "./pathway-templates.service.ts";

// ── Import and export ──────────────────────────────────────────────────────────────────────────

/** Pages are read in a worker thread, so a large page delays no other request. */
export const importWorkers = createWorkerPool<ImportJob, PathwayImportPreview>(
  new URL("./pathway-import.worker.ts", import.meta.url),
  { size: 1, maxQueued: 8, maxHeapMb: 512, idleMs: 60_000 },
);

export function previewPathwayImport(
  ctx: AppContext,
  actor: Actor,
  body: PathwayImportBody,
): Promise<PathwayImportPreview> {
  assertCanManagePathways(actor);
  const job = { markdown: body.markdown, baseUrl: body.baseUrl ?? ctx.config.handbookBaseUrl };
  return runForRequest(importWorkers, job, ctx.config.exportTimeBudgetMs, {
    overBudget: `Reading the page took longer than ${ctx.config.exportTimeBudgetMs / 1000} seconds and was stopped. Try a smaller page.`,
    busy: "Too many pages are being imported. Try again in a minute.",
  });
}

export async function savePathwayImport(
  ctx: AppContext,
  actor: Actor,
  body: PathwayImportBody,
  meta: RequestMeta,
): Promise<PathwayImportSaved> {
  const { template: draft, warnings } = await previewPathwayImport(ctx, actor, body);
  const template = await saveNewTemplate(ctx, actor, meta, draft, "pathway_template.imported", {
    warnings: warnings.length,
  });
  return { template, warnings };
}

export async function exportPathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
): Promise<{ filename: string; markdown: string }> {
  assertCanManagePathways(actor);
  const detail = await loadTemplateDetail(ctx.db, templateId);
  const markdown = exportHandbookPathway(templateDraftOf(detail), {
    baseUrl: ctx.config.handbookBaseUrl,
  });
  const slug =
    detail.name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "pathway";
  return { filename: `${slug}.md`, markdown };
}
