import type {
  BenefitBudget,
  BenefitDecisionView,
  BenefitPersonRef,
  BenefitRequestSummary,
  BenefitRequestView,
} from "#core/benefits.schemas.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import { type BenefitRequestFacts, benefitPolicies, type PolicyActor } from "./benefits.policy.ts";
import type { BenefitReceiptRow, BenefitRequestRow } from "./benefits.queries.ts";

export type PeopleById = ReadonlyMap<string, Pick<PersonRow, "id" | "name" | "preferred_name">>;

export function presentPerson(people: PeopleById, id: string | null): BenefitPersonRef | null {
  if (id === null) return null;
  const person = people.get(id);
  return { id, name: person ? person.preferred_name || person.name : "Someone" };
}

export function presentBenefitSummary(
  row: BenefitRequestRow,
  people: PeopleById,
): BenefitRequestSummary {
  return {
    id: row.id,
    requester: presentPerson(people, row.member_id) ?? { id: row.member_id, name: "Someone" },
    title: row.title,
    provider: row.provider,
    costMinor: row.cost_minor,
    currency: row.currency,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    submittedAt: row.submitted_at,
  };
}

function decision(
  people: PeopleById,
  made: string | null,
  by: string | null,
  at: string | null,
  note: string | null,
): BenefitDecisionView | null {
  if ((made !== "approved" && made !== "declined") || at === null) return null;
  return { decision: made, by: presentPerson(people, by), at, note: note ?? "" };
}

export function presentBenefitRequest(
  actor: PolicyActor,
  row: BenefitRequestRow,
  facts: BenefitRequestFacts,
  people: PeopleById,
  receipts: readonly BenefitReceiptRow[],
  budget: BenefitBudget,
): BenefitRequestView {
  const managerDecision = decision(
    people,
    row.manager_decision,
    row.manager_decided_by,
    row.manager_decided_at,
    row.manager_note,
  );
  const ldDecision = decision(
    people,
    row.ld_decision,
    row.ld_decided_by,
    row.ld_decided_at,
    row.ld_note,
  );
  const pending = row.status === "pending_manager" || row.status === "pending_ld";
  return {
    ...presentBenefitSummary(row, people),
    link: row.link,
    details: row.details,
    goal: row.goal_id ? { id: row.goal_id, label: row.goal_label ?? "" } : null,
    managerDecision,
    ldDecision: ldDecision ? { ...ldDecision, overrideReason: row.override_reason } : null,
    paidAt: row.paid_at,
    withdrawnAt: row.withdrawn_at,
    receipts: receipts.map((receipt) => ({
      id: receipt.id,
      url: receipt.url,
      label: receipt.label,
      addedAt: receipt.added_at,
    })),
    budget,
    exceedsRemaining: pending && row.cost_minor > budget.remainingMinor,
    version: row.version,
    can: {
      managerDecide: benefitPolicies.managerDecide(actor, facts),
      ldDecide: benefitPolicies.ldDecide(actor, facts),
      markPaid: benefitPolicies.markPaid(actor, facts),
      withdraw: benefitPolicies.withdraw(actor, facts),
      addReceipt: benefitPolicies.addReceipt(actor, facts),
    },
  };
}
