import { describe, expect, it } from "vitest";
import type { WorkspaceRow } from "#core/conversations/workspace.schemas.ts";
import { emptyGoal, type GoalView } from "#core/growth-plan/goals.schemas.ts";
import {
  actionStepsDue,
  addDays,
  localToday,
  recentlySharedPlans,
  stepProgress,
  teamNeeds,
} from "./home-data.ts";

function goal(
  id: string,
  steps: { id: string; dueOn: string | null; done?: boolean }[],
  status: GoalView["content"]["status"] = "in-progress",
): GoalView {
  return {
    id,
    position: 0,
    version: 1,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    content: {
      ...emptyGoal(),
      skill: `Skill ${id}`,
      status,
      actionSteps: steps.map((step) => ({
        id: step.id,
        title: `Step ${step.id}`,
        dueOn: step.dueOn,
        done: step.done ?? false,
        doneOn: null,
      })),
    },
  };
}

describe("dates", () => {
  it("reads the local day and adds days across months", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
    expect(addDays("2026-01-30", 3)).toBe("2026-02-02");
  });
});

describe("actionStepsDue", () => {
  it("lists open steps due within a week or overdue, earliest first", () => {
    const goals = [
      goal("a", [
        { id: "1", dueOn: "2026-06-20" },
        { id: "2", dueOn: "2026-06-08" },
        { id: "3", dueOn: "2026-06-01", done: true },
        { id: "4", dueOn: null },
      ]),
      goal("b", [{ id: "5", dueOn: "2026-06-05" }]),
      goal("c", [{ id: "6", dueOn: "2026-06-02" }], "dropped"),
    ];
    const due = actionStepsDue(goals, "2026-06-06");
    expect(due.map((step) => [step.stepId, step.overdue])).toEqual([
      ["5", true],
      ["2", false],
    ]);
    expect(due[0]?.goal).toBe("Skill b");
  });

  it("counts done steps over all steps", () => {
    expect(
      stepProgress([
        goal("a", [
          { id: "1", dueOn: null, done: true },
          { id: "2", dueOn: null },
        ]),
      ]),
    ).toEqual({
      done: 1,
      total: 2,
    });
  });
});

it("points out shared plans changed in the last two weeks", () => {
  const plan = (id: string, updatedAt: string, status: "active" | "archived" = "active") => ({
    id,
    owner: { id: "o", displayName: "Owner" },
    title: id,
    status,
    templateId: null,
    version: 1,
    createdAt: updatedAt,
    updatedAt,
    readableSections: [],
    relation: "manager" as const,
  });
  const now = new Date("2026-06-15T12:00:00Z");
  const recent = recentlySharedPlans(
    [
      plan("old", "2026-05-01T00:00:00Z"),
      plan("new", "2026-06-14T00:00:00Z"),
      plan("newer", "2026-06-15T00:00:00Z"),
      plan("archived", "2026-06-15T00:00:00Z", "archived"),
    ],
    now,
  );
  expect(recent.map((entry) => entry.id)).toEqual(["newer", "new"]);
});

describe("teamNeeds", () => {
  const row = (overrides: Partial<WorkspaceRow> = {}): WorkspaceRow => ({
    person: { id: "p", name: "Amara", jobTitle: null, department: null },
    tenure: null,
    pathway: { done: 0, total: 0 },
    plan: { freshness: "fresh", planId: "x", updatedAt: null, goalsAtRisk: 0 },
    conversations: { lastHeldOn: null, nextDueOn: null, nextScheduledAt: null, overdue: false },
    openActionItems: 0,
    pendingFeedbackRequests: 0,
    target: null,
    nudges: { plan: null, conversation: null },
    ...overrides,
  });

  it("names what a report needs and leaves out those who need nothing", () => {
    const needs = teamNeeds([
      row(),
      row({
        person: { id: "q", name: "Noor", jobTitle: null, department: null },
        pendingFeedbackRequests: 2,
        conversations: { lastHeldOn: null, nextDueOn: null, nextScheduledAt: null, overdue: true },
        plan: { freshness: "none", planId: null, updatedAt: null, goalsAtRisk: 1 },
      }),
    ]);
    expect(needs).toEqual([
      {
        person: { id: "q", name: "Noor", jobTitle: null, department: null },
        needs: [
          "2 feedback requests to answer",
          "Career conversation overdue",
          "No active growth plan",
          "1 goal at risk",
        ],
      },
    ]);
  });
});
