import {
  type RetentionCategory,
  type RetentionReport,
  type RetentionSettings,
  retentionLimits,
  type SaveRetentionSettingsBody,
} from "#core/personal-data-erasure.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { ConflictError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { erasePersonInTransaction } from "#server/modules/personal-data-erasure/personal-data-erasure.service.ts";
import { assertCanManageRetention } from "./retention.policy.ts";
import {
  countAuditEventsBefore,
  countDeactivatedBefore,
  countNotificationsBefore,
  deleteAuditEvents,
  deleteNotifications,
  findRetentionSettings,
  listAuditEventsBefore,
  listDeactivatedBefore,
  listNotificationsBefore,
  updateRetentionSettings,
} from "./retention.queries.ts";

// Retention (docs/personal-data-erasure.md): audit rows and notifications older than their age
// are deleted, read or unread; people deactivated longer than theirs are erased. A dry run
// answers the same lists and changes nothing.

type RetentionContext = Pick<AppContext, "db" | "clock">;

function present(row: Awaited<ReturnType<typeof findRetentionSettings>>): RetentionSettings {
  return {
    auditDays: row.retention_audit_days,
    notificationDays: row.retention_notification_days,
    deactivatedDays: row.retention_deactivated_days,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function getRetentionSettings(
  ctx: AppContext,
  actor: Actor,
): Promise<RetentionSettings> {
  assertCanManageRetention(actor);
  return present(await findRetentionSettings(ctx.db));
}

export async function saveRetentionSettings(
  ctx: AppContext,
  actor: Actor,
  body: SaveRetentionSettingsBody,
  meta: RequestMeta,
): Promise<RetentionSettings> {
  assertCanManageRetention(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await updateRetentionSettings(trx, body.baseVersion, {
      retention_audit_days: body.auditDays,
      retention_notification_days: body.notificationDays,
      retention_deactivated_days: body.deactivatedDays,
      updated_by: actor.personId,
      updated_at: ctx.clock.now().toISOString(),
    });
    if (!saved) {
      throw new ConflictError(
        "The retention settings were changed meanwhile. Review them and save again.",
        present(await findRetentionSettings(trx)),
      );
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "retention_settings.updated",
      actorId: actor.personId,
      details: {
        auditDays: body.auditDays,
        notificationDays: body.notificationDays,
        deactivatedDays: body.deactivatedDays,
      },
    });
    return present(await findRetentionSettings(trx));
  });
}

/** The route's entry: an admin's dry run or run. */
export async function runRetentionAsAdmin(
  ctx: AppContext,
  actor: Actor,
  options: { dryRun: boolean },
  meta: RequestMeta,
): Promise<RetentionReport> {
  assertCanManageRetention(actor);
  return runRetention(ctx, { ...options, actorId: actor.personId, meta });
}

const cutoff = (now: Date, days: number | null) =>
  days === null ? null : new Date(now.getTime() - days * 86_400_000).toISOString();

const none = (): RetentionCategory => ({ before: null, count: 0, items: [] });

/**
 * Lists (dryRun) or deletes what is past its age, in bounded batches; what a full batch leaves
 * waits for the next run (`more`). The scheduler runs it once a day.
 */
export async function runRetention(
  ctx: RetentionContext,
  options: { dryRun: boolean; actorId?: string | null; meta?: RequestMeta | null },
): Promise<RetentionReport> {
  const now = ctx.clock.now();
  const settings = await findRetentionSettings(ctx.db);
  const auditBefore = cutoff(now, settings.retention_audit_days);
  const notificationBefore = cutoff(now, settings.retention_notification_days);
  const deactivatedBefore = cutoff(now, settings.retention_deactivated_days);
  const report: RetentionReport = {
    dryRun: options.dryRun,
    auditEvents: none(),
    notifications: none(),
    deactivatedPeople: none(),
    more: false,
  };

  if (auditBefore) {
    report.auditEvents = await sweep(
      options.dryRun,
      auditBefore,
      () => countAuditEventsBefore(ctx.db, auditBefore),
      async (limit) =>
        (await listAuditEventsBefore(ctx.db, auditBefore, limit)).map((row) => ({
          id: row.id,
          label: `${row.at} ${row.action}`,
        })),
      (ids) => deleteAuditEvents(ctx.db, ids),
      () => {
        report.more = true;
      },
    );
  }
  if (notificationBefore) {
    report.notifications = await sweep(
      options.dryRun,
      notificationBefore,
      () => countNotificationsBefore(ctx.db, notificationBefore),
      async (limit) =>
        (await listNotificationsBefore(ctx.db, notificationBefore, limit)).map((row) => ({
          id: row.id,
          label: `${row.created_at} ${row.kind}`,
        })),
      (ids) => deleteNotifications(ctx.db, ids),
      () => {
        report.more = true;
      },
    );
  }
  if (deactivatedBefore) {
    const total = await countDeactivatedBefore(ctx.db, deactivatedBefore);
    const listed = await listDeactivatedBefore(
      ctx.db,
      deactivatedBefore,
      options.dryRun ? retentionLimits.listed : retentionLimits.people,
    );
    const items = listed.map((row) => ({
      id: row.id,
      label: `${row.name} (deactivated ${row.deactivated_at?.slice(0, 10) ?? "?"})`,
    }));
    if (!options.dryRun) {
      for (const row of listed) {
        await ctx.db.transaction().execute(async (trx) => {
          const person = await findPersonById(trx, row.id);
          if (!person || person.erased_at || person.status !== "deactivated") return;
          await erasePersonInTransaction(trx, ctx, options.actorId ?? null, person, null);
        });
      }
      if (total > listed.length) report.more = true;
    }
    report.deactivatedPeople = {
      before: deactivatedBefore,
      count: options.dryRun ? total : listed.length,
      items: items.slice(0, retentionLimits.listed),
    };
  }

  const removed =
    report.auditEvents.count + report.notifications.count + report.deactivatedPeople.count;
  // An admin's run is always recorded; the daily run only when it removed something.
  if (!options.dryRun && (removed > 0 || options.actorId)) {
    await recordAuditEvent(ctx.db, ctx.clock, options.meta ?? null, {
      action: "retention.ran",
      actorId: options.actorId ?? null,
      details: {
        auditEvents: report.auditEvents.count,
        notifications: report.notifications.count,
        deactivatedPeople: report.deactivatedPeople.count,
      },
    });
  }
  return report;
}

/** Counts and lists (dry run) or deletes in batches, listing what it deleted. */
async function sweep(
  dryRun: boolean,
  before: string,
  countAll: () => Promise<number>,
  list: (limit: number) => Promise<{ id: string; label: string }[]>,
  remove: (ids: string[]) => Promise<void>,
  more: () => void,
): Promise<RetentionCategory> {
  if (dryRun) {
    return { before, count: await countAll(), items: await list(retentionLimits.listed) };
  }
  const items: { id: string; label: string }[] = [];
  let count = 0;
  for (let batch = 0; batch < retentionLimits.batches; batch++) {
    const rows = await list(retentionLimits.batch);
    if (rows.length === 0) break;
    await remove(rows.map((row) => row.id));
    count += rows.length;
    for (const row of rows) if (items.length < retentionLimits.listed) items.push(row);
    if (rows.length < retentionLimits.batch) break;
    if (batch === retentionLimits.batches - 1) more();
  }
  return { before, count, items };
}
