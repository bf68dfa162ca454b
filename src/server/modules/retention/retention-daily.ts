import type { Db } from "#server/db/create-db.ts";
import { recordOccurrence } from "#server/modules/scheduler/reminder-dates.queries.ts";
import { findRetentionSettings } from "./retention.queries.ts";
import { runRetention } from "./retention.service.ts";

/**
 * The scheduler's daily retention run: the first tick of each UTC day claims the day in
 * scheduled_occurrences (so one instance runs it) and runs retention; later ticks do nothing.
 */
export async function runDailyRetention(db: Db, now: Date): Promise<boolean> {
  const settings = await findRetentionSettings(db);
  const ages = [
    settings.retention_audit_days,
    settings.retention_notification_days,
    settings.retention_deactivated_days,
  ];
  if (ages.every((age) => age === null)) return false;
  const day = now.toISOString().slice(0, 10);
  if (!(await recordOccurrence(db, `retention:${day}`, now))) return false;
  await runRetention({ db, clock: { now: () => now } }, { dryRun: false });
  return true;
}
