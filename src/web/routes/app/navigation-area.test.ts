import { describe, expect, it } from "vitest";
import { activeArea } from "./navigation-area.ts";

const everyone = ["/", "/pathway", "/growth-plans", "/people", "/team", "/growth-plans/shared"];
const none = { claimed: null, sharedPlanIds: new Set<string>() };

describe("activeArea", () => {
  it("is Home only on the home page", () => {
    expect(activeArea("/", everyone, none)).toBe("/");
    expect(activeArea("/account", everyone, none)).toBeNull();
  });

  it("is the destination the path starts with", () => {
    expect(activeArea("/pathway", everyone, none)).toBe("/pathway");
    expect(activeArea("/people/abc/org", everyone, none)).toBe("/people");
    expect(activeArea("/growth-plans/p1", everyone, none)).toBe("/growth-plans");
    expect(activeArea("/pathwayish", everyone, none)).toBeNull();
  });

  it("puts “Shared with me” and every plan shared with the reader under “Shared with me”", () => {
    const shared = { claimed: null, sharedPlanIds: new Set(["p2"]) };
    expect(activeArea("/growth-plans/shared", everyone, shared)).toBe("/growth-plans/shared");
    expect(activeArea("/growth-plans/p2", everyone, shared)).toBe("/growth-plans/shared");
    expect(activeArea("/growth-plans/p2/history", everyone, shared)).toBe("/growth-plans/shared");
    expect(activeArea("/growth-plans/p1", everyone, shared)).toBe("/growth-plans");
  });

  it("follows a page's claim when the navigation offers it", () => {
    const claimed = { claimed: "/team", sharedPlanIds: new Set<string>() };
    expect(activeArea("/people/abc", everyone, claimed)).toBe("/team");
    expect(activeArea("/people/abc", ["/", "/people"], claimed)).toBe("/people");
  });
});
