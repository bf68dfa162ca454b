import type { ExportFormat } from "#core/growth-plan/adoption.schemas.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { loadReadablePlan } from "./growth-plans.access.ts";
import {
  renderGoalsCsv,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanPdf,
} from "./growth-plans.exports.ts";
import { presentEnergyEntry } from "./growth-plans.presenters.ts";
import { listEnergyEntries } from "./growth-plans.queries.ts";
import { buildPlanView } from "./growth-plans.service.ts";

export type PlanExport = { body: string | Uint8Array; contentType: string; fileName: string };

const contentTypes: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  pdf: "application/pdf",
};

/** Built from the same view as the JSON read: a reader's export holds only what they may read. */
export async function exportPlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  format: ExportFormat,
): Promise<PlanExport> {
  const view = await buildPlanView(ctx, actor, await loadReadablePlan(ctx, actor, planId));
  const exportedAt = ctx.clock.now().toISOString();
  const fileName = `growth-plan-${exportedAt.slice(0, 10)}.${format}`;
  const contentType = contentTypes[format];
  switch (format) {
    case "md":
      return { body: renderPlanMarkdown(view, exportedAt), contentType, fileName };
    case "csv":
      return { body: renderGoalsCsv(view), contentType, fileName };
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
    case "pdf":
      return { body: await renderPlanPdf(view, exportedAt), contentType, fileName };
  }
}
