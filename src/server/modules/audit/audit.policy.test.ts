import { describe, expect, it } from "vitest";
import { auditPolicies } from "./audit.policy.ts";

describe("audit policy", () => {
  it.each([
    { role: "admin", expected: true },
    { role: "member", expected: false },
  ] as const)("a $role may read the audit log: $expected", ({ role, expected }) => {
    expect(auditPolicies.read({ role })).toBe(expected);
  });
});
