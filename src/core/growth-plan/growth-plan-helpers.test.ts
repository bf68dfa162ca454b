import { describe, expect, it } from "vitest";
import { isSafeLinkDestination, removeUnsafeLinks, sanitizeMarkdown } from "../safe-markdown.ts";
import { addMonths, scheduledCheckIns } from "./check-ins.ts";
import { summarizeEnergy, tendencyOf } from "./energy-summary.ts";

describe("safe Markdown for exports", () => {
  it.each([
    ["https://example.com", true],
    ["http://example.com", true],
    ["mailto:a@example.com", true],
    ["javascript:alert(1)", false],
    ["JAVASCRIPT:alert(1)", false],
    ["java\tscript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["data:text/html,x", false],
    ["vbscript:x", false],
    ["/relative", false],
    ["", false],
  ])("%j is safe: %s", (destination, safe) => {
    expect(isSafeLinkDestination(destination)).toBe(safe);
  });

  it("keeps link text and drops unsafe destinations, nested parentheses included", () => {
    expect(removeUnsafeLinks("[a](javascript:alert(1)) and [b](https://x.example/(y))")).toBe(
      "[a] and [b](https://x.example/(y))",
    );
    expect(removeUnsafeLinks("[r][x]\n\n[x]: javascript:alert(1)\n[y]: https://ok.example")).toBe(
      "[r][x]\n\n[y]: https://ok.example",
    );
  });

  it("escapes raw HTML", () => {
    expect(sanitizeMarkdown('<img src=x onerror="alert(1)"> & co')).toBe(
      '&lt;img src=x onerror="alert(1)"&gt; &amp; co',
    );
  });
});

describe("check-in schedule", () => {
  it("produces dated check-ins at each cadence, clamping to month ends", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    const due = scheduledCheckIns(
      [
        { id: "m", cadence: "monthly", label: "Monthly reflection", startsOn: "2026-01-31" },
        { id: "q", cadence: "quarterly", label: "Quarterly review", startsOn: "2026-01-15" },
      ],
      { from: "2026-02-01", to: "2026-04-30" },
    );
    expect(due.map((item) => `${item.dueOn} ${item.scheduleId}`)).toEqual([
      "2026-02-28 m",
      "2026-03-31 m",
      "2026-04-15 q",
      "2026-04-30 m",
    ]);
  });
});

describe("energy summary", () => {
  it("averages by activity and tag, with tendencies on the 5-point scale", () => {
    expect([tendencyOf(3.5), tendencyOf(3), tendencyOf(2.5)]).toEqual([
      "energizes",
      "neutral",
      "drains",
    ]);
    const summary = summarizeEnergy(
      [
        { at: "2026-03-02T10:00:00.000Z", level: 2, activity: "Meetings", tags: ["people"] },
        { at: "2026-03-01T10:00:00.000Z", level: 5, activity: "Writing", tags: ["focus", "focus"] },
        { at: "2026-03-02T12:00:00.000Z", level: 3, activity: "meetings", tags: ["people"] },
      ],
      { from: "2026-03-01", to: "2026-03-02" },
    );
    expect(summary.averageLevel).toBe(3.33);
    expect(summary.byActivity).toEqual([
      { label: "Writing", averageLevel: 5, count: 1, tendency: "energizes" },
      { label: "Meetings", averageLevel: 2.5, count: 2, tendency: "drains" },
    ]);
    expect(summary.byTag.map((group) => [group.label, group.count])).toEqual([
      ["focus", 1],
      ["people", 2],
    ]);
    expect(summary.byDay).toEqual([
      { day: "2026-03-01", averageLevel: 5, count: 1 },
      { day: "2026-03-02", averageLevel: 2.5, count: 2 },
    ]);
  });
});
