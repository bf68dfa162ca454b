import { exportHandbookPathway } from "#core/pathway/handbook-export.ts";
import { importHandbookPathway } from "#core/pathway/handbook-import.ts";
import type { PathwayImportPreview } from "#core/pathway/pathway.schemas.ts";
import type { PathwayImportBody, PathwayImportSaved } from "#core/pathway/pathway-api.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { assertCanManagePathways } from "./pathway.policy.ts";
import { templateDraftOf } from "./pathway.presenters.ts";
import { loadTemplateDetail, saveNewTemplate } from "./pathway-templates.service.ts";

// ── Import and export ──────────────────────────────────────────────────────────────────────────

export function previewPathwayImport(
  ctx: AppContext,
  actor: Actor,
  body: PathwayImportBody,
): PathwayImportPreview {
  assertCanManagePathways(actor);
  return importHandbookPathway(body.markdown, {
    baseUrl: body.baseUrl ?? ctx.config.handbookBaseUrl,
  });
}

export async function savePathwayImport(
  ctx: AppContext,
  actor: Actor,
  body: PathwayImportBody,
  meta: RequestMeta,
): Promise<PathwayImportSaved> {
  const { template: draft, warnings } = previewPathwayImport(ctx, actor, body);
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
