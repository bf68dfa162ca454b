import { describe, expect, it } from "vitest";
import { fiscalYearOf, fiscalYearStartingIn, lastStartDayOf } from "./benefits-fiscal-year.ts";

describe("benefit fiscal years", () => {
  it("runs a calendar year when it starts on 1 January", () => {
    expect(fiscalYearOf("2026-12-31", { month: 1, day: 1 })).toEqual({
      year: 2026,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      label: "2026",
    });
  });

  it("puts the days before a 1 February start into the year before", () => {
    const start = { month: 2, day: 1 };
    expect(fiscalYearOf("2026-01-31", start).label).toBe("2025–26");
    expect(fiscalYearOf("2026-02-01", start)).toEqual({
      year: 2026,
      startsOn: "2026-02-01",
      endsOn: "2027-01-31",
      label: "2026–27",
    });
  });

  it("ends the day before the next start, across a leap day and a new century", () => {
    expect(fiscalYearStartingIn(2027, { month: 3, day: 1 }).endsOn).toBe("2028-02-29");
    expect(fiscalYearStartingIn(2099, { month: 7, day: 15 }).label).toBe("2099–00");
  });

  it("never starts a year on a day some months lack", () => {
    expect([lastStartDayOf(2), lastStartDayOf(4), lastStartDayOf(12)]).toEqual([28, 30, 31]);
  });
});
