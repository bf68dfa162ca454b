import { describe, expect, it } from "vitest";
import type { PersonRelation, PersonStatus } from "#core/people.schemas.ts";
import {
  canReadAccount,
  canReadEmployment,
  canReadPerson,
  peoplePolicies,
  readableStatuses,
  relationOf,
  relationToReportOf,
} from "./people.policy.ts";

const member = { personId: "reader", role: "member" as const };
const admin = { personId: "reader", role: "admin" as const };

describe("relationOf", () => {
  it.each([
    { subject: "reader", chain: ["m", "s"], expected: "self" },
    { subject: "p", chain: ["reader", "s"], expected: "manager" },
    { subject: "p", chain: ["m", "reader"], expected: "skip-level" },
    { subject: "p", chain: ["m", "s", "reader"], expected: "skip-level" },
    { subject: "p", chain: ["m", "s"], expected: "peer" },
    { subject: "p", chain: [], expected: "peer" },
  ])("$subject under $chain is $expected", ({ subject, chain, expected }) => {
    expect(relationOf(member, subject, chain)).toBe(expected);
  });

  it.each([
    ["self", "manager"],
    ["manager", "skip-level"],
    ["skip-level", "skip-level"],
    ["peer", "peer"],
  ] as const)("a report of someone I am %s to is my %s", (toManager, toReport) => {
    expect(relationToReportOf(toManager)).toBe(toReport);
  });
});

type Row = {
  actor: typeof member | typeof admin;
  status: PersonStatus;
  relation: PersonRelation;
  read: boolean;
  employment: boolean;
  account: boolean;
  team: boolean;
};

// biome-ignore format: a table reads best one row per line
const table: Row[] = [
  { actor: member, status: "active", relation: "self", read: true, employment: true, account: true, team: true },
  { actor: member, status: "active", relation: "manager", read: true, employment: true, account: false, team: true },
  { actor: member, status: "active", relation: "skip-level", read: true, employment: true, account: false, team: true },
  { actor: member, status: "active", relation: "peer", read: true, employment: false, account: false, team: false },
  { actor: member, status: "deactivated", relation: "manager", read: false, employment: false, account: false, team: false },
  { actor: member, status: "deactivated", relation: "skip-level", read: false, employment: false, account: false, team: false },
  { actor: member, status: "deactivated", relation: "peer", read: false, employment: false, account: false, team: false },
  { actor: admin, status: "active", relation: "peer", read: true, employment: true, account: true, team: true },
  { actor: admin, status: "deactivated", relation: "peer", read: true, employment: true, account: true, team: true },
];

describe("people policy", () => {
  it.each(table)(
    "$actor.role reading a $status person as $relation: read $read, employment $employment, account $account, team $team",
    ({ actor, status, relation, read, employment, account, team }) => {
      const person = { id: "p", status };
      expect(canReadPerson(actor, person, relation)).toBe(read);
      expect(canReadEmployment(actor, person, relation)).toBe(employment);
      expect(canReadAccount(actor, person, relation)).toBe(account);
      expect(peoplePolicies.readTeam(actor, person, relation)).toBe(team);
    },
  );

  it("lets only admins manage people", () => {
    expect(peoplePolicies.manage(admin)).toBe(true);
    expect(peoplePolicies.manage(member)).toBe(false);
  });

  it.each([
    { actor: member, requested: "active", expected: ["active"] },
    { actor: member, requested: "deactivated", expected: [] },
    { actor: member, requested: "all", expected: ["active"] },
    { actor: admin, requested: "deactivated", expected: ["deactivated"] },
    { actor: admin, requested: "all", expected: ["active", "deactivated"] },
  ] as const)(
    "lists $requested for a $actor.role as $expected",
    ({ actor, requested, expected }) => {
      expect(readableStatuses(actor, requested)).toEqual(expected);
    },
  );
});
