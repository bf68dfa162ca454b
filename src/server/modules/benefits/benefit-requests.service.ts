import {
  type AddReceiptBody,
  type BenefitGoalOptions,
  type BenefitRequestList,
  type BenefitRequestStatus,
  type BenefitRequestView,
  benefitLimits,
  type CreateBenefitRequestBody,
} from "#core/benefits.schemas.ts";
import { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { fromJson } from "#server/db/values.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById, listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { budgetOf, effectiveSettings, fiscalYearFor } from "./benefit-budget.ts";
import { nameOf, nextApprovers, notifyAboutRequest } from "./benefit-notices.ts";
import {
  benefitMemberFacts,
  type LoadedBenefitRequest,
  loadBenefitRequest,
  loadBenefitRequestFor,
  loadReadableBenefitRequest,
} from "./benefits.access.ts";
import { BenefitRequestConflictError } from "./benefits.errors.ts";
import { benefitPolicies, type PolicyActor } from "./benefits.policy.ts";
import { presentBenefitRequest, presentBenefitSummary } from "./benefits.presenters.ts";
import {
  type BenefitRequestRow,
  countBenefitReceipts,
  findGoalOfOwner,
  insertBenefitReceipt,
  insertBenefitRequest,
  listActivePlanGoals,
  listActiveReportIds,
  listBenefitReceipts,
  listBenefitRequestsByStatus,
  listBenefitRequestsOfMembers,
  updateBenefitRequestIfAt,
} from "./benefits.queries.ts";

/** Everything the request page shows, as the caller may see it. */
export async function buildRequestView(
  db: Db,
  actor: PolicyActor,
  loaded: LoadedBenefitRequest,
): Promise<BenefitRequestView> {
  const { request } = loaded;
  const settings = await effectiveSettings(db);
  const [budget, receipts, people] = await Promise.all([
    budgetOf(db, settings, request.member_id, fiscalYearFor(settings, { day: request.starts_on })),
    listBenefitReceipts(db, request.id),
    listPeopleByIds(
      db,
      [request.member_id, request.manager_decided_by, request.ld_decided_by].filter(
        (id): id is string => id !== null,
      ),
    ),
  ]);
  return presentBenefitRequest(
    actor,
    request,
    loaded.facts,
    new Map(people.map((person) => [person.id, person])),
    receipts,
    budget,
  );
}

/** The request as stored now, for the caller; after a write or in a 409. */
export async function currentRequestView(db: Db, actor: PolicyActor, id: string) {
  return buildRequestView(db, actor, await loadBenefitRequest(db, id));
}

export async function getBenefitRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<BenefitRequestView> {
  return buildRequestView(ctx.db, actor, await loadReadableBenefitRequest(ctx.db, actor, id));
}

async function presentList(db: Db, rows: readonly BenefitRequestRow[]) {
  const people = new Map(
    (await listPeopleByIds(db, [...new Set(rows.map((row) => row.member_id))])).map((person) => [
      person.id,
      person,
    ]),
  );
  return { items: rows.map((row) => presentBenefitSummary(row, people)) };
}

export async function listOwnRequests(ctx: AppContext, actor: Actor): Promise<BenefitRequestList> {
  if (!benefitPolicies.listOwn(actor)) return { items: [] };
  const rows = await listBenefitRequestsOfMembers(
    ctx.db,
    [actor.personId],
    benefitLimits.listPageSize,
  );
  return presentList(ctx.db, rows);
}

/** Requests of the caller's current, active direct reports: each passes `read` one by one. */
export async function listApprovals(ctx: AppContext, actor: Actor): Promise<BenefitRequestList> {
  if (!benefitPolicies.listApprovals(actor)) return { items: [] };
  const reportIds = await listActiveReportIds(ctx.db, actor.personId, 2_000);
  const rows = await listBenefitRequestsOfMembers(ctx.db, reportIds, benefitLimits.listPageSize);
  const reports = new Map(
    (await listPeopleByIds(ctx.db, reportIds)).map((person) => [person.id, person]),
  );
  const readable = rows.filter((row) => {
    const member = reports.get(row.member_id);
    return (
      member !== undefined &&
      benefitPolicies.read(actor, {
        ...benefitMemberFacts(member),
        requestId: row.id,
        status: row.status,
      })
    );
  });
  return presentList(ctx.db, readable);
}

/** The L&D queue: what waits for L&D by default, oldest first, or one status. */
export async function listQueue(
  ctx: AppContext,
  actor: Actor,
  query: { status?: BenefitRequestStatus | undefined },
): Promise<BenefitRequestList> {
  if (!benefitPolicies.listQueue(actor)) {
    throw new AppError("forbidden", "Only L&D (administrators) see the queue.");
  }
  const statuses: BenefitRequestStatus[] = query.status
    ? [query.status]
    : ["pending_ld", "pending_manager", "approved"];
  const rows = await listBenefitRequestsByStatus(ctx.db, statuses, benefitLimits.listPageSize);
  return presentList(ctx.db, rows);
}

/** The goals of the caller's own active plan, to say which one a request supports. */
export async function listGoalOptions(ctx: AppContext, actor: Actor): Promise<BenefitGoalOptions> {
  if (!benefitPolicies.listOwn(actor)) return { items: [] };
  const rows = await listActivePlanGoals(ctx.db, actor.personId, 100);
  return { items: rows.map((row) => ({ id: row.id, label: goalLabel(row.content) })) };
}

function goalLabel(content: string): string {
  const parsed = GoalContent.safeParse(fromJson<unknown>(content));
  const skill = parsed.success ? parsed.data.skill.trim() : "";
  return (skill || "Untitled goal").slice(0, 500);
}

// ── Submitting ──────────────────────────────────────────────────────────────────────────────

export async function createBenefitRequest(
  ctx: AppContext,
  actor: Actor,
  input: CreateBenefitRequestBody,
  meta: RequestMeta,
): Promise<BenefitRequestView> {
  const member = await findPersonById(ctx.db, actor.personId);
  if (!member || !benefitPolicies.create(actor, benefitMemberFacts(member))) {
    throw new AppError("forbidden", "You can request funding for yourself only.");
  }
  const settings = await effectiveSettings(ctx.db);
  if (input.currency !== settings.currency) {
    throw new AppError("validation_failed", "Requests are made in the budget's currency.", {
      currency: `Enter the cost in ${settings.currency}, the currency of the budget`,
    });
  }
  const goal = input.goalId ? await findGoalOfOwner(ctx.db, member.id, input.goalId) : undefined;
  if (input.goalId && !goal) {
    throw new AppError("validation_failed", "That is not one of your goals.", {
      goalId: "Pick one of your own plan's goals",
    });
  }
  const manager = member.manager_id ? await findPersonById(ctx.db, member.manager_id) : undefined;
  const managerId = manager?.status === "active" ? manager.id : null;
  const status: BenefitRequestStatus = managerId ? "pending_manager" : "pending_ld";
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const row = {
      id,
      member_id: member.id,
      title: input.title,
      provider: input.provider,
      link: input.link ?? null,
      details: input.details ?? "",
      cost_minor: input.costMinor,
      currency: input.currency,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      goal_id: goal?.id ?? null,
      goal_label: goal ? goalLabel(goal.content) : null,
      status,
      version: 1,
      submitted_at: at,
      updated_at: at,
    };
    await insertBenefitRequest(trx, row);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "benefit_request.submitted",
      actorId: actor.personId,
      target: { type: "benefit-request", id },
      details: { costMinor: input.costMinor, currency: input.currency, status },
    });
    await notifyAboutRequest(
      trx,
      row,
      {
        kind: "benefit_decision_needed",
        recipients: await nextApprovers(trx, row, managerId),
        actorId: actor.personId,
        title: `${nameOf(member)} requested growth and development funding`,
      },
      now,
    );
  });
  return currentRequestView(ctx.db, actor, id);
}

export async function withdrawBenefitRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<BenefitRequestView> {
  const loaded = await loadBenefitRequestFor(
    ctx.db,
    actor,
    id,
    "withdraw",
    "Only the requester withdraws a request, while it is pending.",
  );
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await updateBenefitRequestIfAt(trx, id, loaded.request.version, {
      status: "withdrawn",
      withdrawn_at: at,
      updated_at: at,
    });
    if (!changed) {
      throw new BenefitRequestConflictError(
        "This request was decided meanwhile; it can no longer be withdrawn.",
        await currentRequestView(trx, actor, id),
      );
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "benefit_request.withdrawn",
      actorId: actor.personId,
      target: { type: "benefit-request", id },
    });
  });
  return currentRequestView(ctx.db, actor, id);
}

export async function addReceipt(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: AddReceiptBody,
  meta: RequestMeta,
): Promise<BenefitRequestView> {
  await loadBenefitRequestFor(
    ctx.db,
    actor,
    id,
    "addReceipt",
    "Receipts are added by the requester or L&D, until a request is declined or withdrawn.",
  );
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countBenefitReceipts(trx, id)) >= benefitLimits.receipts) {
      throw new AppError("validation_failed", "This request has as many receipts as it can hold.", {
        url: `A request holds at most ${benefitLimits.receipts} receipts`,
      });
    }
    const receiptId = newId(now.getTime());
    await insertBenefitReceipt(trx, {
      id: receiptId,
      request_id: id,
      url: input.url,
      label: input.label || "Receipt",
      added_by: actor.personId,
      added_at: now.toISOString(),
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "benefit_request.receipt_added",
      actorId: actor.personId,
      target: { type: "benefit-request", id },
      details: { receiptId },
    });
  });
  return currentRequestView(ctx.db, actor, id);
}
