import { describe, expect, it } from "vitest";
import { coveredBy, scoreMatch, workingHoursOverlap, zoneOffsetMinutes } from "./matching.ts";

const winter = new Date("2027-01-15T12:00:00Z");

describe("mentor matching score", () => {
  it("counts skills wanted the mentor offers, case and spacing aside", () => {
    expect(
      coveredBy(["Negotiation", "public  speaking", "SQL"], ["negotiation", "Public speaking"]),
    ).toEqual(["Negotiation", "public  speaking"]);
  });

  it("knows the offset of a zone on a given day, summer time included", () => {
    expect(zoneOffsetMinutes("UTC", winter)).toBe(0);
    expect(zoneOffsetMinutes("Europe/Paris", winter)).toBe(60);
    expect(zoneOffsetMinutes("Europe/Paris", new Date("2027-07-15T12:00:00Z"))).toBe(120);
    expect(zoneOffsetMinutes("America/New_York", winter)).toBe(-300);
    expect(zoneOffsetMinutes("Asia/Kolkata", winter)).toBe(330);
    expect(zoneOffsetMinutes("Not/AZone", winter)).toBeNull();
  });

  it("shares working hours across zones, across midnight too", () => {
    expect(workingHoursOverlap(0, 0)).toBe(8);
    expect(workingHoursOverlap(60, -300)).toBe(2);
    expect(workingHoursOverlap(0, 600)).toBe(0);
    expect(workingHoursOverlap(-600, 780)).toBe(7);
  });

  it("explains each part and adds them up", () => {
    const { score, parts } = scoreMatch(
      {
        skills: ["Negotiation", "Coaching"],
        timeZone: "Europe/Paris",
        division: "Sales",
        capacity: 3,
        matched: 1,
      },
      {
        skillsWanted: ["negotiation", "SQL"],
        gaps: ["Coaching"],
        timeZone: "Europe/London",
        division: "Engineering",
      },
      winter,
    );
    expect(parts).toEqual([
      { key: "skills", points: 15, max: 45, reason: "Offers 1 skill wanted: negotiation" },
      { key: "gaps", points: 10, max: 20, reason: "Matches a gap in Coaching" },
      { key: "timeZone", points: 14, max: 16, reason: "7 working hours overlap (UTC+1 and UTC+0)" },
      {
        key: "division",
        points: 10,
        max: 10,
        reason: "Different division (Sales and Engineering)",
      },
      { key: "capacity", points: 10, max: 10, reason: "2 places left of 3" },
    ]);
    expect(score).toBe(59);
  });

  it("gives nothing for the same division, an unknown zone or no gaps", () => {
    const { parts } = scoreMatch(
      { skills: ["Design"], timeZone: "UTC", division: "Sales", capacity: 1, matched: 0 },
      { skillsWanted: ["SQL"], gaps: [], timeZone: null, division: "sales" },
      winter,
    );
    expect(parts.map((part) => [part.key, part.points, part.reason])).toEqual([
      ["skills", 0, "Offers none of the skills wanted"],
      ["gaps", 0, "No gaps from a career assessment"],
      ["timeZone", 0, "The mentee's time zone is not known"],
      ["division", 0, "Same division (Sales)"],
      ["capacity", 5, "1 place left of 1"],
    ]);
  });
});
