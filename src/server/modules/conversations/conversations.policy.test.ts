import { describe, expect, it } from "vitest";
import {
  type ConversationFacts,
  conversationPolicies,
  roleIn,
  ticksItemsAfterHeld,
} from "./conversations.policy.ts";

const facts = (overrides: Partial<ConversationFacts> = {}): ConversationFacts => ({
  conversationId: "c",
  memberId: "member",
  memberActive: true,
  managerId: "manager",
  memberManagerId: "manager",
  status: "scheduled",
  guestIds: ["mentor"],
  ...overrides,
});
const as = (personId: string, role: "member" | "admin" = "member") => ({ personId, role });

describe("conversation policy", () => {
  it.each([
    ["member", "scheduled", "member", true, true],
    ["manager", "scheduled", "manager", true, true],
    ["mentor", "scheduled", "guest", true, false],
    ["admin", "scheduled", null, false, false],
    ["skip", "scheduled", null, false, false],
  ] as const)(
    "%s of a %s conversation: role %s, read %s, edit %s",
    (who, status, role, read, edit) => {
      const actor = as(who, who === "admin" ? "admin" : "member");
      const subject = facts({ status });
      expect(roleIn(actor, subject)).toBe(role);
      expect(conversationPolicies.read(actor, subject)).toBe(read);
      expect(conversationPolicies.edit(actor, subject)).toBe(edit);
    },
  );

  it("gives a former manager read access to held conversations only, and no edits", () => {
    const changed = { memberManagerId: "new-manager" };
    expect(conversationPolicies.read(as("manager"), facts({ ...changed, status: "held" }))).toBe(
      true,
    );
    expect(conversationPolicies.read(as("manager"), facts({ ...changed }))).toBe(false);
    expect(conversationPolicies.edit(as("manager"), facts({ ...changed, status: "held" }))).toBe(
      false,
    );
    expect(ticksItemsAfterHeld(as("manager"), facts({ ...changed, status: "held" }))).toBe(false);
  });

  it("lets the participants tick items off once held, nobody else", () => {
    const held = facts({ status: "held" });
    expect(ticksItemsAfterHeld(as("member"), held)).toBe(true);
    expect(ticksItemsAfterHeld(as("manager"), held)).toBe(true);
    expect(ticksItemsAfterHeld(as("mentor"), held)).toBe(false);
    expect(ticksItemsAfterHeld(as("member"), facts({ status: "cancelled" }))).toBe(false);
  });
});
