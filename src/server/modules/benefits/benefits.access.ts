import type { Db } from "#server/db/create-db.ts";
import { findPersonById, type PersonRow } from "#server/modules/people/people.queries.ts";
import {
  assertBenefitRule,
  assertCanReadBenefitRequest,
  type BenefitMemberFacts,
  type BenefitRequestFacts,
  benefitRequestNotFound,
  type PolicyActor,
} from "./benefits.policy.ts";
import { type BenefitRequestRow, findBenefitRequest } from "./benefits.queries.ts";

/** A request with everything its policy needs, read fresh on every request. */
export type LoadedBenefitRequest = {
  request: BenefitRequestRow;
  member: PersonRow;
  facts: BenefitRequestFacts;
};

export function benefitMemberFacts(member: Pick<PersonRow, "id" | "status" | "manager_id">) {
  return {
    memberId: member.id,
    memberActive: member.status === "active",
    memberManagerId: member.manager_id,
  } satisfies BenefitMemberFacts;
}

/** A request that does not exist answers 404 without an audited denial. */
export async function loadBenefitRequest(db: Db, id: string): Promise<LoadedBenefitRequest> {
  const request = await findBenefitRequest(db, id);
  if (!request) throw benefitRequestNotFound();
  const member = await findPersonById(db, request.member_id);
  if (!member) throw benefitRequestNotFound();
  return {
    request,
    member,
    facts: { ...benefitMemberFacts(member), requestId: request.id, status: request.status },
  };
}

export async function loadReadableBenefitRequest(db: Db, actor: PolicyActor, id: string) {
  const loaded = await loadBenefitRequest(db, id);
  assertCanReadBenefitRequest(actor, loaded.facts);
  return loaded;
}

export async function loadBenefitRequestFor(
  db: Db,
  actor: PolicyActor,
  id: string,
  rule: Parameters<typeof assertBenefitRule>[0],
  reason: string,
): Promise<LoadedBenefitRequest> {
  const loaded = await loadBenefitRequest(db, id);
  assertBenefitRule(rule, actor, loaded.facts, reason);
  return loaded;
}
