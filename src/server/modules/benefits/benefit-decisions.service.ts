import type {
  BenefitRequestView,
  LdDecisionBody,
  ManagerDecisionBody,
} from "#core/benefits.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { lockKeyForTransaction } from "#server/db/locks.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { completePathwayActivity } from "#server/modules/pathways/pathway-activity.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { budgetOf, effectiveSettings, fiscalYearFor } from "./benefit-budget.ts";
import { nameOf, nextApprovers, notifyAboutRequest } from "./benefit-notices.ts";
import { currentRequestView } from "./benefit-requests.service.ts";
import { loadBenefitRequest, loadBenefitRequestFor } from "./benefits.access.ts";
import { BenefitRequestConflictError } from "./benefits.errors.ts";
import { assertBenefitRule } from "./benefits.policy.ts";
import { updateBenefitRequestIfAt } from "./benefits.queries.ts";

const movedOn = "This request was decided or withdrawn meanwhile. Nothing was changed.";

/**
 * The requester's current manager approves (on to L&D) or declines with a note. Either way the
 * request was reviewed with the manager: that completes the member's pathway item of kind
 * benefit that asks for it (decision 026).
 */
export async function decideAsManager(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ManagerDecisionBody,
  meta: RequestMeta,
): Promise<BenefitRequestView> {
  const loaded = await loadBenefitRequestFor(
    ctx.db,
    actor,
    id,
    "managerDecide",
    "Only the requester's manager decides, while the request waits for them.",
  );
  const approved = input.decision === "approve";
  const now = ctx.clock.now();
  const at = now.toISOString();
  const status = approved ? "pending_ld" : "declined";
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await updateBenefitRequestIfAt(trx, id, loaded.request.version, {
      status,
      manager_decision: approved ? "approved" : "declined",
      manager_decided_by: actor.personId,
      manager_decided_at: at,
      manager_note: input.note ?? "",
      updated_at: at,
    });
    if (!changed) {
      throw new BenefitRequestConflictError(movedOn, await currentRequestView(trx, actor, id));
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: approved ? "benefit_request.manager_approved" : "benefit_request.manager_declined",
      actorId: actor.personId,
      target: { type: "benefit-request", id },
      details: { memberId: loaded.member.id },
    });
    const manager = await findPersonById(trx, actor.personId);
    await notifyAboutRequest(
      trx,
      loaded.request,
      {
        kind: "benefit_request_decided",
        recipients: [loaded.member.id],
        actorId: actor.personId,
        title: approved
          ? `${nameOf(manager)} approved your benefit request; L&D decides next`
          : `${nameOf(manager)} declined your benefit request`,
      },
      now,
    );
    if (approved) {
      await notifyAboutRequest(
        trx,
        loaded.request,
        {
          kind: "benefit_decision_needed",
          recipients: await nextApprovers(trx, { status, member_id: loaded.member.id }, null),
          actorId: actor.personId,
          title: `${nameOf(loaded.member)}'s benefit request waits for L&D`,
        },
        now,
      );
    }
  });
  await completePathwayActivity(ctx, {
    personId: loaded.member.id,
    kinds: ["benefit"],
    source: "benefit",
    matches: (item) => /\bmanager\b/i.test(`${item.title} ${item.description}`),
  });
  return currentRequestView(ctx.db, actor, id);
}

/**
 * L&D approves or declines. An approval commits the cost against the requester's budget of the
 * request's fiscal year; more than what remains is refused (409) unless `override` with a reason.
 * Approvals for one person take a lock per person, so two at once cannot both spend what remains.
 */
export async function decideAsLd(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: LdDecisionBody,
  meta: RequestMeta,
): Promise<BenefitRequestView> {
  const first = await loadBenefitRequestFor(
    ctx.db,
    actor,
    id,
    "ldDecide",
    "L&D decides after the requester's manager approved.",
  );
  const approved = input.decision === "approve";
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeyForTransaction(trx, "benefit-budget", first.member.id);
    const loaded = await loadBenefitRequest(trx, id);
    if (loaded.request.version !== first.request.version) {
      throw new BenefitRequestConflictError(movedOn, await currentRequestView(trx, actor, id));
    }
    assertBenefitRule("ldDecide", actor, loaded.facts, "L&D decides after the manager approved.");
    let overrideReason: string | null = null;
    if (approved) {
      const settings = await effectiveSettings(trx);
      const budget = await budgetOf(
        trx,
        settings,
        loaded.member.id,
        fiscalYearFor(settings, { day: loaded.request.starts_on }),
      );
      if (loaded.request.cost_minor > budget.remainingMinor) {
        if (!input.override) {
          throw new BenefitRequestConflictError(
            "This costs more than what remains of the budget. Approve with an override and a reason, or decline.",
            await currentRequestView(trx, actor, id),
          );
        }
        overrideReason = input.overrideReason ?? "";
      }
    }
    const changed = await updateBenefitRequestIfAt(trx, id, loaded.request.version, {
      status: approved ? "approved" : "declined",
      ld_decision: approved ? "approved" : "declined",
      ld_decided_by: actor.personId,
      ld_decided_at: at,
      ld_note: input.note ?? "",
      override_reason: overrideReason,
      updated_at: at,
    });
    if (!changed) {
      throw new BenefitRequestConflictError(movedOn, await currentRequestView(trx, actor, id));
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: approved ? "benefit_request.ld_approved" : "benefit_request.ld_declined",
      actorId: actor.personId,
      target: { type: "benefit-request", id },
      details: {
        memberId: loaded.member.id,
        costMinor: loaded.request.cost_minor,
        currency: loaded.request.currency,
        override: overrideReason !== null,
        ...(overrideReason !== null ? { overrideReason } : {}),
      },
    });
    await notifyAboutRequest(
      trx,
      loaded.request,
      {
        kind: "benefit_request_decided",
        recipients: [loaded.member.id],
        actorId: actor.personId,
        title: approved ? "L&D approved your benefit request" : "L&D declined your benefit request",
      },
      now,
    );
  });
  return currentRequestView(ctx.db, actor, id);
}

/** L&D paid or reimbursed it: committed becomes spent. Receipts are evidence, not the trigger. */
export async function markPaid(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<BenefitRequestView> {
  const loaded = await loadBenefitRequestFor(
    ctx.db,
    actor,
    id,
    "markPaid",
    "L&D marks a request paid once it approved it.",
  );
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await updateBenefitRequestIfAt(trx, id, loaded.request.version, {
      status: "paid",
      paid_by: actor.personId,
      paid_at: at,
      updated_at: at,
    });
    if (!changed) {
      throw new BenefitRequestConflictError(movedOn, await currentRequestView(trx, actor, id));
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "benefit_request.paid",
      actorId: actor.personId,
      target: { type: "benefit-request", id },
      details: { memberId: loaded.member.id, costMinor: loaded.request.cost_minor },
    });
    await notifyAboutRequest(
      trx,
      loaded.request,
      {
        kind: "benefit_request_decided",
        recipients: [loaded.member.id],
        actorId: actor.personId,
        title: "L&D paid your benefit request",
      },
      now,
    );
  });
  return currentRequestView(ctx.db, actor, id);
}
