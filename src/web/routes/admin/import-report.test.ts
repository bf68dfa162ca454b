import { describe, expect, it } from "vitest";
import type { ImportRowResult } from "#core/people-import.schemas.ts";
import { describeRow, pageOfRows, rejectedRowNumbers } from "./import-report.ts";

function row(number: number, action: ImportRowResult["action"]): ImportRowResult {
  return { row: number, email: `p${number}@example.com`, action, changes: [], problems: [] };
}

describe("pageOfRows", () => {
  const rows = Array.from({ length: 250 }, (_, index) =>
    row(index + 2, index % 50 === 0 ? "reject" : "create"),
  );

  it("pages all rows a hundred at a time", () => {
    const last = pageOfRows(rows, "all", 3);
    expect(last.pageCount).toBe(3);
    expect(last.rows).toHaveLength(50);
    expect(last.rows[0]?.row).toBe(202);
  });

  it("keeps only the chosen outcome and clamps the page", () => {
    const rejected = pageOfRows(rows, "reject", 9);
    expect(rejected.pageCount).toBe(1);
    expect(rejected.rows.map((r) => r.row)).toEqual([2, 52, 102, 152, 202]);
  });
});

describe("describeRow", () => {
  it("names the column of each problem", () => {
    expect(
      describeRow({
        ...row(3, "reject"),
        problems: [
          { column: "email", message: "Enter a valid email address" },
          { column: null, message: "Reporting cycle: a → b → a" },
        ],
      }),
    ).toEqual(["email: Enter a valid email address", "Reporting cycle: a → b → a"]);
  });

  it("lists what an update changes", () => {
    expect(describeRow({ ...row(4, "update"), changes: ["team", "job_title"] })).toEqual([
      "Changes team, job_title",
    ]);
    expect(describeRow(row(5, "create"))).toEqual([]);
  });
});

describe("rejectedRowNumbers", () => {
  it("reads row numbers from field paths, in order", () => {
    expect(rejectedRowNumbers({ "rows.12": "x", csv: "y", "rows.3": "z" })).toEqual([3, 12]);
    expect(rejectedRowNumbers(undefined)).toEqual([]);
  });
});
