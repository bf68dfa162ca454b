import { newId } from "#core/ids.ts";
import type { ResourceImportResult } from "#core/learning/resources.schemas.ts";
import type { Actor, AppContext, Clock, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import type { Download } from "#server/http/download.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { assertCanManageResources } from "./learning.policy.ts";
import {
  insertResourceRow,
  insertTerms,
  listAllResourceRows,
  listAllResourceSkills,
  listResourceRowsByIds,
  replaceResourceSkills,
  updateResourceRowAt,
} from "./learning.queries.ts";
import { storedFields } from "./learning.service.ts";
import { loadCompetencyIndex, skillRowsOf } from "./learning-competencies.ts";
import { type PlannedResource, planResourceCsv, renderResourceCsv } from "./learning-csv.ts";
import { raiseDirectoryVersion } from "./learning-search.cache.ts";
import { vocabularyOf } from "./learning-words.ts";

/** Creates or updates the planned resources in `trx`; answers the ids in plan order. */
export async function applyResourcePlan(
  trx: Db,
  clock: Clock,
  resources: readonly PlannedResource[],
  options: { forceSample?: boolean } = {},
): Promise<{ created: number; updated: number; ids: string[] }> {
  const competencies = await loadCompetencyIndex(trx);
  const existing = new Map(
    (
      await listResourceRowsByIds(
        trx,
        resources.flatMap((resource) => resource.id ?? []),
      )
    ).map((row) => [row.id, row]),
  );
  let created = 0;
  let updated = 0;
  const ids: string[] = [];
  const now = clock.now().toISOString();
  for (const resource of resources) {
    const current = resource.id ? existing.get(resource.id) : undefined;
    const sample = options.forceSample === true || resource.sample;
    const id = current?.id ?? resource.id ?? newId(clock.now().getTime());
    if (current) {
      await updateResourceRowAt(trx, current.id, current.version, {
        ...storedFields(resource.fields),
        is_sample: sample ? 1 : 0,
        archived_at: resource.archived ? (current.archived_at ?? now) : null,
        updated_at: now,
      });
      updated += 1;
    } else {
      await insertResourceRow(trx, {
        id,
        ...storedFields(resource.fields),
        is_sample: sample ? 1 : 0,
        archived_at: resource.archived ? now : null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      created += 1;
    }
    await replaceResourceSkills(trx, id, skillRowsOf(resource.fields.skills, competencies));
    ids.push(id);
  }
  await insertTerms(
    trx,
    vocabularyOf(
      resources.flatMap(({ fields }) => [fields.title, fields.provider, ...fields.skills]),
    ),
  );
  await raiseDirectoryVersion(trx);
  return { created, updated, ids };
}

/** A dry run answers what the import would do; otherwise it does it in one transaction. */
export async function importResources(
  ctx: AppContext,
  actor: Actor,
  input: { csv: string; dryRun: boolean },
  meta: RequestMeta,
): Promise<ResourceImportResult> {
  assertCanManageResources(actor);
  const plan = planResourceCsv(input.csv);
  const known = new Set(
    (
      await listResourceRowsByIds(
        ctx.db,
        plan.resources.flatMap((resource) => resource.id ?? []),
      )
    ).map((row) => row.id),
  );
  const rows = plan.resources.map((resource) => ({
    line: resource.line,
    action: resource.id && known.has(resource.id) ? ("update" as const) : ("create" as const),
    title: resource.fields.title,
    kind: resource.fields.kind,
  }));
  const skipped = new Set(
    plan.warnings.filter((w) => w.message.endsWith("skipped.")).map((w) => w.line),
  ).size;
  const counts = {
    created: rows.filter((row) => row.action === "create").length,
    updated: rows.filter((row) => row.action === "update").length,
  };
  if (!input.dryRun && plan.resources.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      const applied = await applyResourcePlan(trx, ctx.clock, plan.resources);
      counts.created = applied.created;
      counts.updated = applied.updated;
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "learning_resource.imported",
        actorId: actor.personId,
        target: { type: "learning-directory", id: "resources" },
        details: { ...counts, skipped, warnings: plan.warnings.length },
      });
    });
  }
  return { dryRun: input.dryRun, ...counts, skipped, warnings: plan.warnings, rows };
}

export async function exportResources(ctx: AppContext, actor: Actor): Promise<Download> {
  assertCanManageResources(actor);
  const rows = await listAllResourceRows(ctx.db);
  const skills = await listAllResourceSkills(ctx.db);
  return {
    body: renderResourceCsv(rows, skills),
    contentType: "text/csv; charset=utf-8",
    fileName: "learning-resources.csv",
  };
}
