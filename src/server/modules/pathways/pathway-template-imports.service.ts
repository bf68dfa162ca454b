import { type PathwayImportPreview, pathwayLimits } from "#core/pathway/pathway.schemas.ts";
import type { PathwayImportBody, PathwayImportSaved } from "#core/pathway/pathway-api.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { createWorkerPool, runForRequest } from "#server/shared/worker-pool.ts";
import { assertCanManagePathways } from "./pathway.policy.ts";
import { templateDraftOf } from "./pathway.presenters.ts";
import { listTemplateNames } from "./pathway.queries.ts";
import type { PageJob, PageResult } from "./pathway-page.worker.ts";
import { loadTemplateDetail, saveNewTemplate } from "./pathway-templates.service.ts";

// ── Import and export ──────────────────────────────────────────────────────────────────────────

/** Pages are read and written in a worker thread, so a large page delays no other request. */
export const pageWorkers = createWorkerPool<PageJob, PageResult>(
  new URL("./pathway-page.worker.ts", import.meta.url),
  { size: 1, maxQueued: 8, maxHeapMb: 512, idleMs: 60_000 },
);

function runPageJob(ctx: AppContext, job: PageJob): Promise<PageResult> {
  const seconds = ctx.config.exportTimeBudgetMs / 1000;
  return runForRequest(pageWorkers, job, ctx.config.exportTimeBudgetMs, {
    overBudget: `The page took longer than ${seconds} seconds and was stopped. Try a smaller one.`,
    busy: "Too many pathway pages are being imported or exported. Try again in a minute.",
  });
}

/** The name itself when no template has it, else the first free "<name> (n)". */
export function distinctName(name: string, taken: readonly string[]): string {
  const names = new Set(taken.map((existing) => existing.trim().toLowerCase()));
  if (!names.has(name.trim().toLowerCase())) return name;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, pathwayLimits.name - suffix.length).trimEnd()}${suffix}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/** The page as it will be saved: under a name no other template has. */
export async function previewPathwayImport(
  ctx: AppContext,
  actor: Actor,
  body: PathwayImportBody,
): Promise<PathwayImportPreview> {
  assertCanManagePathways(actor);
  const baseUrl = body.baseUrl ?? ctx.config.handbookBaseUrl;
  const preview = (await runPageJob(ctx, {
    kind: "import",
    markdown: body.markdown,
    baseUrl,
  })) as PathwayImportPreview;
  const name = distinctName(preview.template.name, await listTemplateNames(ctx.db));
  return { ...preview, template: { ...preview.template, name } };
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
  const markdown = (await runPageJob(ctx, {
    kind: "export",
    draft: templateDraftOf(detail),
    baseUrl: ctx.config.handbookBaseUrl,
  })) as string;
  const slug =
    detail.name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "pathway";
  return { filename: `${slug}.md`, markdown };
}
