import { describe, expect, it } from "vitest";
import { calendarRange, dayOf, longWhen, stepAnchor, timeSpan } from "./calendar-range.ts";

describe("calendar ranges in the viewer's zone", () => {
  it("gives the month grid whole weeks from Monday, as UTC instants of the zone's midnights", () => {
    const range = calendarRange("month", "2026-03-15", "Europe/Paris");
    expect(range.days[0]).toBe("2026-02-23");
    expect(range.days.at(-1)).toBe("2026-04-05");
    expect(range.days).toHaveLength(42);
    expect(range.from).toBe("2026-02-22T23:00:00.000Z");
    // Summer time started on 29 March: midnight of 6 April is 22:00 UTC.
    expect(range.to).toBe("2026-04-05T22:00:00.000Z");
    expect(range.label).toBe("March 2026");
  });

  it("gives a week Monday to Sunday and a list of sixty days", () => {
    expect(calendarRange("week", "2026-03-12", "UTC").days).toEqual([
      "2026-03-09",
      "2026-03-10",
      "2026-03-11",
      "2026-03-12",
      "2026-03-13",
      "2026-03-14",
      "2026-03-15",
    ]);
    expect(calendarRange("list", "2026-03-12", "UTC").days).toHaveLength(60);
    expect(stepAnchor("month", "2026-01-31", 1)).toBe("2026-02-28");
    expect(stepAnchor("week", "2026-03-12", -1)).toBe("2026-03-05");
  });

  it("puts a session on the day and hour it is where the viewer is", () => {
    const start = "2026-03-10T23:30:00.000Z";
    const end = "2026-03-11T00:30:00.000Z";
    expect(dayOf(start, "America/Los_Angeles")).toBe("2026-03-10");
    expect(dayOf(start, "Asia/Tokyo")).toBe("2026-03-11");
    expect(timeSpan(start, end, "Asia/Tokyo")).toBe("08:30–09:30");
    expect(longWhen(start, end, "Europe/Paris")).toBe(
      "Wednesday 11 March 2026, 00:30–01:30 (Europe/Paris)",
    );
  });
});
