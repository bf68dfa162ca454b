import { describe, expect, it } from "vitest";
import { managerWorkspacePolicies } from "./manager-workspace.policy.ts";

const actor = { personId: "me", role: "member" as const };
const admin = { personId: "admin", role: "admin" as const };

describe("manager workspace rules", () => {
  it("lets everyone read their own workspace", () => {
    expect(managerWorkspacePolicies.readOwn(actor)).toBe(true);
    expect(managerWorkspacePolicies.readOwn(admin)).toBe(true);
  });

  it.each([
    { who: "own subtree", reader: actor, managerId: "me", belowActor: false, allowed: true },
    { who: "a manager below", reader: actor, managerId: "lead", belowActor: true, allowed: true },
    {
      who: "a manager elsewhere",
      reader: actor,
      managerId: "other",
      belowActor: false,
      allowed: false,
    },
    {
      who: "an admin outside",
      reader: admin,
      managerId: "lead",
      belowActor: false,
      allowed: false,
    },
  ])("subtree: $who → $allowed", ({ reader, managerId, belowActor, allowed }) => {
    expect(managerWorkspacePolicies.readSubtree(reader, { managerId, belowActor })).toBe(allowed);
  });
});
