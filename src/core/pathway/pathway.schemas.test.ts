import { describe, expect, it } from "vitest";
import {
  PathwayImportBody,
  PathwayItemDraft,
  type PathwayStage,
  PathwayTemplateDraft,
} from "./pathway.schemas.ts";
import {
  buildPathwayItem,
  deriveItemTitle,
  inferAudienceNote,
  inferItemKind,
} from "./pathway-items.ts";
import { arrangePathwayStages, stageKeyId, stageLabel } from "./pathway-stages.ts";

const item = {
  title: "Take a course",
  description: "Take a [course](https://example.com/c).",
  kind: "course",
  audienceNote: null,
  links: [{ text: "course", url: "https://example.com/c" }],
} as const;

const stage = (year: number, quarter: number): PathwayStage => ({
  key: { kind: "quarter", year, quarter },
  items: [],
});

describe("PathwayItemDraft", () => {
  it("accepts a normalized item", () => {
    expect(PathwayItemDraft.parse(item)).toEqual(item);
  });

  it("refuses relative links, links that do not match the description and unknown fields", () => {
    const relative = { ...item, description: "Take a [course](/c).", links: [] };
    expect(PathwayItemDraft.safeParse(relative).success).toBe(false);
    expect(PathwayItemDraft.safeParse({ ...item, links: [] }).success).toBe(false);
    expect(PathwayItemDraft.safeParse({ ...item, id: "x" }).success).toBe(false);
    expect(PathwayItemDraft.safeParse({ ...item, kind: "webinar" }).success).toBe(false);
    expect(PathwayItemDraft.safeParse({ ...item, title: "a\nb" }).success).toBe(false);
    expect(PathwayItemDraft.safeParse({ ...item, title: "x".repeat(201) }).success).toBe(false);
  });
});

describe("PathwayTemplateDraft", () => {
  const template = { name: "P", description: "", audience: "", stages: [] };

  it("requires stages in tenure order, each once, considerations last after the last year", () => {
    const ordered = [stage(1, 1), stage(1, 2), stage(2, 1)];
    const considerations = { key: { kind: "considerations", afterYear: 2 }, items: [] } as const;
    expect(
      PathwayTemplateDraft.safeParse({ ...template, stages: [...ordered, considerations] }).success,
    ).toBe(true);
    expect(
      PathwayTemplateDraft.safeParse({ ...template, stages: [stage(1, 2), stage(1, 1)] }).success,
    ).toBe(false);
    expect(
      PathwayTemplateDraft.safeParse({ ...template, stages: [stage(1, 1), stage(1, 1)] }).success,
    ).toBe(false);
    expect(
      PathwayTemplateDraft.safeParse({
        ...template,
        stages: [stage(1, 1), { key: { kind: "considerations", afterYear: 3 }, items: [] }],
      }).success,
    ).toBe(false);
  });

  it("arrangePathwayStages makes any set of stages valid", () => {
    const stages = arrangePathwayStages([
      { key: { kind: "considerations", afterYear: 9 }, items: [] },
      stage(2, 1),
      stage(1, 4),
    ]);
    expect(stages.map((entry) => stageKeyId(entry.key))).toEqual([
      "y1q4",
      "y2q1",
      "considerations",
    ]);
    expect(stages.map((entry) => stageLabel(entry.key))).toEqual([
      "Year 1, Q4",
      "Year 2, Q1",
      "Year 3 considerations",
    ]);
    expect(PathwayTemplateDraft.safeParse({ ...template, stages }).success).toBe(true);
  });
});

describe("PathwayImportBody", () => {
  it("bounds the page and accepts only http(s) base URLs", () => {
    expect(PathwayImportBody.safeParse({ markdown: "# x" }).success).toBe(true);
    expect(PathwayImportBody.safeParse({ markdown: "" }).success).toBe(false);
    expect(PathwayImportBody.safeParse({ markdown: "x".repeat(1_000_001) }).success).toBe(false);
    expect(PathwayImportBody.safeParse({ markdown: "x", baseUrl: "ftp://h" }).success).toBe(false);
    expect(
      PathwayImportBody.safeParse({ markdown: "x", baseUrl: "https://h.example" }).success,
    ).toBe(true);
  });
});

describe("item inference", () => {
  it.each([
    ["Complete the GitLab Team Member Certification", "certification"],
    ["Revisit your Individual Growth Plan (IGP)", "growth_plan"],
    ["Have a career development conversation with your manager", "career_conversation"],
    ["Follow your division's Learning Hub", "learning_hub"],
    ["Complete a course on LinkedIn Learning", "course"],
    ["Attend one Live Learning session", "live_learning"],
    ["Attend a Group Conversation", "group_conversation"],
    ["Apply as a mentee", "mentorship"],
    ["Participate in the CEO Shadow Program", "shadow_program"],
    ["Use the Growth and Development benefit for a certification", "benefit"],
    ["Block time to learn", "other"],
  ] as const)("%s → %s", (description, kind) => {
    expect(inferItemKind(description)).toBe(kind);
  });

  it("reads an audience note only when the item names one", () => {
    expect(inferAudienceNote("Join Elevate if you are an aspiring manager.")).toBe(
      "if you are an aspiring manager",
    );
    expect(inferAudienceNote("If you're new to GitLab, start here")).toBe(
      "If you're new to GitLab",
    );
    expect(inferAudienceNote("Once you have your IGP, talk to your manager")).toBeNull();
  });

  it("titles an item with its first sentence, shortened at a clause", () => {
    expect(deriveItemTitle("Do this, e.g. now. Then that.")).toBe("Do this, e.g. now");
    expect(deriveItemTitle("![]()")).toBe("Untitled item");
    const long = `Explore ${Array.from({ length: 30 }, (_, index) => `program ${index}`).join(", ")}`;
    const title = deriveItemTitle(long);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title).toMatch(/^Explore program 0, .*program \d+…$/);
  });
});

describe("buildPathwayItem", () => {
  it("normalizes edited text into a valid item and reports repairs", () => {
    const built = buildPathwayItem({
      description: "Join [Elevate]](/elevate) if you are a manager",
    });
    expect(built).toEqual({
      ok: true,
      item: {
        title: "Join Elevate if you are a manager",
        description: "Join [Elevate](https://handbook.gitlab.com/elevate) if you are a manager",
        kind: "other",
        audienceNote: "if you are a manager",
        links: [{ text: "Elevate", url: "https://handbook.gitlab.com/elevate" }],
      },
      problems: [expect.stringMatching(/stray/)],
    });
  });

  it("keeps what the editor chose and treats a blank audience note as none", () => {
    const built = buildPathwayItem(
      { description: "Read [x](/x)", title: "Reading", kind: "course", audienceNote: "  " },
      { baseUrl: "https://wiki.example.org" },
    );
    expect(built.ok && built.item).toMatchObject({
      title: "Reading",
      kind: "course",
      audienceNote: null,
      links: [{ text: "x", url: "https://wiki.example.org/x" }],
    });
  });

  it("says why an item cannot be built", () => {
    const built = buildPathwayItem({ description: "   " });
    expect(built.ok).toBe(false);
    expect(built.problems).toEqual([expect.stringMatching(/^description: /)]);
  });
});
