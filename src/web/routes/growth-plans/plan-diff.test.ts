import { describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import { formatCalendarDate } from "../../format/dates.ts";
import { diffFields } from "./plan-diff.ts";

const stepId = "4b7f0c55-8a48-4a6e-9a55-0d6f1c2a7b01";
const otherStepId = "0f4b2a39-7e1c-4c1b-9d0e-3b5e8a6c2d11";

describe("diffFields", () => {
  it("names each changed column of a goal with both values", () => {
    const before = { ...emptyGoal(), skill: "Public speaking" };
    const after = { ...before, skill: "Public speaking at meetups", status: "in-progress" };
    expect(diffFields(before, after)).toEqual([
      {
        path: "skill",
        label: "Skill/Behavior",
        before: "Public speaking",
        after: "Public speaking at meetups",
      },
      { path: "status", label: "Status", before: "Not started", after: "In progress" },
    ]);
  });

  it("matches list items by id, so a ticked step is one change even after reordering", () => {
    const step = { id: stepId, title: "Enroll", dueOn: null, done: false, doneOn: null };
    const other = { id: otherStepId, title: "Practice", dueOn: null, done: false, doneOn: null };
    const before = { ...emptyGoal(), actionSteps: [step, other] };
    const after = {
      ...emptyGoal(),
      actionSteps: [other, { ...step, done: true, doneOn: "2025-03-01" }],
    };
    expect(diffFields(before, after)).toEqual([
      {
        path: `actionSteps[${stepId}].done`,
        label: "Action step 2 · Done",
        before: "No",
        after: "Yes",
      },
      {
        path: `actionSteps[${stepId}].doneOn`,
        label: "Action step 2 · Done on",
        before: "",
        after: formatCalendarDate("2025-03-01"),
      },
    ]);
  });

  it("lists what a creation added and what a deletion removed, skipping empty fields", () => {
    expect(diffFields(null, { ...emptyGoal(), skill: "SQL" })).toEqual([
      { path: "skill", label: "Skill/Behavior", before: null, after: "SQL" },
      { path: "status", label: "Status", before: null, after: "Not started" },
    ]);
    expect(diffFields({ targetRoles: ["Staff engineer"], notes: "" }, null)).toEqual([
      { path: "targetRoles", label: "Target roles", before: "Staff engineer", after: null },
    ]);
  });

  it("shows statuses, cadences and days with the words and format of the plan pages", () => {
    const before = { ...emptyGoal(), targetDate: "2027-05-30" };
    const after = { ...before, status: "done", targetDate: "2027-06-01" };
    expect(diffFields(before, after)).toEqual([
      { path: "status", label: "Status", before: "Not started", after: "Done" },
      {
        path: "targetDate",
        label: "Target date",
        before: formatCalendarDate("2027-05-30"),
        after: formatCalendarDate("2027-06-01"),
      },
    ]);
    expect(formatCalendarDate("2027-05-30", "en-US")).toBe("May 30, 2027");
    expect(
      diffFields(
        { schedule: [{ id: stepId, cadence: "monthly", label: "Reflect" }] },
        { schedule: [{ id: stepId, cadence: "quarterly", label: "Reflect" }] },
      ),
    ).toEqual([
      {
        path: `schedule[${stepId}].cadence`,
        label: "Schedule 1 · Cadence",
        before: "Monthly",
        after: "Quarterly",
      },
    ]);
  });

  it("finds nothing between equal versions", () => {
    expect(diffFields(emptyGoal(), emptyGoal())).toEqual([]);
  });
});
