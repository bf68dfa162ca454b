import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatTimeIn, parseTypedDate } from "./dates.ts";

describe("formatCalendarDate", () => {
  it("shows the same day whatever the reader's time zone", () => {
    expect(formatCalendarDate("2024-03-01", "en-US")).toBe("Mar 1, 2024");
  });

  it("returns text it cannot read unchanged", () => {
    expect(formatCalendarDate("someday", "en-US")).toBe("someday");
  });
});

describe("formatTimeIn", () => {
  const noonUtc = new Date("2024-01-15T12:00:00Z");

  it("gives the local time and its offset", () => {
    expect(formatTimeIn("Asia/Tokyo", noonUtc, "en-GB")).toBe("21:00 (GMT+9)");
    // ICU versions differ on whether a zero offset is written "GMT" or "GMT+0".
    expect(formatTimeIn("UTC", noonUtc, "en-GB")).toMatch(/^12:00 \(GMT(\+0)?\)$/);
  });

  it("answers null for a zone the platform does not know", () => {
    expect(formatTimeIn("Mars/Olympus_Mons", noonUtc, "en-GB")).toBeNull();
  });
});

describe("parseTypedDate", () => {
  it("reads the ISO form and refuses a day that does not exist", () => {
    expect(parseTypedDate("2027-05-30")).toBe("2027-05-30");
    expect(parseTypedDate("2027-02-30")).toBeNull();
  });

  it("reads the form the app shows", () => {
    expect(parseTypedDate("May 30, 2027", "en-US")).toBe("2027-05-30");
  });

  it("reads a numeric date in the order of the reader's locale", () => {
    expect(parseTypedDate("5/30/2027", "en-US")).toBe("2027-05-30");
    expect(parseTypedDate("30/05/2027", "en-GB")).toBe("2027-05-30");
    expect(parseTypedDate("30/05/2027", "en-US")).toBeNull();
  });

  it("answers null for text that names no day", () => {
    expect(parseTypedDate("")).toBeNull();
    expect(parseTypedDate("someday")).toBeNull();
  });
});
