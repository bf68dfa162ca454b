import type { Kysely } from "kysely";
import { scheduledCheckIns } from "#core/growth-plan/check-ins.ts";
import { tenureOn, tenureQuarterDates } from "#core/pathway/tenure.ts";
import type { Database } from "#server/db/schema.ts";
import { addDays, instantAt, localDate, zoneOf } from "#server/modules/email/local-time.ts";
import { type NewReminder, replaceReminders, withoutProduced } from "./reminder-dates.queries.ts";

/**
 * Keeps `reminder_dates` — the upcoming time-based reminders — current from the data they come
 * from. Each function rebuilds the reminders of one source from scratch, so it can run again at
 * any time; the scheduler runs it for every source written since its last sync.
 */

type Db = Kysely<Database>;

/** Reminders about a day go out at this local hour. */
export const reminderHour = "09:00";
export const staleAfterDays = 90;
/** A feedback request reminds its rater this many days before it is due. */
export const feedbackLeadDays = 2;

type Json = Record<string, unknown>;

function parse(content: string): Json {
  try {
    const value: unknown = JSON.parse(content);
    return value && typeof value === "object" ? (value as Json) : {};
  } catch {
    return {};
  }
}

const isDay = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);

export async function indexPlan(db: Db, planId: string, now: Date): Promise<void> {
  const source = { type: "plan", id: planId };
  const plan = await db
    .selectFrom("growth_plans")
    .innerJoin("people", "people.id", "growth_plans.owner_id")
    .select([
      "growth_plans.id",
      "growth_plans.owner_id",
      "growth_plans.status",
      "growth_plans.updated_at",
      "people.time_zone",
      "people.status as person_status",
    ])
    .where("growth_plans.id", "=", planId)
    .executeTakeFirst();
  if (plan?.status !== "active" || plan.person_status !== "active") {
    await replaceReminders(db, source, []);
    return;
  }
  const zone = zoneOf(plan.time_zone);
  const today = localDate(now, zone);
  const base = { person_id: plan.owner_id, source_type: "plan", source_id: planId };
  const rows: NewReminder[] = [];

  const tracking = await db
    .selectFrom("growth_plan_sections")
    .select("content")
    .where("plan_id", "=", planId)
    .where("section_key", "=", "tracking")
    .executeTakeFirst();
  const content = parse(tracking?.content ?? "{}");
  const schedule = Array.isArray(content.schedule) ? content.schedule : [];
  const recorded = Array.isArray(content.checkIns) ? (content.checkIns as Json[]) : [];
  const doneCheckIns = new Set(
    recorded.filter((item) => item.done === true).map((item) => `${item.scheduleId}:${item.dueOn}`),
  );
  const checkInCandidates: NewReminder[] = [];
  for (const item of schedule as Json[]) {
    if (typeof item.id !== "string" || !isDay(item.startsOn)) continue;
    const valid = { id: item.id, label: String(item.label ?? ""), startsOn: item.startsOn };
    const cadence =
      item.cadence === "quarterly" || item.cadence === "yearly" ? item.cadence : "monthly";
    // The next two: when the first has been produced already, the second is the next one.
    const upcoming = scheduledCheckIns([{ ...valid, cadence }], {
      from: today,
      to: addDays(today, 800),
    }).slice(0, 2);
    for (const due of upcoming) {
      if (doneCheckIns.has(`${due.scheduleId}:${due.dueOn}`)) continue;
      checkInCandidates.push({
        ...base,
        key: `plan_check_in_due:${planId}:${due.scheduleId}:${due.dueOn}`,
        kind: "plan_check_in_due",
        due_on: due.dueOn,
        fire_at: instantAt(due.dueOn, reminderHour, zone).toISOString(),
        data: JSON.stringify({ label: due.label, scheduleId: due.scheduleId }),
      });
    }
  }
  const seenSchedule = new Set<string>();
  for (const row of await withoutProduced(db, checkInCandidates)) {
    const scheduleId = String(parse(row.data ?? "{}").scheduleId);
    if (seenSchedule.has(scheduleId)) continue;
    seenSchedule.add(scheduleId);
    rows.push(row);
  }

  const goals = await db
    .selectFrom("growth_plan_goals")
    .select(["id", "content"])
    .where("plan_id", "=", planId)
    .execute();
  for (const goal of goals) {
    const goalContent = parse(goal.content);
    if (goalContent.status === "done" || goalContent.status === "dropped") continue;
    const steps = Array.isArray(goalContent.actionSteps) ? (goalContent.actionSteps as Json[]) : [];
    for (const step of steps) {
      if (step.done === true || !isDay(step.dueOn) || step.dueOn < today) continue;
      rows.push({
        ...base,
        key: `action_step_due:${goal.id}:${String(step.id)}:${step.dueOn}`,
        kind: "action_step_due",
        due_on: step.dueOn,
        fire_at: instantAt(step.dueOn, reminderHour, zone).toISOString(),
        data: JSON.stringify({ goalId: goal.id, stepTitle: String(step.title ?? "") }),
      });
    }
  }

  const staleAt = new Date(Date.parse(plan.updated_at) + staleAfterDays * 86_400_000);
  rows.push({
    ...base,
    key: `plan_stale:${planId}:${plan.updated_at}`,
    kind: "plan_stale",
    due_on: localDate(staleAt, zone),
    fire_at: staleAt.toISOString(),
    data: JSON.stringify({ updatedAt: plan.updated_at }),
  });
  await replaceReminders(db, source, rows);
}

export async function indexFeedbackRequest(db: Db, requestId: string, now: Date): Promise<void> {
  const source = { type: "feedback_request", id: requestId };
  const request = await db
    .selectFrom("career_feedback_requests")
    .innerJoin("people", "people.id", "career_feedback_requests.rater_id")
    .select([
      "career_feedback_requests.id",
      "career_feedback_requests.rater_id",
      "career_feedback_requests.assessment_id",
      "career_feedback_requests.status",
      "career_feedback_requests.due_on",
      "people.time_zone",
    ])
    .where("career_feedback_requests.id", "=", requestId)
    .executeTakeFirst();
  const zone = zoneOf(request?.time_zone);
  if (
    request?.status !== "pending" ||
    !isDay(request.due_on) ||
    request.due_on < localDate(now, zone)
  ) {
    await replaceReminders(db, source, []);
    return;
  }
  await replaceReminders(db, source, [
    {
      key: `feedback_due:${request.id}:${request.due_on}`,
      kind: "feedback_due",
      person_id: request.rater_id,
      source_type: "feedback_request",
      source_id: request.id,
      due_on: request.due_on,
      fire_at: instantAt(
        addDays(request.due_on, -feedbackLeadDays),
        reminderHour,
        zone,
      ).toISOString(),
      data: JSON.stringify({ assessmentId: request.assessment_id }),
    },
  ]);
}

/**
 * The next pathway quarter start (today or later) of an active person with a hire date. Which
 * template they follow (their assignment, else the default) is read when the reminder fires.
 */
export async function indexPathway(db: Db, personId: string, now: Date): Promise<void> {
  const source = { type: "pathway", id: personId };
  const person = await db
    .selectFrom("people")
    .select(["id", "hire_date", "time_zone", "status"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (person?.status !== "active" || !isDay(person.hire_date)) {
    await replaceReminders(db, source, []);
    return;
  }
  const zone = zoneOf(person.time_zone);
  const today = localDate(now, zone);
  const hire = person.hire_date;
  let index: number;
  try {
    const tenure = tenureOn(hire, today);
    index =
      tenure.status === "not-started"
        ? 0
        : (tenure.year - 1) * 4 + tenure.quarter - (tenure.dayInQuarter === 1 ? 1 : 0);
  } catch {
    await replaceReminders(db, source, []);
    return;
  }
  const candidates: NewReminder[] = [];
  for (const offset of [0, 1]) {
    const year = Math.floor((index + offset) / 4) + 1;
    const quarter = ((index + offset) % 4) + 1;
    const { start } = tenureQuarterDates(hire, year, quarter);
    candidates.push({
      key: `pathway_quarter_starting:${personId}:y${year}q${quarter}`,
      kind: "pathway_quarter_starting",
      person_id: personId,
      source_type: "pathway",
      source_id: personId,
      due_on: start,
      fire_at: instantAt(start, reminderHour, zone).toISOString(),
      data: JSON.stringify({ year, quarter }),
    });
  }
  const [next] = await withoutProduced(db, candidates);
  await replaceReminders(db, source, next ? [next] : []);
}

/** Everything about one person that depends on their time zone, hire date or status. */
export async function indexPerson(db: Db, personId: string, now: Date): Promise<void> {
  const plans = await db
    .selectFrom("growth_plans")
    .select("id")
    .where("active_owner_id", "=", personId)
    .execute();
  for (const plan of plans) await indexPlan(db, plan.id, now);
  await indexPathway(db, personId, now);
}
