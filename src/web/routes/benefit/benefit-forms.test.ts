import { describe, expect, it } from "vitest";
import {
  benefitRequestDefaults,
  benefitRequestForm,
  benefitSettingsForm,
} from "./benefit-forms.ts";

describe("benefit forms", () => {
  it("sends the cost typed in major units as minor units of the budget's currency", () => {
    const parsed = benefitRequestForm("EUR").parse({
      ...benefitRequestDefaults,
      title: "Course",
      provider: "School",
      costMinor: "1,250.5",
      startsOn: "2026-05-01",
      goalId: "",
      link: " ",
    });
    expect(parsed).toMatchObject({
      costMinor: 125_050,
      currency: "EUR",
      link: null,
      goalId: null,
      endsOn: null,
    });
  });

  it("puts each problem under its field", () => {
    const result = benefitRequestForm("JPY").safeParse({
      ...benefitRequestDefaults,
      title: "Course",
      provider: "School",
      costMinor: "10.5",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["costMinor", "startsOn"]));
  });

  it("reads the settings' amount in the currency typed beside it", () => {
    expect(
      benefitSettingsForm.parse({
        baseVersion: 2,
        amountMinor: "1500",
        currency: "eur",
        fiscalYearStartMonth: "4",
        fiscalYearStartDay: 6,
      }),
    ).toEqual({
      baseVersion: 2,
      amountMinor: 150_000,
      currency: "EUR",
      fiscalYearStartMonth: 4,
      fiscalYearStartDay: 6,
    });
  });
});
