import { describe, expect, it } from "vitest";
import { formatMoney, parseMajorAmount, toMajorText } from "./benefits-money.ts";

describe("benefit money", () => {
  it("reads amounts typed in major units with the currency's own digits", () => {
    expect(parseMajorAmount("1,234.5", "EUR")).toBe(123_450);
    expect(parseMajorAmount("450", "EUR")).toBe(45_000);
    expect(parseMajorAmount("1000", "JPY")).toBe(1000);
    expect(parseMajorAmount("10.5", "JPY")).toBeNull();
    expect(parseMajorAmount("1.2345", "EUR")).toBeNull();
    expect(parseMajorAmount("-5", "EUR")).toBeNull();
    expect(parseMajorAmount("abc", "EUR")).toBeNull();
  });

  it("shows minor units with Intl.NumberFormat", () => {
    expect(formatMoney(123_450, "EUR", "en-US")).toBe("€1,234.50");
    expect(formatMoney(-1_000, "USD", "en-US")).toBe("-$10.00");
    expect(toMajorText(45_000, "EUR")).toBe("450.00");
  });
});
