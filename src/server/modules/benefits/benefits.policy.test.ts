import { describe, expect, it } from "vitest";
import type { BenefitRequestStatus } from "#core/benefits.schemas.ts";
import { type BenefitRequestFacts, benefitPolicies, type PolicyActor } from "./benefits.policy.ts";

const member: PolicyActor = { personId: "member", role: "member" };
const manager: PolicyActor = { personId: "manager", role: "member" };
const skipLevel: PolicyActor = { personId: "skip", role: "member" };
const ld: PolicyActor = { personId: "ld", role: "admin" };

const facts = (
  status: BenefitRequestStatus,
  overrides: Partial<BenefitRequestFacts> = {},
): BenefitRequestFacts => ({
  requestId: "request",
  memberId: "member",
  memberActive: true,
  memberManagerId: "manager",
  status,
  ...overrides,
});

describe("benefit policies", () => {
  it.each([
    [member, true],
    [manager, true],
    [ld, true],
    [skipLevel, false],
  ] as const)("read by %o: %s", (actor, allowed) => {
    expect(benefitPolicies.read(actor, facts("pending_manager"))).toBe(allowed);
  });

  it("loses the manager's reading when the requester leaves or changes manager", () => {
    expect(benefitPolicies.read(manager, facts("approved", { memberActive: false }))).toBe(false);
    expect(benefitPolicies.read(manager, facts("approved", { memberManagerId: "other" }))).toBe(
      false,
    );
  });

  it.each([
    ["pending_manager", true, false],
    ["pending_ld", false, true],
    ["approved", false, false],
    ["declined", false, false],
  ] as const)("while %s: manager decides %s, L&D decides %s", (status, byManager, byLd) => {
    expect(benefitPolicies.managerDecide(manager, facts(status))).toBe(byManager);
    expect(benefitPolicies.ldDecide(ld, facts(status))).toBe(byLd);
  });

  it("sends a request without a manager to L&D, and lets nobody decide their own", () => {
    expect(benefitPolicies.ldDecide(ld, facts("pending_manager", { memberManagerId: null }))).toBe(
      true,
    );
    const ownRequest = facts("pending_ld", { memberId: "ld", memberManagerId: null });
    expect(benefitPolicies.ldDecide(ld, ownRequest)).toBe(false);
    expect(benefitPolicies.markPaid(ld, { ...ownRequest, status: "approved" })).toBe(false);
  });

  it("lets the requester withdraw only while pending and add receipts until it ends", () => {
    expect(benefitPolicies.withdraw(member, facts("pending_ld"))).toBe(true);
    expect(benefitPolicies.withdraw(member, facts("approved"))).toBe(false);
    expect(benefitPolicies.addReceipt(member, facts("paid"))).toBe(true);
    expect(benefitPolicies.addReceipt(member, facts("declined"))).toBe(false);
    expect(benefitPolicies.addReceipt(manager, facts("paid"))).toBe(false);
  });
});
