import { describe, expect, it } from "vitest";
import { nth, sampleContent } from "./career-framework.testing.ts";
import {
  applyLevels,
  cellLabel,
  changesOf,
  countPending,
  gridColumns,
  gridCommand,
  levelOf,
  type PendingLevels,
  visibleRowRange,
  withLevel,
  withoutSaved,
} from "./expectations-grid.ts";

describe("gridCommand", () => {
  const size = { rows: 5, columns: 4 };
  const at = { row: 2, column: 1 };
  const command = (key: string, options: { ctrlKey?: boolean } = {}) =>
    gridCommand(key, at, size, { scalePoints: 4, pageRows: 3, ...options });

  it("moves one cell with the arrows, stopping at the edges", () => {
    expect(command("ArrowUp")).toEqual({ type: "move", to: { row: 1, column: 1 } });
    expect(command("ArrowDown")).toEqual({ type: "move", to: { row: 3, column: 1 } });
    expect(command("ArrowLeft")).toEqual({ type: "move", to: { row: 2, column: 0 } });
    expect(command("ArrowRight")).toEqual({ type: "move", to: { row: 2, column: 2 } });
    expect(gridCommand("ArrowLeft", { row: 0, column: 0 }, size, { scalePoints: 4 })).toEqual({
      type: "move",
      to: { row: 0, column: 0 },
    });
    expect(gridCommand("ArrowDown", { row: 4, column: 3 }, size, { scalePoints: 4 })).toEqual({
      type: "move",
      to: { row: 4, column: 3 },
    });
  });

  it("goes to the row's ends with Home and End, the grid's with Ctrl, and pages", () => {
    expect(command("Home")).toEqual({ type: "move", to: { row: 2, column: 0 } });
    expect(command("End")).toEqual({ type: "move", to: { row: 2, column: 3 } });
    expect(command("Home", { ctrlKey: true })).toEqual({ type: "move", to: { row: 0, column: 0 } });
    expect(command("End", { ctrlKey: true })).toEqual({ type: "move", to: { row: 4, column: 3 } });
    expect(command("PageDown")).toEqual({ type: "move", to: { row: 4, column: 1 } });
    expect(command("PageUp")).toEqual({ type: "move", to: { row: 0, column: 1 } });
  });

  it("sets levels on the scale with digits and clears with Delete, Backspace or 0", () => {
    expect(command("3")).toEqual({ type: "set", level: 3 });
    expect(command("5")).toBeNull();
    expect(command("Delete")).toEqual({ type: "clear" });
    expect(command("Backspace")).toEqual({ type: "clear" });
    expect(command("0")).toEqual({ type: "clear" });
    expect(command("a")).toBeNull();
    expect(command("Tab")).toBeNull();
  });
});

describe("gridColumns", () => {
  it("groups competencies under their themes, in the themes' order", () => {
    const content = sampleContent();
    content.themes.unshift({ key: "people", name: "People", description: "", caseId: null });
    content.competencies.push({
      ...nth(content.competencies),
      key: "coaching",
      themeKey: "people",
    });
    const { groups, columns } = gridColumns(content);
    expect(groups.map((group) => group.theme?.name)).toEqual(["People", "Craft"]);
    expect(columns.map((competency) => competency.key)).toEqual(["coaching", "forecasting"]);
  });
});

describe("cellLabel", () => {
  it("names the role, the competency and the level with its label", () => {
    const { scale } = sampleContent();
    expect(cellLabel({ title: "Senior Analyst" }, { name: "Forecasting" }, 3, scale)).toBe(
      "Senior Analyst, Forecasting: 3 Proficient",
    );
    expect(cellLabel({ title: "Analyst" }, { name: "Forecasting" }, null, scale)).toBe(
      "Analyst, Forecasting: not expected",
    );
  });
});

describe("pending levels", () => {
  const content = sampleContent();
  content.roles.push({ ...nth(content.roles), key: "senior", title: "Senior", expectations: {} });

  it("changes only the row typed in, so other rows keep their objects", () => {
    const first = withLevel(new Map(), {
      roleKey: "analyst",
      competencyKey: "forecasting",
      level: 3,
    });
    const second = withLevel(first, { roleKey: "senior", competencyKey: "forecasting", level: 1 });
    expect(second.get("analyst")).toBe(first.get("analyst"));
    expect(countPending(second)).toBe(2);
    expect(levelOf(nth(content.roles), "forecasting", second.get("analyst"))).toBe(3);
    expect(levelOf(nth(content.roles, 1), "forecasting", undefined)).toBeNull();
  });

  it("sends only real changes of roles and competencies that still exist", () => {
    let pending: PendingLevels = new Map();
    pending = withLevel(pending, { roleKey: "analyst", competencyKey: "forecasting", level: 2 });
    pending = withLevel(pending, { roleKey: "senior", competencyKey: "forecasting", level: 3 });
    pending = withLevel(pending, { roleKey: "senior", competencyKey: "gone", level: 3 });
    pending = withLevel(pending, { roleKey: "gone", competencyKey: "forecasting", level: 3 });
    expect(changesOf(pending, content)).toEqual([
      { roleKey: "senior", competencyKey: "forecasting", level: 3 },
    ]);
  });

  it("forgets saved levels unless typed again since", () => {
    let pending: PendingLevels = new Map();
    pending = withLevel(pending, { roleKey: "analyst", competencyKey: "forecasting", level: 3 });
    pending = withLevel(pending, { roleKey: "senior", competencyKey: "forecasting", level: 1 });
    const sent = [
      { roleKey: "analyst", competencyKey: "forecasting", level: 3 },
      { roleKey: "senior", competencyKey: "forecasting", level: 2 },
    ];
    const left = withoutSaved(pending, sent);
    expect(left.has("analyst")).toBe(false);
    expect(left.get("senior")?.get("forecasting")).toBe(1);
  });

  it("applies saved levels, keeping untouched roles as they were", () => {
    const roles = applyLevels(content.roles, [
      { roleKey: "senior", competencyKey: "forecasting", level: 2 },
      { roleKey: "senior", competencyKey: "other", level: null },
    ]);
    expect(roles[0]).toBe(content.roles[0]);
    expect(roles[1]?.expectations).toEqual({ forecasting: 2 });
    expect(
      applyLevels(content.roles, [
        { roleKey: "analyst", competencyKey: "forecasting", level: null },
      ])[0]?.expectations,
    ).toEqual({});
  });
});

describe("visibleRowRange", () => {
  it("draws the rows in view and a margin, within the table", () => {
    expect(visibleRowRange(0, 400, 40, 200, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRowRange(4000, 400, 40, 200, 5)).toEqual({ start: 95, end: 115 });
    expect(visibleRowRange(7800, 400, 40, 200, 5)).toEqual({ start: 190, end: 200 });
  });
});
