import { describe, expect, it } from "vitest";
import { invitationBlocker, invitationPolicies } from "./invitations.policy.ts";

describe("invitations policy", () => {
  it.each([
    { role: "admin", expected: true },
    { role: "member", expected: false },
  ] as const)("a $role may create invitations: $expected", ({ role, expected }) => {
    expect(invitationPolicies.create({ personId: "p", role })).toBe(expected);
  });

  it.each([
    { status: "active", hasPassword: false, expected: null },
    { status: "active", hasPassword: true, expected: "has-password" },
    { status: "deactivated", hasPassword: false, expected: "deactivated" },
    { status: "deactivated", hasPassword: true, expected: "deactivated" },
  ] as const)("$status person, password $hasPassword: blocked by $expected", (person) => {
    expect(invitationBlocker(person)).toBe(person.expected);
    expect(invitationPolicies.redeem(person)).toBe(person.expected === null);
  });
});
