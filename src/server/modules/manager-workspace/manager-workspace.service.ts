import { type CadenceSettings, cadenceOf, defaultCadence } from "#core/conversations/cadence.ts";
import type { ManagerWorkspace, SubtreeSummary } from "#core/conversations/workspace.schemas.ts";
import { addMonths, localDateIn, type Tenure, tenureOn } from "#core/pathway/tenure.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { notFound } from "#server/errors.ts";
import { assessmentFacts } from "#server/modules/career-paths/career-assessments.access.ts";
import { careerAssessmentPolicies } from "#server/modules/career-paths/career-assessments.policy.ts";
import {
  type AssessmentRow,
  countPendingForRaterByOwner,
  listSharedFinishedOfPeople,
} from "#server/modules/career-paths/career-assessments.queries.ts";
import { withVersions } from "#server/modules/career-paths/career-assessments.service.ts";
import { listSharesOfPlans } from "#server/modules/growth-plans/growth-plan-sharing.queries.ts";
import { readableSections } from "#server/modules/growth-plans/growth-plans.policy.ts";
import {
  nextNudgeWeek,
  nudgeClaimKey,
} from "#server/modules/notifications/notification-nudges.service.ts";
import {
  findDefaultTemplate,
  findTemplateById,
  type TemplateRow,
} from "#server/modules/pathways/pathway.queries.ts";
import {
  loadTemplateContent,
  type TemplateContent,
} from "#server/modules/pathways/template-content-cache.ts";
import { findPersonById, type PersonRow } from "#server/modules/people/people.queries.ts";
import { currentStageOf, type StageProgress, stageProgressOf } from "./current-stage-progress.ts";
import { assertCanReadSubtree, managerWorkspacePolicies } from "./manager-workspace.policy.ts";
import {
  type ConversationFigures,
  type PersonFigures,
  presentSubtree,
  presentWorkspaceRow,
} from "./manager-workspace.presenters.ts";
import {
  type ActivePlanRow,
  anyManagesActivePeople,
  countOpenActionItems,
  findCadenceSettings,
  isInSubtreeOf,
  listActivePlans,
  listActiveReports,
  listAssignedTemplateIds,
  listClaimedKeys,
  listConversationFacts,
  listCustomItemMarks,
  listGoalStates,
  listProgressMarks,
  listRequestStates,
  listSubtree,
  type WorkspacePersonRow,
} from "./manager-workspace.queries.ts";
import { readinessOf } from "./readiness-cache.ts";
import { cachedSubtreeSummary } from "./subtree-summary-cache.ts";

/** A plan not updated for this long is "stale" (the workspace flags it). */
export const staleAfterDays = 90;
/** A goal whose target date is this close, or passed, while not done, is at risk. */
export const atRiskWithinDays = 14;

const dayMilliseconds = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMilliseconds)
    .toISOString()
    .slice(0, 10);
}

/**
 * The calendar day of an instant in a person's time zone; without a zone it is the UTC day,
 * which needs no Intl formatting (thousands of people per subtree view).
 */
function dayIn(timeZone: string | null, instant: Date): string {
  return timeZone?.trim() ? localDateIn(timeZone, instant) : instant.toISOString().slice(0, 10);
}

/** Tenure on the person's today; a stored date that is not real counts as none. */
function tenureOf(hireDate: string | null, today: string): Tenure | null {
  if (!hireDate) return null;
  try {
    return tenureOn(hireDate, today);
  } catch {
    return null;
  }
}

async function cadenceSettingsOf(db: Db): Promise<CadenceSettings> {
  const saved = await findCadenceSettings(db);
  return saved
    ? { firstAfterDays: saved.first_after_days, intervalMonths: saved.interval_months }
    : defaultCadence;
}

/** Template content per person: their assignment or the default. */
async function templatesOf(db: Db, personIds: readonly string[]) {
  const assigned = await listAssignedTemplateIds(db, personIds);
  const templateIds = [...new Set(assigned.values())];
  const [fallback, ...others] = await Promise.all([
    findDefaultTemplate(db),
    ...templateIds.map((id) => findTemplateById(db, id)),
  ]);
  const contents = new Map<string, TemplateContent>();
  for (const row of [fallback, ...others]) {
    if (row && !contents.has(row.id)) {
      contents.set(row.id, await loadTemplateContent(db, row as TemplateRow));
    }
  }
  return (personId: string): TemplateContent | null => {
    const id = assigned.get(personId) ?? fallback?.id;
    return (id && contents.get(id)) || null;
  };
}

async function pathwayProgressOf(
  db: Db,
  people: readonly (WorkspacePersonRow & { tenure: Tenure | null })[],
): Promise<Map<string, StageProgress>> {
  const templateOf = await templatesOf(
    db,
    people.map((person) => person.id),
  );
  const stages = new Map(
    people.map((person) => {
      const content = templateOf(person.id);
      return [person.id, content ? currentStageOf(content, person.tenure) : null] as const;
    }),
  );
  const itemIds = [...new Set([...stages.values()].flatMap((stage) => stage?.itemIds ?? []))];
  const ids = people.map((person) => person.id);
  const [marks, custom] = await Promise.all([
    listProgressMarks(db, ids, itemIds),
    listCustomItemMarks(db, ids),
  ]);
  const marksOf = groupBy(marks, (mark) => mark.person_id);
  const customOf = groupBy(custom, (item) => item.person_id);
  return new Map(
    ids.map((id) => [
      id,
      stageProgressOf(stages.get(id) ?? null, marksOf.get(id) ?? [], customOf.get(id) ?? []),
    ]),
  );
}

function conversationFiguresOf(
  person: WorkspacePersonRow & { today: string; tenure: Tenure | null },
  rows: readonly { status: string; scheduled_at: string; next_date: string | null }[],
  settings: CadenceSettings,
): ConversationFigures {
  let lastHeld: (typeof rows)[number] | null = null;
  let nextScheduled: string | null = null;
  for (const row of rows) {
    if (row.status === "held" && (!lastHeld || row.scheduled_at > lastHeld.scheduled_at)) {
      lastHeld = row;
    }
    if (row.status === "scheduled" && (!nextScheduled || row.scheduled_at < nextScheduled)) {
      nextScheduled = row.scheduled_at;
    }
  }
  const dayOf = (instant: string) => dayIn(person.time_zone, new Date(instant));
  const lastHeldOn = lastHeld ? dayOf(lastHeld.scheduled_at) : null;
  const cadence = cadenceOf(
    {
      // Only a real hire date starts the cadence (tenureOf refused any other).
      hireDate: person.tenure ? person.hire_date : null,
      lastHeldOn,
      agreedNextDate: lastHeld?.next_date ?? null,
      nextScheduledOn: nextScheduled ? dayOf(nextScheduled) : null,
      today: person.today,
    },
    settings,
  );
  return {
    lastHeldOn,
    nextDueOn: cadence.nextDueOn,
    nextScheduledAt: nextScheduled,
    overdue: cadence.overdue,
  };
}

/**
 * The figures shown for each person in both views, from a fixed number of queries whatever the
 * number of people: tenure, current stage progress, active plan freshness, conversation cadence,
 * open action items. Nothing here is private content.
 */
async function loadFigures(
  ctx: AppContext,
  people: readonly WorkspacePersonRow[],
): Promise<{ figures: Map<string, PersonFigures>; plans: Map<string, ActivePlanRow> }> {
  const now = ctx.clock.now();
  const dated = people.map((person) => {
    const today = dayIn(person.time_zone, now);
    return { ...person, today, tenure: tenureOf(person.hire_date, today) };
  });
  const ids = people.map((person) => person.id);
  const [pathway, plans, conversations, openItems, settings] = await Promise.all([
    pathwayProgressOf(ctx.db, dated),
    listActivePlans(ctx.db, ids),
    listConversationFacts(ctx.db, ids),
    countOpenActionItems(ctx.db, ids),
    cadenceSettingsOf(ctx.db),
  ]);
  const planOf = new Map(plans.map((plan) => [plan.owner_id, plan]));
  const conversationsOf = groupBy(conversations, (row) => row.member_id);
  const staleBefore = new Date(now.getTime() - staleAfterDays * dayMilliseconds).toISOString();
  const figures = new Map<string, PersonFigures>();
  for (const person of dated) {
    const plan = planOf.get(person.id);
    figures.set(person.id, {
      person,
      today: person.today,
      tenure: person.tenure,
      pathway: pathway.get(person.id) ?? { done: 0, total: 0 },
      planFreshness: !plan ? "none" : plan.updated_at < staleBefore ? "stale" : "fresh",
      planUpdatedAt: plan?.updated_at ?? null,
      conversations: conversationFiguresOf(person, conversationsOf.get(person.id) ?? [], settings),
      openActionItems: openItems.get(person.id) ?? 0,
    });
  }
  return { figures, plans: planOf };
}

/** Plan ids the manager may open, and goals at risk among the goals they may read. */
async function planViewsFor(
  ctx: AppContext,
  actor: Actor,
  reports: readonly PersonRow[],
  plans: ReadonlyMap<string, ActivePlanRow>,
  todayOf: (personId: string) => string,
) {
  const planIds = [...plans.values()].map((plan) => plan.id);
  const shares = groupBy(await listSharesOfPlans(ctx.db, planIds), (share) => share.plan_id);
  const readable = new Map<string, { planId: string; readsGoals: boolean }>();
  for (const report of reports) {
    const plan = plans.get(report.id);
    if (!plan) continue;
    const sections = readableSections(actor, {
      planId: plan.id,
      ownerId: report.id,
      ownerActive: report.status === "active",
      ownerManagerId: report.manager_id,
      shares: shares.get(plan.id) ?? [],
    });
    if (sections.length === 0) continue;
    readable.set(report.id, { planId: plan.id, readsGoals: sections.includes("goals") });
  }
  const goalPlans = [...readable.values()].filter((view) => view.readsGoals);
  const goals = groupBy(
    await listGoalStates(
      ctx.db,
      goalPlans.map((view) => view.planId),
    ),
    (goal) => goal.plan_id,
  );
  const atRisk = new Map<string, number>();
  for (const [personId, view] of readable) {
    if (!view.readsGoals) continue;
    const horizon = addDays(todayOf(personId), atRiskWithinDays);
    const count = (goals.get(view.planId) ?? []).filter(
      (goal) =>
        goal.status !== "done" &&
        goal.status !== "dropped" &&
        goal.targetDate !== null &&
        goal.targetDate <= horizon,
    ).length;
    atRisk.set(personId, count);
  }
  return { readable, atRisk };
}

/** The role and readiness of the latest finished assessment each report shares with the actor. */
async function targetsFor(ctx: AppContext, actor: Actor, reports: readonly PersonRow[]) {
  const reportById = new Map(reports.map((report) => [report.id, report]));
  const latest = new Map<string, AssessmentRow>();
  for (const row of await listSharedFinishedOfPeople(ctx.db, [...reportById.keys()])) {
    const owner = reportById.get(row.person_id);
    if (!owner || latest.has(row.person_id)) continue;
    if (careerAssessmentPolicies.read(actor, assessmentFacts(row, owner))) {
      latest.set(row.person_id, row);
    }
  }
  const loaded = await withVersions(ctx, [...latest.values()], reportById);
  if (loaded.length === 0) return new Map<string, { roleTitle: string; readiness: number }>();
  const states = groupBy(
    await listRequestStates(
      ctx.db,
      loaded.map((entry) => entry.assessment.id),
    ),
    (state) => state.assessment_id,
  );
  const targets = new Map<string, { roleTitle: string; readiness: number }>();
  for (const entry of loaded) {
    const readiness = await readinessOf(ctx.db, entry, states.get(entry.assessment.id) ?? []);
    targets.set(entry.owner.id, { roleTitle: entry.role.title, readiness });
  }
  return targets;
}

/** When each nudge kind may go to each report again; absent when it may go now. */
async function nudgesFor(ctx: AppContext, reportIds: readonly string[]) {
  const now = ctx.clock.now();
  const kinds = ["plan", "conversation"] as const;
  const claimed = await listClaimedKeys(
    ctx.db,
    reportIds.flatMap((id) => kinds.map((kind) => nudgeClaimKey(id, kind, now))),
  );
  const next = nextNudgeWeek(now).toISOString();
  return (personId: string) => ({
    plan: claimed.has(nudgeClaimKey(personId, "plan", now)) ? next : null,
    conversation: claimed.has(nudgeClaimKey(personId, "conversation", now)) ? next : null,
  });
}

/** A row per active direct report of the caller, in name order (empty without any). */
export async function getManagerWorkspace(
  ctx: AppContext,
  actor: Actor,
): Promise<ManagerWorkspace> {
  if (!managerWorkspacePolicies.readOwn(actor)) return { rows: [], hasSubtree: false };
  const reports = await listActiveReports(ctx.db, actor.personId);
  if (reports.length === 0) return { rows: [], hasSubtree: false };
  const ids = reports.map((report) => report.id);
  const [{ figures, plans }, targets, pending, nudges, hasSubtree] = await Promise.all([
    loadFigures(ctx, reports),
    targetsFor(ctx, actor, reports),
    countPendingForRaterByOwner(ctx.db, actor.personId, ids),
    nudgesFor(ctx, ids),
    anyManagesActivePeople(ctx.db, ids),
  ]);
  const todayOf = (personId: string) => figures.get(personId)?.today ?? "";
  const planViews = await planViewsFor(ctx, actor, reports, plans, todayOf);
  return {
    rows: reports.flatMap((report) => {
      const figure = figures.get(report.id);
      if (!figure) return [];
      return [
        presentWorkspaceRow(figure, {
          planId: planViews.readable.get(report.id)?.planId ?? null,
          goalsAtRisk: planViews.atRisk.get(report.id) ?? 0,
          pendingFeedbackRequests: pending.get(report.id) ?? 0,
          target: targets.get(report.id) ?? null,
          nudges: nudges(report.id),
        }),
      ];
    }),
    hasSubtree,
  };
}

/**
 * Counts over everyone below the caller, or below a manager inside the caller's subtree (404
 * for anyone else): no names but the group managers', no private content.
 */
export async function getSubtreeSummary(
  ctx: AppContext,
  actor: Actor,
  managerId: string | undefined,
): Promise<SubtreeSummary> {
  const target = managerId ?? actor.personId;
  if (target !== actor.personId && !(await findPersonById(ctx.db, target))) {
    throw notFound("No such person.");
  }
  const belowActor =
    target !== actor.personId && (await isInSubtreeOf(ctx.db, actor.personId, target));
  assertCanReadSubtree(actor, { managerId: target, belowActor });
  const now = ctx.clock.now();
  return cachedSubtreeSummary(ctx.db, target, now, async () => {
    const people = await listSubtree(ctx.db, target);
    const { figures } = await loadFigures(ctx, people);
    const today = dayIn(null, now);
    return presentSubtree(people, figures, { sixMonthsAgo: addMonths(today, -6) });
  });
}

function groupBy<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
