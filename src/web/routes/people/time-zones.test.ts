import { describe, expect, it } from "vitest";
import { timeZoneOptions } from "./time-zones.ts";

describe("timeZoneOptions", () => {
  it("lists the platform's zones with UTC", () => {
    const zones = timeZoneOptions(null);
    expect(zones).toContain("Europe/Paris");
    expect(zones).toContain("UTC");
  });

  it("keeps a saved zone the platform does not list", () => {
    expect(timeZoneOptions("Etc/Legacy")[0]).toBe("Etc/Legacy");
  });
});
