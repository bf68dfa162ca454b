// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import { largeContent, nth, sampleContent } from "./career-framework.testing.ts";
import { type LevelChange, type PendingLevels, withLevel } from "./expectations-grid.ts";
import { ExpectationsTable } from "./expectations-grid-table.tsx";

afterEach(cleanup);

/** The table as the page uses it: typed levels are kept as pending, like the save hook does. */
function Harness({
  content,
  onType,
}: {
  content: FrameworkContent;
  onType: (c: LevelChange) => void;
}) {
  const [pending, setPending] = useState<PendingLevels>(new Map());
  return (
    <ExpectationsTable
      content={content}
      pending={pending}
      onType={(change) => {
        onType(change);
        setPending((current) => withLevel(current, change));
      }}
    />
  );
}

function threeByThree(): FrameworkContent {
  const content = largeContent(3, 3);
  nth(content.roles).expectations = { c1: 2 };
  return content;
}

describe("the expectations grid", () => {
  it("is a grid with column and row headers and one cell in the tab order", () => {
    render(<Harness content={threeByThree()} onType={() => undefined} />);
    const grid = screen.getByRole("grid", { name: /expected level/i });
    expect(grid.getAttribute("aria-rowcount")).toBe("5");
    expect(screen.getByRole("columnheader", { name: "Competency 2" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "Role 3" })).toBeTruthy();
    const cells = screen.getAllByRole("gridcell");
    expect(cells).toHaveLength(9);
    expect(cells.filter((cell) => cell.tabIndex === 0)).toHaveLength(1);
    expect(cells[0]?.getAttribute("aria-label")).toBe("Role 1, Competency 1: 2 Developing");
  });

  it("moves focus with the arrow keys and sets and clears levels from the keyboard", () => {
    const onType = vi.fn();
    render(<Harness content={threeByThree()} onType={onType} />);
    const first = screen.getByRole("gridcell", { name: "Role 1, Competency 1: 2 Developing" });
    first.focus();

    fireEvent.keyDown(first, { key: "ArrowDown" });
    const below = screen.getByRole("gridcell", { name: "Role 2, Competency 1: not expected" });
    expect(document.activeElement).toBe(below);
    expect(below.tabIndex).toBe(0);
    expect(first.tabIndex).toBe(-1);

    fireEvent.keyDown(below, { key: "3" });
    expect(onType).toHaveBeenLastCalledWith({ roleKey: "r2", competencyKey: "c1", level: 3 });
    expect(
      screen.getByRole("gridcell", { name: "Role 2, Competency 1: 3 Proficient (not saved yet)" }),
    ).toBeTruthy();
    // A digit moves on to the next competency, so a row is filled by typing.
    expect(document.activeElement?.getAttribute("aria-label")).toBe(
      "Role 2, Competency 2: not expected",
    );

    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
    fireEvent.keyDown(document.activeElement as Element, { key: "Delete" });
    expect(onType).toHaveBeenLastCalledWith({ roleKey: "r2", competencyKey: "c1", level: null });
    expect(document.activeElement?.getAttribute("aria-label")).toBe(
      "Role 2, Competency 1: not expected (not saved yet)",
    );
  });

  it("ignores digits beyond the scale", () => {
    const onType = vi.fn();
    render(<Harness content={threeByThree()} onType={onType} />);
    const first = nth(screen.getAllByRole("gridcell"));
    fireEvent.keyDown(first, { key: "7" });
    expect(onType).not.toHaveBeenCalled();
  });

  it("draws only the rows in view of a 200 × 100 framework and reaches the last one", () => {
    render(<Harness content={largeContent(200, 100)} onType={() => undefined} />);
    const grid = screen.getByRole("grid");
    expect(grid.getAttribute("aria-rowcount")).toBe("202");
    const drawnRows = screen.getAllByRole("rowheader").length;
    expect(drawnRows).toBeLessThan(60);

    const first = nth(screen.getAllByRole("gridcell"));
    first.focus();
    fireEvent.keyDown(first, { key: "End", ctrlKey: true });
    expect(document.activeElement?.getAttribute("aria-label")).toBe(
      "Role 200, Competency 100: not expected",
    );
  });

  it("clicking a cell makes it the one in the tab order", () => {
    render(<Harness content={sampleContent()} onType={() => undefined} />);
    const cell = screen.getByRole("gridcell");
    fireEvent.click(cell);
    expect(cell.tabIndex).toBe(0);
  });
});
