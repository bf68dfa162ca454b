import type { DirectoryExportQuery } from "#core/people.schemas.ts";
import { normalizeEmail } from "#core/people.schemas.ts";
import { type ImportReport, personCsvColumns } from "#core/people-import.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { cancelConversationsAfterManagerChange } from "#server/modules/conversations/conversation-manager-change.ts";
import { assertCanManagePeople, readableStatuses } from "#server/modules/people/people.policy.ts";
import {
  insertPeople,
  listPeopleForExport,
  listPeopleForImport,
  updatePerson,
} from "#server/modules/people/people.queries.ts";
import { auditAdminBecomingManager } from "#server/modules/people/people-admin.service.ts";
import { notifyManagerChanged } from "#server/modules/people/people-manager-notices.ts";
import { writeCsv } from "#server/shared/csv.ts";
import { giveEventLoopATurn, timeSlicer } from "#server/shared/time-slices.ts";
import { createWorkerPool, runForRequest } from "#server/shared/worker-pool.ts";
import type { ImportPlan } from "./people-import.plan.ts";
import type { PlanJob, PlanResult } from "./people-import.worker.ts";
import type { ExistingPerson } from "./people-import-rows.plan.ts";

/** Files are read and planned in a worker thread, so a large file delays no other request. */
export const importPlanWorkers = createWorkerPool<PlanJob, PlanResult>(
  new URL("./people-import.worker.ts", import.meta.url),
  { size: 1, maxQueued: 8, maxHeapMb: 512, idleMs: 60_000 },
);

/** New people inserted per statement; a slice of the apply stays well under 50 ms. */
const insertBatchSize = 50;

async function planInWorker(
  ctx: AppContext,
  csv: string,
  existingPeople: readonly ExistingPerson[],
): Promise<ImportPlan> {
  const seconds = ctx.config.exportTimeBudgetMs / 1000;
  const outcome = await runForRequest(
    importPlanWorkers,
    { csv, existingPeople },
    ctx.config.exportTimeBudgetMs,
    {
      overBudget: `Reading the file took longer than ${seconds} seconds and was stopped. Import it in smaller files.`,
      busy: "Too many directory files are being imported. Try again in a minute.",
    },
  );
  if ("refused" in outcome) {
    const { code, message, fields } = outcome.refused;
    throw new AppError(code, message, fields);
  }
  return outcome.plan;
}

/** What an import would do, row by row; writes nothing. */
export async function dryRunImport(
  ctx: AppContext,
  actor: Actor,
  csv: string,
): Promise<ImportReport> {
  assertCanManagePeople(actor);
  return (await planInWorker(ctx, csv, await listPeopleForImport(ctx.db))).report;
}

/**
 * Applies a file all or nothing: the plan is made again inside the transaction, so it reflects
 * the data it writes over, and a single rejected row writes nothing.
 */
export async function applyImport(
  ctx: AppContext,
  actor: Actor,
  csv: string,
  meta: RequestMeta | null,
): Promise<ImportReport> {
  assertCanManagePeople(actor);
  try {
    return await ctx.db
      .transaction()
      .execute((trx) => importPeopleInTransaction(trx, ctx, actor.personId, csv, meta, actor));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        "Someone changed the directory while the file was being imported. Run the import again.",
      );
    }
    throw error;
  }
}

/**
 * The import inside a caller's transaction (the demo loader shares it with its own writes).
 * With `admin`, rows that make that administrator someone's manager are audited and noticed as
 * when the admin edits the person.
 */
export async function importPeopleInTransaction(
  trx: Db,
  ctx: AppContext,
  actorId: string | null,
  csv: string,
  meta: RequestMeta | null,
  admin?: Actor,
): Promise<ImportReport> {
  await lockForTransaction(trx, "reporting-lines");
  const plan = await planInWorker(ctx, csv, await listPeopleForImport(trx));
  assertNoRejectedRows(plan);
  const pause = timeSlicer();
  await writePlan(trx, ctx, plan, pause);
  if (admin) await auditImportedManagers(trx, ctx, admin, meta, plan, pause);
  await notifyImportedManagerChanges(trx, ctx, actorId, plan, pause);
  const { summary } = plan.report;
  if (summary.create + summary.update > 0) {
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "people.imported",
      actorId,
      details: {
        rows: summary.rows,
        created: summary.create,
        updated: summary.update,
        unchanged: summary.unchanged,
        managersChanged: plan.updates.filter((update) => "manager_id" in update.changes).length,
      },
    });
  }
  // The caller commits next; on SQLite that waits for the file to reach the disk.
  await giveEventLoopATurn();
  return { ...plan.report, applied: true };
}

/** Rows that make the importing administrator someone's manager, as when they edit the person. */
async function auditImportedManagers(
  trx: Db,
  ctx: AppContext,
  admin: Actor,
  meta: RequestMeta | null,
  plan: ImportPlan,
  pause: () => Promise<void>,
): Promise<void> {
  for (const create of plan.creates) {
    await auditAdminBecomingManager(trx, ctx, admin, meta, create.id, create.fields.manager_id);
    await pause();
  }
  for (const update of plan.updates) {
    if (!("manager_id" in update.changes)) continue;
    const managerId = update.changes.manager_id;
    await auditAdminBecomingManager(trx, ctx, admin, meta, update.current.id, managerId);
    await pause();
  }
}

/**
 * People whose manager the file changed are told, and their conversations with the former
 * manager cancelled, as when an admin edits them.
 */
async function notifyImportedManagerChanges(
  trx: Db,
  ctx: AppContext,
  actorId: string | null,
  plan: ImportPlan,
  pause: () => Promise<void>,
): Promise<void> {
  for (const update of plan.updates) {
    if (!("manager_id" in update.changes)) continue;
    await notifyManagerChanged(trx, ctx.clock.now(), {
      personId: update.current.id,
      managerId: update.changes.manager_id ?? null,
      actorId,
    });
    await cancelConversationsAfterManagerChange(
      trx,
      { memberId: update.current.id, managerId: update.changes.manager_id ?? null, actorId },
      ctx.clock.now(),
    );
    await pause();
  }
}

function assertNoRejectedRows(plan: ImportPlan): void {
  const rejected = plan.report.rows.filter((row) => row.action === "reject");
  if (rejected.length === 0) return;
  const fields = Object.fromEntries(
    rejected.map((row) => [
      `rows.${row.row}`,
      row.problems
        .map((problem) =>
          problem.column ? `${problem.column}: ${problem.message}` : problem.message,
        )
        .join("; "),
    ]),
  );
  const rowList = rejected.map((row) => row.row).join(", ");
  throw new AppError(
    "validation_failed",
    `${rejected.length === 1 ? "Row" : "Rows"} ${rowList} cannot be imported, so nothing was imported. Fix ${rejected.length === 1 ? "it" : "them"} and try again.`,
    fields,
  );
}

/** Writes in small batches and gives the event loop a turn between them (see timeSlicer). */
async function writePlan(
  trx: Db,
  ctx: AppContext,
  plan: ImportPlan,
  pause: () => Promise<void>,
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (let start = 0; start < plan.creates.length; start += insertBatchSize) {
    await insertPeople(
      trx,
      plan.creates.slice(start, start + insertBatchSize).map(({ id, fields }) => ({
        ...fields,
        id,
        email_normalized: normalizeEmail(fields.email),
        role: "member" as const,
        status: "active" as const,
        password_hash: null,
        created_at: now,
        updated_at: now,
      })),
    );
    await pause();
  }
  for (const update of plan.updates) {
    const changes = { ...update.changes, updated_at: now };
    if (update.changes.email) {
      Object.assign(changes, { email_normalized: normalizeEmail(update.changes.email) });
    }
    await updatePerson(trx, update.current, changes);
    await pause();
  }
}

/** The directory as CSV in the import's columns, so an export imports back unchanged. */
export async function exportDirectoryCsv(
  ctx: AppContext,
  actor: Actor,
  query: DirectoryExportQuery,
  meta: RequestMeta,
): Promise<string> {
  assertCanManagePeople(actor);
  const people = await listPeopleForExport(ctx.db, readableStatuses(actor, query.status));
  await recordAuditEvent(ctx.db, ctx.clock, meta, {
    action: "people.exported",
    actorId: actor.personId,
    details: { status: query.status, people: people.length },
  });
  return writeCsv([
    personCsvColumns,
    ...people.map((person) => [
      person.email,
      person.name,
      person.preferred_name,
      person.job_title,
      person.division,
      person.department,
      person.team,
      person.manager_email,
      person.hire_date,
      person.location,
      person.time_zone,
    ]),
  ]);
}
