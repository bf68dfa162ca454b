import { describe, expect, it } from "vitest";
import { growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { SharingView } from "#core/growth-plan/sharing.schemas.ts";
import {
  bodyOf,
  cellLabel,
  managerRowId,
  presets,
  rowsOf,
  type SharingRow,
  summaryOf,
} from "./sharing-model.ts";

const ana = { id: "0190f5a0-0000-7000-8000-000000000001", displayName: "Ana Diaz" };
const lee = { id: "0190f5a0-0000-7000-8000-000000000002", displayName: "Lee Chen" };

const view: SharingView = {
  version: 3,
  manager: ana,
  sections: Object.fromEntries(
    growthPlanSectionKeys.map((key) => [
      key,
      {
        manager: !["inspiration", "energy"].includes(key),
        people: key === "goals" || key === "energy" ? [lee] : [],
      },
    ]),
  ) as SharingView["sections"],
};

describe("the sharing grid's rows", () => {
  it("turns the API's sections into one row per person and back", () => {
    const rows = rowsOf(view);
    expect(rows.map((row) => [row.id, row.sections])).toEqual([
      [managerRowId, ["role", "exploration", "goals", "tracking", "accomplishments"]],
      [lee.id, ["energy", "goals"]],
    ]);
    const body = bodyOf(rows);
    expect(body.sections.goals).toEqual({ manager: true, people: [lee.id] });
    expect(body.sections.inspiration).toEqual({ manager: false, people: [] });
    expect(body.sections.energy).toEqual({ manager: false, people: [lee.id] });
  });

  it("names each cell for a screen reader", () => {
    const [manager, named] = rowsOf(view) as [SharingRow, SharingRow];
    expect(cellLabel("role", named, ana)).toBe("Section 2 shared with Lee Chen");
    expect(cellLabel("energy", manager, ana)).toBe(
      "Energy journal shared with your manager, Ana Diaz",
    );
    expect(cellLabel("role", manager, null)).toBe("Section 2 shared with your manager");
  });

  it("says who sees what, and what stays private", () => {
    expect(summaryOf(rowsOf(view), ana)).toEqual([
      "Your manager, Ana Diaz, sees everything but Section 1 and the energy journal.",
      "Lee Chen sees the energy journal and Section 3.",
      "Only you see Section 1.",
    ]);
    const everything = presets[1]?.apply(rowsOf(view)) ?? [];
    expect(summaryOf(everything, ana)[0]).toBe("Your manager, Ana Diaz, sees the whole plan.");
    const nothing = presets[2]?.apply(rowsOf(view)) ?? [];
    expect(summaryOf(nothing, ana)).toEqual(["Only you see this plan."]);
    expect(bodyOf(nothing).sections.goals).toEqual({ manager: false, people: [] });
  });

  it("the manager preset changes the manager's row only", () => {
    const rows = presets[0]?.apply(presets[2]?.apply(rowsOf(view)) ?? []) ?? [];
    expect(rows.map((row) => row.sections)).toEqual([
      ["role", "exploration", "goals", "tracking", "accomplishments"],
      [],
    ]);
    expect(summaryOf(rows, null).at(-1)).toMatch(/no manager/);
  });
});
