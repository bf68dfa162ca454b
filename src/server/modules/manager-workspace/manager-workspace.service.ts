import { type CadenceSettings, cadenceOf, defaultCadence } from "#core/conversations/cadence.ts";
import type {
  ManagerWorkspace,
  SubtreeSummary,
  WorkspaceRow,
} from "#core/conversations/workspace.schemas.ts";
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
import { currentStageOf, stageProgressOf } from "./current-stage-progress.ts";
import { assertCanReadSubtree, managerWorkspacePolicies } from "./manager-workspace.policy.ts";
import {
  type ConversationFigures,
  type PersonFigures,
  presentSubtree,
  presentWorkspaceRow,
} from "./manager-workspace.presenters.ts";
import {
  type ActivePlanRow,
  type ConversationFactRow,
  type CustomItemMark,
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
  type PlanGoalState,
  type ProgressMark,
  readWorkspaceVersions,
  type WorkspacePersonRow,
} from "./manager-workspace.queries.ts";
import { readinessOf } from "./readiness-cache.ts";
import { cachedSubtreeSummary } from "./subtree-summary-cache.ts";
import { cachedWorkspaceInputs } from "./workspace-inputs-cache.ts";

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

/** The rows the figures are made from, before any date is applied to them. */
type FigureInputs = {
  templateOf: (personId: string) => TemplateContent | null;
  marks: ReadonlyMap<string, ProgressMark[]>;
  custom: ReadonlyMap<string, CustomItemMark[]>;
  plans: ReadonlyMap<string, ActivePlanRow>;
  conversations: ReadonlyMap<string, ConversationFactRow[]>;
  openItems: ReadonlyMap<string, number>;
  settings: CadenceSettings;
};

/** A fixed number of queries whatever the number of people. */
async function readFigureInputs(db: Db, ids: readonly string[]): Promise<FigureInputs> {
  const [templateOf, marks, custom, plans, conversations, openItems, settings] = await Promise.all([
    templatesOf(db, ids),
    listProgressMarks(db, ids),
    listCustomItemMarks(db, ids),
    listActivePlans(db, ids),
    listConversationFacts(db, ids),
    countOpenActionItems(db, ids),
    cadenceSettingsOf(db),
  ]);
  return {
    templateOf,
    marks: groupBy(marks, (mark) => mark.person_id),
    custom: groupBy(custom, (item) => item.person_id),
    plans: new Map(plans.map((plan) => [plan.owner_id, plan])),
    conversations: groupBy(conversations, (row) => row.member_id),
    openItems,
    settings,
  };
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
 * The figures shown for each person in both views, on each person's today: tenure, current stage
 * progress, active plan freshness, conversation cadence, open action items. Nothing here is
 * private content.
 */
function figuresOf(
  inputs: FigureInputs,
  people: readonly WorkspacePersonRow[],
  now: Date,
): Map<string, PersonFigures> {
  const staleBefore = new Date(now.getTime() - staleAfterDays * dayMilliseconds).toISOString();
  const figures = new Map<string, PersonFigures>();
  for (const row of people) {
    const today = dayIn(row.time_zone, now);
    const person = { ...row, today, tenure: tenureOf(row.hire_date, today) };
    const content = inputs.templateOf(person.id);
    const stage = content ? currentStageOf(content, person.tenure) : null;
    const plan = inputs.plans.get(person.id);
    figures.set(person.id, {
      person,
      today,
      tenure: person.tenure,
      pathway: stageProgressOf(
        stage,
        inputs.marks.get(person.id) ?? [],
        inputs.custom.get(person.id) ?? [],
      ),
      planFreshness: !plan ? "none" : plan.updated_at < staleBefore ? "stale" : "fresh",
      planUpdatedAt: plan?.updated_at ?? null,
      conversations: conversationFiguresOf(
        person,
        inputs.conversations.get(person.id) ?? [],
        inputs.settings,
      ),
      openActionItems: inputs.openItems.get(person.id) ?? 0,
    });
  }
  return figures;
}

async function loadFigures(ctx: AppContext, people: readonly WorkspacePersonRow[]) {
  const inputs = await readFigureInputs(
    ctx.db,
    people.map((person) => person.id),
  );
  return figuresOf(inputs, people, ctx.clock.now());
}

type PlanViews = {
  /** Plan ids the manager may open, and whether they may read its goals. */
  readable: ReadonlyMap<string, { planId: string; readsGoals: boolean }>;
  goals: ReadonlyMap<string, PlanGoalState[]>;
};

/** Plan ids the manager may open, and the goals they may read. */
async function readPlanViews(
  ctx: AppContext,
  actor: Actor,
  reports: readonly PersonRow[],
  plans: ReadonlyMap<string, ActivePlanRow>,
): Promise<PlanViews> {
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
  return { readable, goals };
}

/** Goals at risk on each report's today, among the goals the manager may read. */
function goalsAtRiskOf(views: PlanViews, todayOf: (personId: string) => string) {
  const atRisk = new Map<string, number>();
  for (const [personId, view] of views.readable) {
    if (!view.readsGoals) continue;
    const horizon = addDays(todayOf(personId), atRiskWithinDays);
    const count = (views.goals.get(view.planId) ?? []).filter(
      (goal) =>
        goal.status !== "done" &&
        goal.status !== "dropped" &&
        goal.targetDate !== null &&
        goal.targetDate <= horizon,
    ).length;
    atRisk.set(personId, count);
  }
  return atRisk;
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

/** The nudge claims of this week that could exist for each report. */
function claimKeysOf(reportIds: readonly string[], now: Date) {
  return new Map(
    reportIds.map((id) => [
      id,
      {
        plan: nudgeClaimKey(id, "plan", now),
        conversation: nudgeClaimKey(id, "conversation", now),
      },
    ]),
  );
}

/** When each nudge kind may go to each report again; absent when it may go now. */
function nudgesOf(
  claimed: ReadonlySet<string>,
  keys: ReturnType<typeof claimKeysOf>,
  nextWeek: string,
) {
  return (personId: string) => {
    const key = keys.get(personId);
    return {
      plan: key && claimed.has(key.plan) ? nextWeek : null,
      conversation: key && claimed.has(key.conversation) ? nextWeek : null,
    };
  };
}

/** Everything the workspace reads besides the reports, before today is applied. */
type WorkspaceInputs = {
  figures: FigureInputs;
  planViews: PlanViews;
  targets: ReadonlyMap<string, { roleTitle: string; readiness: number }>;
  pending: ReadonlyMap<string, number>;
  claimed: ReadonlySet<string>;
  /** The rows last answered from these inputs, with the key of what else they depend on. */
  rows?: { key: string; rows: WorkspaceRow[] };
};

async function readWorkspaceInputs(
  ctx: AppContext,
  actor: Actor,
  reports: readonly PersonRow[],
  claimKeys: readonly string[],
): Promise<WorkspaceInputs> {
  const ids = reports.map((report) => report.id);
  const [figures, targets, pending, claimed] = await Promise.all([
    readFigureInputs(ctx.db, ids),
    targetsFor(ctx, actor, reports),
    countPendingForRaterByOwner(ctx.db, actor.personId, ids),
    listClaimedKeys(ctx.db, claimKeys),
  ]);
  const planViews = await readPlanViews(ctx, actor, reports, figures.plans);
  return { figures, planViews, targets, pending, claimed };
}

/**
 * A row per active direct report of the caller, in name order (empty without any). The reports
 * and the versions of everything else are read on every request; the rest is read again only
 * when a version changed (workspace-inputs-cache.ts).
 */
export async function getManagerWorkspace(
  ctx: AppContext,
  actor: Actor,
): Promise<ManagerWorkspace> {
  if (!managerWorkspacePolicies.readOwn(actor)) return { rows: [], hasSubtree: false };
  const reports = await listActiveReports(ctx.db, actor.personId);
  if (reports.length === 0) return { rows: [], hasSubtree: false };
  const now = ctx.clock.now();
  const ids = reports.map((report) => report.id);
  const keysByReport = claimKeysOf(ids, now);
  const claimKeys = [...keysByReport.values()].flatMap((keys) => [keys.plan, keys.conversation]);
  const versions = await readWorkspaceVersions(ctx.db, actor.personId, actor.personId, claimKeys);
  // The claim keys name the week, and the version read counts the claims among them.
  const nextWeek = nextNudgeWeek(now).toISOString();
  const key = [actor.role, ids.join(","), nextWeek, ...versions.parts].join("\u0000");
  const entry = { key, reports: ids.length };
  const inputs = await cachedWorkspaceInputs(ctx.db, actor.personId, entry, () =>
    readWorkspaceInputs(ctx, actor, reports, claimKeys),
  );
  const rowsKey = rowsKeyOf(inputs, reports, now);
  if (inputs.rows?.key !== rowsKey) {
    inputs.rows = { key: rowsKey, rows: rowsOf(inputs, reports, now, keysByReport, nextWeek) };
  }
  return { rows: inputs.rows.rows, hasSubtree: versions.hasSubtree };
}

/**
 * Everything besides the kept rows the answer depends on: what is shown of each report, their
 * today, whether their plan is stale by now. Equal keys give equal rows, so a manager opening
 * the page again is answered without working the figures out again.
 */
function rowsKeyOf(inputs: WorkspaceInputs, reports: readonly PersonRow[], now: Date): string {
  const staleBefore = new Date(now.getTime() - staleAfterDays * dayMilliseconds).toISOString();
  const parts: (string | null)[] = [];
  for (const report of reports) {
    const plan = inputs.figures.plans.get(report.id);
    parts.push(
      report.id,
      report.name,
      report.preferred_name,
      report.job_title,
      report.department,
      report.hire_date,
      report.time_zone,
      dayIn(report.time_zone, now),
      plan ? String(plan.updated_at < staleBefore) : "",
    );
  }
  return parts.map((part) => part ?? "\u0001").join("\u0000");
}

function rowsOf(
  inputs: WorkspaceInputs,
  reports: readonly PersonRow[],
  now: Date,
  keysByReport: ReturnType<typeof claimKeysOf>,
  nextWeek: string,
): WorkspaceRow[] {
  const figures = figuresOf(inputs.figures, reports, now);
  const todayOf = (personId: string) => figures.get(personId)?.today ?? "";
  const atRisk = goalsAtRiskOf(inputs.planViews, todayOf);
  const nudges = nudgesOf(inputs.claimed, keysByReport, nextWeek);
  return reports.flatMap((report) => {
    const figure = figures.get(report.id);
    if (!figure) return [];
    return [
      presentWorkspaceRow(figure, {
        planId: inputs.planViews.readable.get(report.id)?.planId ?? null,
        goalsAtRisk: atRisk.get(report.id) ?? 0,
        pendingFeedbackRequests: inputs.pending.get(report.id) ?? 0,
        target: inputs.targets.get(report.id) ?? null,
        nudges: nudges(report.id),
      }),
    ];
  });
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
    const figures = await loadFigures(ctx, people);
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
