import { describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { isSectionFilled, openCommentCounts, openCommentsLabel } from "./step-status.ts";

function planWith(parts: Partial<Pick<PlanView, "sections" | "goals" | "energy">>): PlanView {
  return { sections: {}, ...parts } as PlanView;
}

const goal = (skill: string) => ({
  id: crypto.randomUUID(),
  position: 1,
  version: 1,
  createdAt: "2026-12-01T00:00:00.000Z",
  updatedAt: "2026-12-01T00:00:00.000Z",
  content: { ...emptyGoal(), skill },
});

describe("step status", () => {
  it("calls goals filled in once a goal names its skill", () => {
    expect(isSectionFilled(planWith({ goals: [] }), "goals")).toBe(false);
    expect(isSectionFilled(planWith({ goals: [goal("  ")] }), "goals")).toBe(false);
    expect(isSectionFilled(planWith({ goals: [goal("SQL")] }), "goals")).toBe(true);
  });

  it("calls the journal filled in once it holds an entry", () => {
    expect(
      isSectionFilled(planWith({ energy: { entryCount: 0, lastEntryAt: null } }), "energy"),
    ).toBe(false);
    expect(
      isSectionFilled(
        planWith({ energy: { entryCount: 2, lastEntryAt: "2026-12-01T00:00:00.000Z" } }),
        "energy",
      ),
    ).toBe(true);
  });

  it("reads a section's content: an unanswered prompt leaves Section 1 empty", () => {
    const inspiration = (answer: string) => ({
      key: "inspiration" as const,
      version: 1,
      updatedAt: "2026-12-01T00:00:00.000Z",
      content: {
        answers: [{ promptId: "energizes", prompt: "What energizes you?", answer }],
        assessments: { myersBriggs: "", strengths: [], learningStyle: "", notes: "" },
        energyFindings: [],
      },
    });
    const empty = planWith({ sections: { inspiration: inspiration("") } as PlanView["sections"] });
    const filled = planWith({
      sections: { inspiration: inspiration("Pairing") } as PlanView["sections"],
    });
    expect(isSectionFilled(empty, "inspiration")).toBe(false);
    expect(isSectionFilled(filled, "inspiration")).toBe(true);
    expect(isSectionFilled(empty, "accomplishments")).toBe(false);
  });

  it("counts only open comments, per section", () => {
    const counts = openCommentCounts([
      { section: "goals", resolvedAt: null },
      { section: "goals", resolvedAt: null },
      { section: "goals", resolvedAt: "2026-12-01T00:00:00.000Z" },
      { section: "role", resolvedAt: "2026-12-01T00:00:00.000Z" },
    ]);
    expect(counts).toEqual({ goals: 2 });
    expect(openCommentsLabel(1)).toBe("1 open comment");
    expect(openCommentsLabel(2)).toBe("2 open comments");
  });
});
