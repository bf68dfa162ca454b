import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PathwayStageKey } from "./pathway.schemas.ts";
import {
  addMonths,
  localDateIn,
  stageStatus,
  type Tenure,
  tenureOn,
  tenureQuarterDates,
} from "./tenure.ts";

const dayMs = 86_400_000;

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole months from hire to today, counted the way a person would on a calendar. */
function wholeMonthsElapsed(hireDate: string, today: string): number {
  const [hireYear, hireMonth, hireDay] = hireDate.split("-").map(Number) as [
    number,
    number,
    number,
  ];
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const months = (year - hireYear) * 12 + (month - hireMonth);
  return day < Math.min(hireDay, daysInMonth(year, month)) ? months - 1 : months;
}

function active(tenure: Tenure) {
  if (tenure.status !== "active")
    throw new Error(`expected an active tenure, got ${tenure.status}`);
  return tenure;
}

const hireDate = fc
  .integer({ min: Date.UTC(1990, 0, 1) / dayMs, max: Date.UTC(2040, 11, 31) / dayMs })
  .map((day) => new Date(day * dayMs).toISOString().slice(0, 10));
const laterDays = fc.integer({ min: 0, max: 365 * 40 });

describe("tenureOn properties", () => {
  it("puts today inside the quarter it names, counting from day 1", () => {
    fc.assert(
      fc.property(hireDate, laterDays, (hire, days) => {
        const today = shiftDays(hire, days);
        const tenure = active(tenureOn(hire, today));
        expect(tenure.quarterStart <= today && today <= tenure.quarterEnd).toBe(true);
        expect(tenure.dayInQuarter).toBe(daysBetween(tenure.quarterStart, today) + 1);
      }),
      { numRuns: 2_000 },
    );
  });

  it("agrees with the whole months elapsed since the hire date", () => {
    fc.assert(
      fc.property(hireDate, laterDays, (hire, days) => {
        const today = shiftDays(hire, days);
        const months = wholeMonthsElapsed(hire, today);
        const tenure = active(tenureOn(hire, today));
        expect(tenure.year).toBe(Math.floor(months / 12) + 1);
        expect(tenure.quarter).toBe(Math.floor((months % 12) / 3) + 1);
        expect(tenure.quarterStart).toBe(addMonths(hire, Math.floor(months / 3) * 3));
      }),
      { numRuns: 2_000 },
    );
  });

  it("tiles time with consecutive quarters, no gap and no overlap", () => {
    fc.assert(
      fc.property(hireDate, laterDays, (hire, days) => {
        const tenure = active(tenureOn(hire, shiftDays(hire, days)));
        const next = active(tenureOn(hire, shiftDays(tenure.quarterEnd, 1)));
        const index = (tenure.year - 1) * 4 + tenure.quarter;
        expect((next.year - 1) * 4 + next.quarter).toBe(index + 1);
        expect(next.quarterStart).toBe(shiftDays(tenure.quarterEnd, 1));
        expect(next.dayInQuarter).toBe(1);
        const dates = tenureQuarterDates(hire, tenure.year, tenure.quarter);
        expect(dates).toEqual({ start: tenure.quarterStart, end: tenure.quarterEnd });
        expect(daysBetween(dates.start, dates.end) + 1).toBeGreaterThanOrEqual(89);
        expect(daysBetween(dates.start, dates.end) + 1).toBeLessThanOrEqual(92);
      }),
      { numRuns: 2_000 },
    );
  });

  it("has not started before the hire date", () => {
    fc.assert(
      fc.property(hireDate, fc.integer({ min: 1, max: 3_000 }), (hire, days) => {
        expect(tenureOn(hire, shiftDays(hire, -days))).toEqual({
          status: "not-started",
          startsOn: hire,
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe("tenureOn at quarter boundaries", () => {
  const cases: [string, string, [number, number], string, string][] = [
    // hire date, first day of the quarter, [year, quarter], quarter start, quarter end
    ["2024-01-15", "2024-01-15", [1, 1], "2024-01-15", "2024-04-14"],
    ["2024-01-15", "2024-04-15", [1, 2], "2024-04-15", "2024-07-14"],
    ["2024-01-15", "2024-07-15", [1, 3], "2024-07-15", "2024-10-14"],
    ["2024-01-15", "2024-10-15", [1, 4], "2024-10-15", "2025-01-14"],
    ["2024-01-15", "2025-01-15", [2, 1], "2025-01-15", "2025-04-14"],
    // Hired on the 31st: shorter months clamp to their last day, long months return to the 31st.
    ["2023-01-31", "2023-04-30", [1, 2], "2023-04-30", "2023-07-30"],
    ["2023-01-31", "2023-07-31", [1, 3], "2023-07-31", "2023-10-30"],
    ["2023-01-31", "2023-10-31", [1, 4], "2023-10-31", "2024-01-30"],
    ["2023-01-31", "2024-01-31", [2, 1], "2024-01-31", "2024-04-29"],
    // Hired on a leap day: Feb 28 in common years, Feb 29 again in leap years.
    ["2024-02-29", "2024-05-29", [1, 2], "2024-05-29", "2024-08-28"],
    ["2024-02-29", "2025-02-28", [2, 1], "2025-02-28", "2025-05-28"],
    ["2024-02-29", "2028-02-29", [5, 1], "2028-02-29", "2028-05-28"],
    // Hired on Nov 30: Q2 starts on the last day of February.
    ["2023-11-30", "2024-02-29", [1, 2], "2024-02-29", "2024-05-29"],
    ["2024-11-30", "2025-02-28", [1, 2], "2025-02-28", "2025-05-29"],
    // Hired on Dec 31: quarters cross calendar years.
    ["2023-12-31", "2024-03-31", [1, 2], "2024-03-31", "2024-06-29"],
    ["2023-12-31", "2024-06-30", [1, 3], "2024-06-30", "2024-09-29"],
    ["2023-12-31", "2024-09-30", [1, 4], "2024-09-30", "2024-12-30"],
    ["2023-12-31", "2024-12-31", [2, 1], "2024-12-31", "2025-03-30"],
  ];

  it.each(cases)(
    "hired %s: %s starts Year/Quarter %j",
    (hire, first, [year, quarter], start, end) => {
      expect(tenureOn(hire, first)).toEqual({
        status: "active",
        year,
        quarter,
        quarterStart: start,
        quarterEnd: end,
        dayInQuarter: 1,
      });
      expect(active(tenureOn(hire, shiftDays(first, 1)))).toMatchObject({
        year,
        quarter,
        dayInQuarter: 2,
      });
      if (first !== hire) {
        const before = active(tenureOn(hire, shiftDays(first, -1)));
        expect((before.year - 1) * 4 + before.quarter).toBe((year - 1) * 4 + quarter - 1);
        expect(before.quarterEnd).toBe(shiftDays(first, -1));
      }
    },
  );

  it("starts on the hire date itself and not a day earlier", () => {
    expect(tenureOn("2025-06-01", "2025-06-01")).toMatchObject({
      year: 1,
      quarter: 1,
      dayInQuarter: 1,
    });
    expect(tenureOn("2025-06-01", "2025-05-31")).toEqual({
      status: "not-started",
      startsOn: "2025-06-01",
    });
  });

  it("keeps counting long after the pathway ends", () => {
    expect(tenureOn("2000-03-15", "2025-03-14")).toMatchObject({ year: 25, quarter: 4 });
    expect(tenureOn("2000-03-15", "2025-03-15")).toMatchObject({ year: 26, quarter: 1 });
  });

  it("refuses dates that are not real calendar dates", () => {
    expect(() => tenureOn("2023-02-29", "2024-01-01")).toThrow(RangeError);
    expect(() => tenureOn("2024-01-01", "2024-13-01")).toThrow(RangeError);
    expect(() => tenureOn("2024-1-1", "2024-01-01")).toThrow(/YYYY-MM-DD/);
  });
});

describe("addMonths", () => {
  it("clamps to the end of shorter months without drifting", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-01-31", 2)).toBe("2024-03-31");
    expect(addMonths("2024-12-31", -1)).toBe("2024-11-30");
  });
});

describe("localDateIn", () => {
  const lateEvening = new Date("2024-03-10T23:30:00Z");

  it("gives the member's own calendar date", () => {
    expect(localDateIn("UTC", lateEvening)).toBe("2024-03-10");
    expect(localDateIn("Asia/Tokyo", lateEvening)).toBe("2024-03-11");
    expect(localDateIn("America/Los_Angeles", lateEvening)).toBe("2024-03-10");
    expect(localDateIn("Pacific/Kiritimati", new Date("2024-12-31T10:00:00Z"))).toBe("2025-01-01");
    expect(localDateIn("America/Adak", new Date("2025-01-01T09:59:00Z"))).toBe("2024-12-31");
  });

  it("falls back to UTC for a missing or unknown zone", () => {
    expect(localDateIn("Mars/Olympus_Mons", lateEvening)).toBe("2024-03-10");
    expect(localDateIn("", lateEvening)).toBe("2024-03-10");
    expect(localDateIn(null, lateEvening)).toBe("2024-03-10");
    expect(localDateIn(undefined, lateEvening)).toBe("2024-03-10");
  });

  it("moves a hire into Year 1 on the member's first local day", () => {
    const today = localDateIn("Asia/Tokyo", lateEvening);
    expect(tenureOn("2024-03-11", today)).toMatchObject({ status: "active", year: 1, quarter: 1 });
    expect(tenureOn("2024-03-11", localDateIn("UTC", lateEvening)).status).toBe("not-started");
  });

  it("refuses an invalid instant", () => {
    expect(() => localDateIn("UTC", new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("stageStatus", () => {
  const quarter = (year: number, quarterOfYear: number): PathwayStageKey => ({
    kind: "quarter",
    year,
    quarter: quarterOfYear,
  });
  const considerations: PathwayStageKey = { kind: "considerations", afterYear: 2 };
  const hire = "2024-01-15";

  it.each([
    ["2024-01-15", quarter(1, 1), "current"],
    ["2024-01-15", quarter(1, 2), "upcoming"],
    ["2024-04-15", quarter(1, 1), "past"],
    ["2024-04-15", quarter(1, 2), "current"],
    ["2025-07-20", quarter(1, 4), "past"],
    ["2025-07-20", quarter(2, 3), "current"],
    ["2025-07-20", quarter(2, 4), "upcoming"],
    ["2025-07-20", considerations, "upcoming"],
    ["2026-01-14", considerations, "upcoming"],
    ["2026-01-15", considerations, "current"],
    ["2026-01-15", quarter(2, 4), "past"],
    ["2040-01-01", considerations, "current"],
  ] as const)("on %s, %j is %s", (today, key, status) => {
    expect(stageStatus(key, tenureOn(hire, today), 2)).toBe(status);
  });

  it("shows everything, Year 1 Q1 first, as upcoming before the hire date", () => {
    const tenure = tenureOn(hire, "2023-12-01");
    expect(stageStatus(quarter(1, 1), tenure, 2)).toBe("upcoming");
    expect(stageStatus(considerations, tenure, 2)).toBe("upcoming");
  });

  it("makes considerations current from the start when nothing is scheduled", () => {
    expect(stageStatus({ kind: "considerations", afterYear: 0 }, tenureOn(hire, hire), 0)).toBe(
      "current",
    );
  });
});
