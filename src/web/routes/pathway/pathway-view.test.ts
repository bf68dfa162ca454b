import { describe, expect, it } from "vitest";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import {
  describeCounts,
  descriptionAddsToTitle,
  focusStage,
  initiallyUnfolded,
  progressPercent,
  stageOptions,
  stagesLeftBehind,
} from "./pathway-view.ts";

const counts = (done: number, total: number, hidden = 0) => ({ done, total, hidden });

function stage(keyId: string, inTemplate = true) {
  return {
    keyId,
    key: { kind: "quarter" as const, year: 1, quarter: Number(keyId.slice(-1)) },
    label: `Year 1, Q${keyId.slice(-1)}`,
    status: "upcoming" as const,
    startsOn: null,
    endsOn: null,
    inTemplate,
    items: [],
    counts: counts(0, 0),
  };
}

function view(overrides: Partial<PathwayView>): PathwayView {
  return {
    person: { id: "p", displayName: "Ana", hireDate: "2026-01-01", timeZone: null },
    relation: "self",
    canEdit: true,
    today: "2026-06-01",
    template: null,
    tenure: { status: "no-hire-date" },
    stages: [stage("y1q1"), stage("y1q2"), stage("y1q3", false)],
    summary: {
      headline: "",
      stageKeyId: "y1q2",
      done: 0,
      total: 0,
      next: [],
      leftBehindCount: 0,
    },
    leftBehind: [],
    removedWithProgress: [],
    ...overrides,
  };
}

describe("progress", () => {
  it("is the share of counted items done, and 0 for an empty stage", () => {
    expect(progressPercent(counts(1, 3))).toBe(33);
    expect(progressPercent(counts(2, 2))).toBe(100);
    expect(progressPercent(counts(0, 0))).toBe(0);
  });

  it("mentions hidden items only when there are some", () => {
    expect(describeCounts(counts(1, 3))).toBe("1 of 3 done");
    expect(describeCounts(counts(1, 2, 1))).toBe("1 of 2 done · 1 hidden");
  });
});

describe("focusStage", () => {
  const active = {
    status: "active" as const,
    year: 1,
    quarter: 2,
    quarterStart: "2026-04-01",
    quarterEnd: "2026-06-30",
    dayInQuarter: 62,
    label: "Year 1 · Q2",
  };

  it("is the stage the summary names once the member has started", () => {
    expect(focusStage(view({ tenure: active }))?.keyId).toBe("y1q2");
  });

  it("is the first stage before the hire date", () => {
    const notStarted = view({
      tenure: { status: "not-started", startsOn: "2026-09-01" },
      summary: { ...view({}).summary, stageKeyId: "y1q1" },
    });
    expect(focusStage(notStarted)?.keyId).toBe("y1q1");
  });

  it("is none without a hire date", () => {
    expect(focusStage(view({}))).toBeNull();
  });
});

it("offers only the template's stages for an own item", () => {
  expect(stageOptions(view({})).map((option) => option.value)).toEqual(["y1q1", "y1q2"]);
});

describe("descriptionAddsToTitle", () => {
  it("is false when the description is the title with its links", () => {
    expect(
      descriptionAddsToTitle({
        title: "Complete the GitLab Team Member Certification",
        description: "Complete the [GitLab Team Member Certification](https://example.com).",
      }),
    ).toBe(false);
  });

  it("is true when the description says more, and false when it is empty", () => {
    expect(
      descriptionAddsToTitle({ title: "Read a book", description: "Read a book. Then share it." }),
    ).toBe(true);
    expect(descriptionAddsToTitle({ title: "Read a book", description: "" })).toBe(false);
  });
});

describe("folding", () => {
  const active = {
    status: "active" as const,
    year: 1,
    quarter: 2,
    quarterStart: "2026-04-01",
    quarterEnd: "2026-06-30",
    dayInQuarter: 62,
    label: "Year 1 · Q2",
  };
  const item = (id: string, status: "done" | "hidden" | null) => ({
    id,
    origin: "template" as const,
    title: id,
    description: "",
    kind: "other" as const,
    audienceNote: null,
    links: [],
    resourceId: null,
    progress:
      status === null
        ? null
        : {
            status,
            doneOn: null,
            evidenceUrl: null,
            note: null,
            hiddenReason: null,
            source: "member" as const,
            updatedAt: "2026-05-01T00:00:00Z",
          },
  });

  it("opens only the stage after the focus stage", () => {
    const stages = [
      { ...stage("y1q1"), status: "past" as const },
      { ...stage("y1q2"), status: "current" as const },
      stage("y1q3"),
      stage("y1q4"),
    ];
    expect([...initiallyUnfolded(view({ tenure: active, stages }))]).toEqual(["y1q3"]);
    expect([...initiallyUnfolded(view({}))]).toEqual([]);
  });

  it("lists the past stages that hold open items, with their count", () => {
    const past = {
      ...stage("y1q1"),
      status: "past" as const,
      items: [item("a", null), item("b", "done"), item("c", "hidden"), item("d", null)],
    };
    const donePast = { ...stage("y1q2"), status: "past" as const, items: [item("e", "done")] };
    const left = stagesLeftBehind(view({ stages: [past, donePast] }) as PathwayView);
    expect(left.map(({ stage, open }) => [stage.keyId, open])).toEqual([["y1q1", 2]]);
  });
});
