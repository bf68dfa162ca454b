import { describe, expect, it } from "vitest";
import { cadenceOf, defaultCadence } from "./cadence.ts";

const base = {
  hireDate: "2026-01-10",
  lastHeldOn: null,
  agreedNextDate: null,
  nextScheduledOn: null,
};

describe("cadenceOf", () => {
  it("is due 90 days after the hire date before any conversation is held", () => {
    expect(cadenceOf({ ...base, today: "2026-03-01" }, defaultCadence)).toEqual({
      nextDueOn: "2026-04-10",
      overdue: false,
    });
    expect(cadenceOf({ ...base, today: "2026-04-11" }, defaultCadence).overdue).toBe(true);
  });

  it("is due six months after the last held one, or earlier on the agreed date", () => {
    const held = { ...base, lastHeldOn: "2026-05-31", today: "2026-06-01" };
    expect(cadenceOf(held, defaultCadence).nextDueOn).toBe("2026-11-30");
    expect(cadenceOf({ ...held, agreedNextDate: "2026-09-01" }, defaultCadence).nextDueOn).toBe(
      "2026-09-01",
    );
    expect(cadenceOf({ ...held, agreedNextDate: "2027-03-01" }, defaultCadence).nextDueOn).toBe(
      "2026-11-30",
    );
  });

  it("is not overdue when one is scheduled on or before the due date", () => {
    const late = { ...base, today: "2026-05-01" };
    expect(cadenceOf({ ...late, nextScheduledOn: "2026-04-09" }, defaultCadence).overdue).toBe(
      false,
    );
    expect(cadenceOf({ ...late, nextScheduledOn: "2026-05-20" }, defaultCadence).overdue).toBe(
      true,
    );
  });

  it("knows nothing without a hire date or a held conversation", () => {
    expect(cadenceOf({ ...base, hireDate: null, today: "2026-05-01" }, defaultCadence)).toEqual({
      nextDueOn: null,
      overdue: false,
    });
  });
});
