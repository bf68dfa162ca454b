import { describe, expect, it } from "vitest";
import type { GrowthPlanSectionKey } from "#core/growth-plan/sections.schemas.ts";
import {
  growthPlanPolicies,
  managerGrantee,
  type PlanAccessFacts,
  planRelationOf,
  readableSections,
} from "./growth-plans.policy.ts";

const member = (personId: string) => ({ personId, role: "member" as const });
const admin = (personId: string) => ({ personId, role: "admin" as const });

const facts = (overrides: Partial<PlanAccessFacts> = {}): PlanAccessFacts => ({
  planId: "plan",
  ownerId: "owner",
  ownerActive: true,
  ownerManagerId: "boss",
  shares: [
    { section_key: "goals", grantee: managerGrantee },
    { section_key: "role", grantee: managerGrantee },
    { section_key: "inspiration", grantee: "mentor" },
    { section_key: "goals", grantee: "mentor" },
  ],
  ...overrides,
});

type Row = {
  who: string;
  actor: { personId: string; role: "member" | "admin" };
  facts: PlanAccessFacts;
  relation: string | null;
  sections: GrowthPlanSectionKey[];
  edit: boolean;
};

const all: GrowthPlanSectionKey[] = [
  "inspiration",
  "energy",
  "role",
  "exploration",
  "goals",
  "tracking",
  "accomplishments",
];

// biome-ignore format: a table reads best one row per line
const table: Row[] = [
  { who: "owner", actor: member("owner"), facts: facts(), relation: "owner", sections: all, edit: true },
  { who: "owner who is an admin", actor: admin("owner"), facts: facts(), relation: "owner", sections: all, edit: true },
  { who: "current manager", actor: member("boss"), facts: facts(), relation: "manager", sections: ["role", "goals"], edit: false },
  { who: "named mentor", actor: member("mentor"), facts: facts(), relation: "viewer", sections: ["inspiration", "goals"], edit: false },
  { who: "manager also named", actor: member("boss"), facts: facts({ shares: [...facts().shares, { section_key: "energy", grantee: "boss" }] }), relation: "manager", sections: ["energy", "role", "goals"], edit: false },
  { who: "former manager", actor: member("boss"), facts: facts({ ownerManagerId: "someone-else" }), relation: null, sections: [], edit: false },
  { who: "skip-level", actor: member("skip"), facts: facts(), relation: null, sections: [], edit: false },
  { who: "peer", actor: member("peer"), facts: facts(), relation: null, sections: [], edit: false },
  { who: "admin", actor: admin("admin"), facts: facts(), relation: null, sections: [], edit: false },
  { who: "manager with nothing shared", actor: member("boss"), facts: facts({ shares: [] }), relation: null, sections: [], edit: false },
  { who: "manager of a deactivated owner", actor: member("boss"), facts: facts({ ownerActive: false }), relation: null, sections: [], edit: false },
  { who: "mentor of a deactivated owner", actor: member("mentor"), facts: facts({ ownerActive: false }), relation: null, sections: [], edit: false },
];

describe("growth plan policy", () => {
  it.each(table)(
    "$who: relation $relation, reads $sections, edits $edit",
    ({ actor, facts, relation, sections, edit }) => {
      expect(planRelationOf(actor, facts)).toBe(relation);
      expect(readableSections(actor, facts)).toEqual(sections);
      expect(growthPlanPolicies.read(actor, facts)).toBe(sections.length > 0);
      expect(growthPlanPolicies.list(actor, facts)).toBe(sections.length > 0);
      for (const ownerOnly of ["edit", "readHistory", "share", "resolveComment"] as const) {
        expect(growthPlanPolicies[ownerOnly](actor, facts)).toBe(edit);
      }
      for (const section of all) {
        expect(growthPlanPolicies.readSection(actor, facts, section)).toBe(
          sections.includes(section),
        );
        expect(growthPlanPolicies.comment(actor, facts, section)).toBe(sections.includes(section));
      }
    },
  );

  it("lets only admins manage templates, prompts and adoption figures", () => {
    expect(growthPlanPolicies.manageContent(admin("a"))).toBe(true);
    expect(growthPlanPolicies.manageContent(member("m"))).toBe(false);
    expect(growthPlanPolicies.readAdoption(admin("a"))).toBe(true);
    expect(growthPlanPolicies.readAdoption(member("m"))).toBe(false);
  });
});
