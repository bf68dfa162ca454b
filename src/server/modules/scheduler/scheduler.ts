import type { Kysely } from "kysely";
import type { NotificationKind } from "#core/notifications/notifications.schemas.ts";
import type { Database } from "#server/db/schema.ts";
import { conversationReminderFor } from "#server/modules/conversations/conversation-reminders.ts";
import { produceDigests } from "#server/modules/email/email-digest.ts";
import { type NotifyInput, notify } from "#server/modules/notifications/notify.ts";
import { runDailyRetention } from "#server/modules/retention/retention-daily.ts";
import { dutyCycle } from "#server/shared/time-slices.ts";
import {
  countQuarterActivities,
  deleteReminder,
  findFeedbackRequestForReminder,
  findPlanState,
  followedTemplate,
  listDueReminders,
  planIsActive,
  type ReminderRow,
  recordOccurrence,
} from "./reminder-dates.queries.ts";
import { indexPathway, indexPlan } from "./reminder-index.ts";
import { syncSources } from "./reminder-sync.ts";

/**
 * One scheduler tick: bring the reminder index up to date with what was written since the last
 * tick, then produce every reminder that is due. Each occurrence is produced once: its key is
 * inserted into scheduled_occurrences in the transaction that writes the notification, so a
 * second instance or a restart finds it there and does nothing.
 */
export type SchedulerOptions = {
  /** Rows written less than this long ago wait for the next tick (their transaction may be open). */
  settleMs: number;
  /** Source rows re-indexed per source and tick; a backlog carries over to the next tick. */
  syncBatch: number;
  /** Due reminders produced per transaction; the time budget is checked between batches. */
  fireBatch: number;
  /** Stop syncing and firing after this long; the rest waits for the next tick. */
  budgetMs: number;
  /** Rest after each 20 ms of work, so requests keep the event loop (time-slices.ts). */
  restMs: number;
};

export const defaultSchedulerOptions: SchedulerOptions = {
  settleMs: 2 * 60_000,
  syncBatch: 2_000,
  fireBatch: 25,
  budgetMs: 1_000,
  restMs: 20,
};

export type TickResult = { indexed: number; produced: number; digests: number; more: boolean };

export async function runSchedulerTick(
  db: Kysely<Database>,
  now: Date,
  options: Partial<SchedulerOptions> = {},
): Promise<TickResult> {
  const settings = { ...defaultSchedulerOptions, ...options };
  const deadline = Date.now() + settings.budgetMs;
  const sync = await syncSources(db, now, settings, deadline);
  let produced = 0;
  let more = sync.more;
  const giveWay = dutyCycle(settings.restMs);
  for (;;) {
    const due = await listDueReminders(db, now, settings.fireBatch);
    if (due.length === 0) break;
    produced += await db.transaction().execute(async (trx) => {
      let count = 0;
      for (const reminder of due) if (await produce(trx, reminder, now)) count++;
      return count;
    });
    if (due.length < settings.fireBatch) break;
    if (Date.now() > deadline) {
      more = true;
      break;
    }
    await giveWay();
  }
  const digests = await produceDigests(db, now, giveWay);
  await runDailyRetention(db, now);
  return { indexed: sync.indexed, produced, digests, more };
}

/** Produces one due reminder inside `trx`; false when it was produced before or no longer holds. */
async function produce(trx: Kysely<Database>, reminder: ReminderRow, now: Date): Promise<boolean> {
  await deleteReminder(trx, reminder.key);
  if (!(await recordOccurrence(trx, reminder.key, now))) return false;
  const input = await notificationFor(trx, reminder);
  if (input) await notify(trx, input, now);
  // A recurring source gets its next occurrence indexed now that this one is recorded.
  if (reminder.kind === "plan_check_in_due") await indexPlan(trx, reminder.source_id, now);
  if (reminder.kind === "pathway_quarter_starting")
    await indexPathway(trx, reminder.person_id, now);
  return input !== null;
}

function data(reminder: ReminderRow): Record<string, unknown> {
  try {
    return JSON.parse(reminder.data) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** What the notification says; null when its source no longer calls for it. */
async function notificationFor(
  trx: Kysely<Database>,
  reminder: ReminderRow,
): Promise<NotifyInput | null> {
  const facts = data(reminder);
  const base = {
    personId: reminder.person_id,
    kind: reminder.kind as NotificationKind,
    actorId: null,
    dedupeKey: reminder.key,
  };
  switch (reminder.kind) {
    case "plan_check_in_due": {
      if (!(await planIsActive(trx, reminder.source_id))) return null;
      return {
        ...base,
        subject: { type: "growth_plan", id: reminder.source_id },
        link: `/growth-plans/${reminder.source_id}`,
        title: `Check-in due ${reminder.due_on}: ${String(facts.label ?? "")}`.trim(),
        data: { dueOn: reminder.due_on },
      };
    }
    case "action_step_due": {
      if (!(await planIsActive(trx, reminder.source_id))) return null;
      return {
        ...base,
        subject: { type: "growth_plan", id: reminder.source_id },
        link: `/growth-plans/${reminder.source_id}`,
        title: `Action step due ${reminder.due_on}: ${String(facts.stepTitle ?? "")}`.trim(),
        data: { dueOn: reminder.due_on },
      };
    }
    case "plan_stale": {
      const plan = await findPlanState(trx, reminder.source_id);
      if (plan?.status !== "active" || plan.updated_at !== facts.updatedAt) return null;
      return {
        ...base,
        subject: { type: "growth_plan", id: reminder.source_id },
        link: `/growth-plans/${reminder.source_id}`,
        title: "Your growth plan has not been updated for 90 days",
        data: { updatedAt: plan.updated_at },
      };
    }
    case "feedback_due": {
      const request = await findFeedbackRequestForReminder(trx, reminder.source_id);
      if (request?.status !== "pending") return null;
      return {
        ...base,
        subject: { type: "feedback_request", id: reminder.source_id },
        link: `/career/assessments/${String(facts.assessmentId ?? "")}`,
        title: `Feedback for ${request.preferred_name ?? request.name} is due ${reminder.due_on}`,
        data: { dueOn: reminder.due_on },
      };
    }
    case "pathway_quarter_starting": {
      const year = Number(facts.year);
      const quarter = Number(facts.quarter);
      const templateId = await followedTemplate(trx, reminder.person_id);
      if (!templateId) return null;
      const count = await countQuarterActivities(trx, templateId, year, quarter);
      if (count === 0) return null;
      return {
        ...base,
        subject: { type: "pathway", id: templateId },
        link: "/pathway",
        title: `Year ${year} · Q${quarter} starts: ${count} ${count === 1 ? "activity" : "activities"}`,
        data: { year, quarter, activities: count },
      };
    }
    case "conversation_upcoming":
    case "conversation_action_item_due":
      return conversationReminderFor(trx, reminder, base);
    default:
      return null;
  }
}
