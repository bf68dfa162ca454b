import { describe, expect, it } from "vitest";
import type { PersonRelation, PersonStatus } from "#core/people.schemas.ts";
import { AppError } from "#server/errors.ts";
import { assertCanChangePathwayProgress, pathwayPolicies } from "./pathway.policy.ts";

const member = { personId: "reader", role: "member" as const };
const admin = { personId: "reader", role: "admin" as const };

type Row = {
  actor: typeof member | typeof admin;
  status: PersonStatus;
  relation: PersonRelation;
  read: boolean;
  change: boolean;
  /** What a write answers: 200 allowed, 403 readable only, 404 not readable. */
  write: 200 | 403 | 404;
};

// biome-ignore format: a table reads best one row per line
const table: Row[] = [
  { actor: member, status: "active", relation: "self", read: true, change: true, write: 200 },
  { actor: member, status: "active", relation: "manager", read: true, change: false, write: 403 },
  { actor: member, status: "active", relation: "skip-level", read: true, change: false, write: 403 },
  { actor: member, status: "active", relation: "peer", read: false, change: false, write: 404 },
  { actor: member, status: "deactivated", relation: "manager", read: false, change: false, write: 404 },
  { actor: member, status: "deactivated", relation: "peer", read: false, change: false, write: 404 },
  { actor: admin, status: "active", relation: "self", read: true, change: true, write: 200 },
  { actor: admin, status: "active", relation: "peer", read: true, change: false, write: 403 },
  { actor: admin, status: "active", relation: "manager", read: true, change: false, write: 403 },
  { actor: admin, status: "deactivated", relation: "peer", read: true, change: false, write: 403 },
];

function writeOutcome(row: Row): number {
  try {
    assertCanChangePathwayProgress(row.actor, { id: "p", status: row.status }, row.relation);
    return 200;
  } catch (error) {
    return error instanceof AppError ? error.statusCode : 500;
  }
}

describe("pathway policy", () => {
  it.each(table)(
    "$actor.role on a $status person as $relation: read $read, change $change, a write answers $write",
    (row) => {
      const person = { id: "p", status: row.status };
      expect(pathwayPolicies.read(row.actor, person, row.relation)).toBe(row.read);
      expect(pathwayPolicies.changeProgress(row.actor, person, row.relation)).toBe(row.change);
      expect(writeOutcome(row)).toBe(row.write);
    },
  );

  it("lets only admins manage templates", () => {
    expect(pathwayPolicies.manage(admin)).toBe(true);
    expect(pathwayPolicies.manage(member)).toBe(false);
  });
});
