import { describe, expect, it } from "vitest";
import type { ApplicationStatus } from "#core/shadow-programs.schemas.ts";
import {
  type ApplicationFacts,
  type PolicyActor,
  seesMotivation,
  shadowApplicationPolicies,
  shadowProgramPolicies,
} from "./shadow-programs.policy.ts";

const actor = (personId: string, role: PolicyActor["role"] = "member"): PolicyActor => ({
  personId,
  role,
});

const facts = (status: ApplicationStatus, changes: Partial<ApplicationFacts> = {}) => ({
  applicationId: "application",
  applicantId: "applicant",
  applicantActive: true,
  applicantManagerId: "manager",
  status,
  ownerIds: ["owner"],
  ...changes,
});

const applicant = actor("applicant");
const manager = actor("manager");
const owner = actor("owner");
const admin = actor("admin", "admin");
const peer = actor("peer");

describe("shadow application policies", () => {
  it.each([
    ["applicant", applicant, true],
    ["current manager", manager, true],
    ["owner", owner, true],
    ["admin", admin, true],
    ["peer", peer, false],
  ] as const)("read by the %s: %s", (_who, who, allowed) => {
    expect(shadowApplicationPolicies.read(who, facts("pending_owner"))).toBe(allowed);
  });

  it("takes the application from a manager once the applicant is someone else's report or gone", () => {
    expect(
      shadowApplicationPolicies.read(
        manager,
        facts("pending_owner", { applicantManagerId: "other" }),
      ),
    ).toBe(false);
    expect(
      shadowApplicationPolicies.read(manager, facts("pending_owner", { applicantActive: false })),
    ).toBe(false);
  });

  it.each([
    ["pending_manager", true],
    ["pending_owner", false],
    ["confirmed", false],
  ] as const)("shows the motivation to the manager while %s: %s", (status, shown) => {
    expect(seesMotivation(manager, facts(status))).toBe(shown);
    expect(seesMotivation(owner, facts(status))).toBe(true);
    expect(seesMotivation(applicant, facts(status))).toBe(true);
  });

  it.each([
    ["decideAsManager", manager, "pending_manager", true],
    ["decideAsManager", owner, "pending_manager", false],
    ["decideAsManager", manager, "pending_owner", false],
    ["decideAsOwner", owner, "pending_owner", true],
    ["decideAsOwner", owner, "pending_manager", false],
    ["decideAsOwner", admin, "confirmed", true],
    ["decideAsOwner", manager, "pending_owner", false],
    ["withdraw", applicant, "confirmed", true],
    ["withdraw", applicant, "completed", false],
    ["withdraw", owner, "pending_owner", false],
    ["complete", owner, "confirmed", true],
    ["complete", owner, "waitlisted", false],
    ["complete", applicant, "confirmed", false],
  ] as const)("%s by %o while %s: %s", (rule, who, status, allowed) => {
    expect(shadowApplicationPolicies[rule](who, facts(status))).toBe(allowed);
  });
});

describe("shadow program policies", () => {
  const program = (archived: boolean) => ({ programId: "p", ownerIds: ["owner"], archived });

  it("hides an archived program from all but its owners and admins", () => {
    expect(shadowProgramPolicies.read(peer, program(true))).toBe(false);
    expect(shadowProgramPolicies.read(owner, program(true))).toBe(true);
    expect(shadowProgramPolicies.read(admin, program(true))).toBe(true);
    expect(shadowProgramPolicies.apply(peer, program(true))).toBe(false);
    expect(shadowProgramPolicies.apply(peer, program(false))).toBe(true);
  });

  it("lets owners and admins manage rotations, and admins alone edit the program", () => {
    expect(shadowProgramPolicies.manageRotations(owner, program(false))).toBe(true);
    expect(shadowProgramPolicies.manageRotations(peer, program(false))).toBe(false);
    expect(shadowProgramPolicies.edit(owner, program(false))).toBe(false);
    expect(shadowProgramPolicies.edit(admin, program(false))).toBe(true);
    expect(shadowProgramPolicies.create(admin)).toBe(true);
    expect(shadowProgramPolicies.create(owner)).toBe(false);
  });
});
