import type { WorkspaceRow } from "#core/conversations/workspace.schemas.ts";
import type { GoalView } from "#core/growth-plan/goals.schemas.ts";
import type { SharedPlanList } from "#core/growth-plan/plans.schemas.ts";

/** How far ahead an action step counts as due now. */
export const dueSoonDays = 7;
/** How recent a change to a plan shared with the reader is worth pointing out. */
export const recentShareDays = 14;

/** The reader's calendar day, YYYY-MM-DD, in their own time zone. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The calendar day `days` after an ISO day. */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface DueStep {
  goalId: string;
  goal: string;
  stepId: string;
  title: string;
  dueOn: string;
  overdue: boolean;
}

/**
 * Open action steps of goals still being worked on, due within `dueSoonDays` or overdue; the
 * earliest first.
 */
export function actionStepsDue(goals: readonly GoalView[], today: string): DueStep[] {
  const horizon = addDays(today, dueSoonDays);
  return goals
    .filter((goal) => goal.content.status !== "done" && goal.content.status !== "dropped")
    .flatMap((goal) =>
      goal.content.actionSteps
        .filter((step) => !step.done && step.dueOn !== null && step.dueOn <= horizon)
        .map((step) => ({
          goalId: goal.id,
          goal: goal.content.skill.trim() || `Goal ${goal.position + 1}`,
          stepId: step.id,
          title: step.title.trim() || "Untitled step",
          dueOn: step.dueOn ?? "",
          overdue: (step.dueOn ?? "") < today,
        })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Action steps done out of all steps of the plan's goals. */
export function stepProgress(goals: readonly GoalView[]): { done: number; total: number } {
  const steps = goals.flatMap((goal) => goal.content.actionSteps);
  return { done: steps.filter((step) => step.done).length, total: steps.length };
}

/** Plans shared with the reader that changed lately, the latest first. */
export function recentlySharedPlans(
  plans: SharedPlanList["plans"],
  now: Date = new Date(),
): SharedPlanList["plans"] {
  const since = now.getTime() - recentShareDays * 86_400_000;
  return plans
    .filter((plan) => plan.status === "active" && Date.parse(plan.updatedAt) >= since)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export interface ReportNeeds {
  person: WorkspaceRow["person"];
  needs: string[];
}

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** What each direct report needs from their manager, in words; reports who need nothing are left out. */
export function teamNeeds(rows: readonly WorkspaceRow[]): ReportNeeds[] {
  return rows
    .map((row) => {
      const needs: string[] = [];
      if (row.pendingFeedbackRequests > 0) {
        needs.push(
          `${plural(row.pendingFeedbackRequests, "feedback request", "feedback requests")} to answer`,
        );
      }
      if (row.conversations.overdue) needs.push("Career conversation overdue");
      if (row.plan.freshness === "none") needs.push("No active growth plan");
      if (row.plan.freshness === "stale") needs.push("Growth plan not updated for 90 days");
      if (row.plan.goalsAtRisk > 0) {
        needs.push(`${plural(row.plan.goalsAtRisk, "goal", "goals")} at risk`);
      }
      return { person: row.person, needs };
    })
    .filter((report) => report.needs.length > 0);
}
