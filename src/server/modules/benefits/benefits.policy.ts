import type { BenefitRequestStatus } from "#core/benefits.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError, notFound } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may do what with the growth and development benefit (docs/decisions/026). Pure: the caller
 * reads the requester's current manager on every request, so a manager change applies at once.
 *
 * - A request and a budget are read by the requester, their current manager (while the
 *   requester is active) and administrators, who act as L&D. Former managers, skip-level
 *   managers (decision 006: "shared with my manager" means the direct manager only) and peers
 *   get 404.
 * - The current manager decides first; without a manager the request goes to L&D directly.
 *   Nobody decides on, or pays, their own request.
 * - The requester withdraws while it is pending and adds receipts until it is declined or
 *   withdrawn; L&D adds receipts too.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type BenefitMemberFacts = {
  memberId: string;
  memberActive: boolean;
  memberManagerId: string | null;
};

export type BenefitRequestFacts = BenefitMemberFacts & {
  requestId: string;
  status: BenefitRequestStatus;
};

const isAdmin = (actor: PolicyActor) => actor.role === "admin";
const isSelf = (actor: PolicyActor, facts: BenefitMemberFacts) => actor.personId === facts.memberId;
const isCurrentManager = (actor: PolicyActor, facts: BenefitMemberFacts) =>
  facts.memberActive && facts.memberManagerId !== null && actor.personId === facts.memberManagerId;

const readsMember = (actor: PolicyActor, facts: BenefitMemberFacts) =>
  isSelf(actor, facts) || isCurrentManager(actor, facts) || isAdmin(actor);

const isPending = (facts: BenefitRequestFacts) =>
  facts.status === "pending_manager" || facts.status === "pending_ld";

export const benefitPolicies = definePolicies("benefit", {
  /** The amount, currency and fiscal year start: everyone signed in (it is the same for all). */
  readSettings: (_actor: PolicyActor): boolean => true,
  editSettings: (actor: PolicyActor): boolean => isAdmin(actor),
  /** Per-person amounts: L&D only. */
  manageOverrides: (actor: PolicyActor): boolean => isAdmin(actor),
  readBudget: (actor: PolicyActor, facts: BenefitMemberFacts): boolean => readsMember(actor, facts),
  /** One's own requests, and one's own plan goals to pick from. */
  listOwn: (_actor: PolicyActor): boolean => true,
  /** The requests of one's current direct reports (empty for someone without reports). */
  listApprovals: (_actor: PolicyActor): boolean => true,
  /** The L&D queue. */
  listQueue: (actor: PolicyActor): boolean => isAdmin(actor),
  create: (actor: PolicyActor, facts: BenefitMemberFacts): boolean =>
    isSelf(actor, facts) && facts.memberActive,
  read: (actor: PolicyActor, facts: BenefitRequestFacts): boolean => readsMember(actor, facts),
  managerDecide: (actor: PolicyActor, facts: BenefitRequestFacts): boolean =>
    !isSelf(actor, facts) && isCurrentManager(actor, facts) && facts.status === "pending_manager",
  /** L&D decides after the manager, or at once when the requester has no manager (any more). */
  ldDecide: (actor: PolicyActor, facts: BenefitRequestFacts): boolean =>
    isAdmin(actor) &&
    !isSelf(actor, facts) &&
    (facts.status === "pending_ld" ||
      (facts.status === "pending_manager" && facts.memberManagerId === null)),
  markPaid: (actor: PolicyActor, facts: BenefitRequestFacts): boolean =>
    isAdmin(actor) && !isSelf(actor, facts) && facts.status === "approved",
  withdraw: (actor: PolicyActor, facts: BenefitRequestFacts): boolean =>
    isSelf(actor, facts) && isPending(facts),
  addReceipt: (actor: PolicyActor, facts: BenefitRequestFacts): boolean =>
    (isSelf(actor, facts) || isAdmin(actor)) &&
    facts.status !== "declined" &&
    facts.status !== "withdrawn",
});

const noSuchRequest = "No such benefit request.";
const noSuchPerson = "No such person.";

export function benefitRequestNotFound(): AppError {
  return notFound(noSuchRequest);
}

export function assertCanReadBenefitRequest(actor: PolicyActor, facts: BenefitRequestFacts) {
  if (!benefitPolicies.read(actor, facts)) {
    throw new AccessDeniedError({ type: "benefit-request", id: facts.requestId }, noSuchRequest);
  }
}

export function assertCanReadBudget(actor: PolicyActor, facts: BenefitMemberFacts) {
  if (!benefitPolicies.readBudget(actor, facts)) {
    throw new AccessDeniedError({ type: "person", id: facts.memberId }, noSuchPerson);
  }
}

/** 404 to those who may not read the request, 403 with the reason to readers. */
export function assertBenefitRule(
  rule: "managerDecide" | "ldDecide" | "markPaid" | "withdraw" | "addReceipt",
  actor: PolicyActor,
  facts: BenefitRequestFacts,
  reason: string,
): void {
  if (benefitPolicies[rule](actor, facts)) return;
  assertCanReadBenefitRequest(actor, facts);
  throw new AppError("forbidden", reason);
}
