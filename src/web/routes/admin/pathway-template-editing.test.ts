import { describe, expect, it } from "vitest";
import type { PathwayTemplateItem } from "#core/pathway/pathway-api.schemas.ts";
import {
  addableStages,
  changedItemFields,
  followersText,
  itemFormSchema,
  moveItem,
} from "./pathway-template-editing.ts";

describe("moveItem", () => {
  it("swaps an item with its neighbour", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
  });

  it("leaves the order alone at either end", () => {
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });
});

describe("addableStages", () => {
  const quarter = (year: number, q: number) => ({
    key: { kind: "quarter" as const, year, quarter: q },
  });

  it("offers the missing quarters, the next year, and considerations", () => {
    const options = addableStages([quarter(1, 1), quarter(1, 3)]).map((option) => option.value);
    expect(options).toEqual(["y1q2", "y1q4", "y2q1", "y2q2", "y2q3", "y2q4", "considerations"]);
  });

  it("offers year 1 and considerations to an empty template, and no second considerations", () => {
    expect(addableStages([]).map((option) => option.value)).toContain("y1q1");
    const withConsiderations = addableStages([
      quarter(1, 1),
      { key: { kind: "considerations" as const, afterYear: 1 } },
    ]);
    expect(withConsiderations.map((option) => option.value)).not.toContain("considerations");
  });
});

describe("itemFormSchema", () => {
  const values = { title: "", description: "Read *a* book", kind: "", audienceNote: "" };

  it("leaves blank fields of a new item for the server to infer", () => {
    expect(itemFormSchema("create").parse(values)).toEqual({
      description: "Read *a* book",
      title: undefined,
      kind: undefined,
      audienceNote: undefined,
    });
  });

  it("requires a title on an edited item, and clears a blank note", () => {
    expect(itemFormSchema("edit").safeParse(values).success).toBe(false);
    expect(itemFormSchema("edit").parse({ ...values, title: "Read", kind: "course" })).toEqual({
      description: "Read *a* book",
      title: "Read",
      kind: "course",
      audienceNote: null,
    });
  });
});

it("sends only what an edit changed", () => {
  const item: PathwayTemplateItem = {
    id: "i",
    stageId: "s",
    title: "Read",
    description: "Read a book",
    kind: "other",
    audienceNote: null,
    links: [],
    resourceId: null,
  };
  expect(
    changedItemFields(item, {
      title: "Read",
      description: "Read two",
      kind: "course",
      audienceNote: null,
    }),
  ).toEqual({ description: "Read two", kind: "course" });
});

describe("followersText", () => {
  it("counts who follows a template, saying how for the default", () => {
    expect(followersText({ followerCount: 1, assignedCount: 1, isDefault: false })).toBe(
      "1 person follows it",
    );
    expect(followersText({ followerCount: 12, assignedCount: 0, isDefault: true })).toBe(
      "12 people follow it, by default",
    );
    expect(followersText({ followerCount: 12, assignedCount: 2, isDefault: true })).toBe(
      "12 people follow it (2 by assignment, the others by default)",
    );
  });
});
