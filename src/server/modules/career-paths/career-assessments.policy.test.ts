import { describe, expect, it } from "vitest";
import {
  type AssessmentFacts,
  careerAssessmentPolicies,
  isSharedWithManager,
} from "./career-assessments.policy.ts";

const member = (personId: string) => ({ personId, role: "member" as const });
const admin = (personId: string) => ({ personId, role: "admin" as const });

const facts = (overrides: Partial<AssessmentFacts> = {}): AssessmentFacts => ({
  assessmentId: "assessment",
  ownerId: "owner",
  ownerActive: true,
  ownerManagerId: "boss",
  status: "finished",
  sharedWithManager: true,
  ...overrides,
});

type Row = {
  who: string;
  actor: { personId: string; role: "member" | "admin" };
  facts: AssessmentFacts;
  read: boolean;
  edit: boolean;
};

const rows: Row[] = [
  {
    who: "owner, draft",
    actor: member("owner"),
    facts: facts({ status: "draft", sharedWithManager: false }),
    read: true,
    edit: true,
  },
  { who: "owner, shared", actor: member("owner"), facts: facts(), read: true, edit: true },
  {
    who: "manager, shared and finished",
    actor: member("boss"),
    facts: facts(),
    read: true,
    edit: false,
  },
  {
    who: "manager, finished, not shared",
    actor: member("boss"),
    facts: facts({ sharedWithManager: false }),
    read: false,
    edit: false,
  },
  {
    who: "manager, draft marked shared",
    actor: member("boss"),
    facts: facts({ status: "draft" }),
    read: false,
    edit: false,
  },
  {
    who: "manager of a deactivated owner",
    actor: member("boss"),
    facts: facts({ ownerActive: false }),
    read: false,
    edit: false,
  },
  {
    who: "former manager",
    actor: member("boss"),
    facts: facts({ ownerManagerId: "new-boss" }),
    read: false,
    edit: false,
  },
  { who: "peer", actor: member("peer"), facts: facts(), read: false, edit: false },
  { who: "admin", actor: admin("admin"), facts: facts(), read: false, edit: false },
];

describe("who reads and changes an assessment", () => {
  it.each(rows)("$who: read $read, edit $edit", ({ actor, facts: given, read, edit }) => {
    expect(careerAssessmentPolicies.read(actor, given)).toBe(read);
    expect(careerAssessmentPolicies.edit(actor, given)).toBe(edit);
  });

  it("lets only the rater see and answer a request", () => {
    const request = { requestId: "request", raterId: "peer" };
    expect(careerAssessmentPolicies.rate(member("peer"), request)).toBe(true);
    expect(careerAssessmentPolicies.rate(member("owner"), request)).toBe(false);
    expect(careerAssessmentPolicies.rate(admin("admin"), request)).toBe(false);
  });

  it("never counts a manager with no owner manager as the manager", () => {
    expect(isSharedWithManager(member("boss"), facts({ ownerManagerId: null }))).toBe(false);
  });
});
