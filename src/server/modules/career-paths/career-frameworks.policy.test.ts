import { describe, expect, it } from "vitest";
import type { PersonRelation, PersonStatus } from "#core/people.schemas.ts";
import { AppError } from "#server/errors.ts";
import {
  assertCanReadFramework,
  assertCanSetTargetRole,
  canReadTargetRole,
  careerFrameworkPolicies,
} from "./career-frameworks.policy.ts";

const member = { personId: "reader", role: "member" as const };
const admin = { personId: "reader", role: "admin" as const };

function outcome(check: () => void): number {
  try {
    check();
    return 200;
  } catch (error) {
    return error instanceof AppError ? error.statusCode : 500;
  }
}

type FrameworkRow = {
  actor: typeof member | typeof admin;
  published: boolean;
  read: boolean;
  manage: boolean;
  /** What a read answers. */
  answer: 200 | 404;
};

// biome-ignore format: a table reads best one row per line
const frameworkTable: FrameworkRow[] = [
  { actor: member, published: true, read: true, manage: false, answer: 200 },
  { actor: member, published: false, read: false, manage: false, answer: 404 },
  { actor: admin, published: true, read: true, manage: true, answer: 200 },
  { actor: admin, published: false, read: true, manage: true, answer: 200 },
];

type PositionRow = {
  actor: typeof member | typeof admin;
  status: PersonStatus;
  relation: PersonRelation;
  readPosition: boolean;
  readTarget: boolean;
  setCurrent: boolean;
  /** What setting the target role answers: 200 allowed, 403 readable only, 404 not readable. */
  setTarget: 200 | 403 | 404;
};

// biome-ignore format: a table reads best one row per line
const positionTable: PositionRow[] = [
  { actor: member, status: "active", relation: "self", readPosition: true, readTarget: true, setCurrent: false, setTarget: 200 },
  { actor: member, status: "active", relation: "manager", readPosition: true, readTarget: true, setCurrent: false, setTarget: 403 },
  { actor: member, status: "active", relation: "skip-level", readPosition: true, readTarget: true, setCurrent: false, setTarget: 403 },
  { actor: member, status: "active", relation: "peer", readPosition: true, readTarget: false, setCurrent: false, setTarget: 403 },
  { actor: member, status: "deactivated", relation: "manager", readPosition: false, readTarget: false, setCurrent: false, setTarget: 404 },
  { actor: member, status: "deactivated", relation: "peer", readPosition: false, readTarget: false, setCurrent: false, setTarget: 404 },
  { actor: admin, status: "active", relation: "self", readPosition: true, readTarget: true, setCurrent: true, setTarget: 200 },
  { actor: admin, status: "active", relation: "peer", readPosition: true, readTarget: true, setCurrent: true, setTarget: 403 },
  { actor: admin, status: "active", relation: "manager", readPosition: true, readTarget: true, setCurrent: true, setTarget: 403 },
  { actor: admin, status: "deactivated", relation: "peer", readPosition: true, readTarget: true, setCurrent: true, setTarget: 403 },
];

describe("career framework policy", () => {
  it.each(frameworkTable)(
    "$actor.role on a framework published $published: read $read, manage $manage, a read answers $answer",
    (row) => {
      const framework = { id: "f", published: row.published };
      expect(careerFrameworkPolicies.read(row.actor, framework)).toBe(row.read);
      expect(careerFrameworkPolicies.manage(row.actor)).toBe(row.manage);
      expect(outcome(() => assertCanReadFramework(row.actor, framework))).toBe(row.answer);
    },
  );

  it.each(positionTable)(
    "$actor.role on a $status person as $relation: position $readPosition, target $readTarget, set current $setCurrent, set target answers $setTarget",
    (row) => {
      const person = { id: "p", status: row.status };
      expect(careerFrameworkPolicies.readPosition(row.actor, person, row.relation)).toBe(
        row.readPosition,
      );
      expect(canReadTargetRole(row.actor, person, row.relation)).toBe(row.readTarget);
      expect(careerFrameworkPolicies.setCurrentRole(row.actor)).toBe(row.setCurrent);
      expect(careerFrameworkPolicies.setTargetRole(row.actor, person, row.relation)).toBe(
        row.setTarget === 200,
      );
      expect(outcome(() => assertCanSetTargetRole(row.actor, person, row.relation))).toBe(
        row.setTarget,
      );
    },
  );
});
