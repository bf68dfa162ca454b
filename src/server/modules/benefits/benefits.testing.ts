import type { CreateBenefitRequestBody } from "#core/benefits.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { effectiveSettings } from "./benefit-budget.ts";
import { decideAsLd, decideAsManager } from "./benefit-decisions.service.ts";
import { createBenefitRequest } from "./benefit-requests.service.ts";
import { findBenefitSettings, insertBenefitSettings, settingsRowId } from "./benefits.queries.ts";

export const testMeta = { requestId: "test", address: "127.0.0.1", userAgent: null };

export const actorOf = (personId: string, role: Actor["role"] = "member"): Actor => ({
  personId,
  role,
  sessionId: "test",
});

/** Stores the settings directly (no audit row), when none are stored yet. */
export async function setTestBenefitSettings(
  ctx: AppContext,
  settings: { amountMinor: number; currency?: string; month?: number; day?: number },
): Promise<void> {
  if (await findBenefitSettings(ctx.db)) throw new Error("Settings are already stored");
  await insertBenefitSettings(ctx.db, {
    id: settingsRowId,
    amount_minor: settings.amountMinor,
    currency: settings.currency ?? "EUR",
    fiscal_year_start_month: settings.month ?? 1,
    fiscal_year_start_day: settings.day ?? 1,
    version: 1,
    updated_by: null,
    updated_at: ctx.clock.now().toISOString(),
  });
}

export const testRequest = (
  overrides: Partial<CreateBenefitRequestBody> = {},
): CreateBenefitRequestBody => ({
  title: "Negotiation course",
  provider: "Open University",
  costMinor: 50_000,
  currency: "EUR",
  startsOn: "2026-04-01",
  ...overrides,
});

/**
 * A request submitted by `memberId` in the budget's currency, taken as far along the chain as
 * `stage` says (L&D approves with an override, so any budget will do).
 */
export async function createTestBenefitRequest(
  ctx: AppContext,
  input: {
    memberId: string;
    managerId?: string | null;
    adminId?: string;
    stage?: "submitted" | "manager_approved" | "approved";
    request?: Partial<CreateBenefitRequestBody>;
  },
) {
  const { currency } = await effectiveSettings(ctx.db);
  const created = await createBenefitRequest(
    ctx,
    actorOf(input.memberId),
    testRequest({ currency, ...input.request }),
    testMeta,
  );
  const stage = input.stage ?? "submitted";
  if (stage !== "submitted" && input.managerId) {
    await decideAsManager(
      ctx,
      actorOf(input.managerId),
      created.id,
      { decision: "approve" },
      testMeta,
    );
  }
  if (stage === "approved") {
    if (!input.adminId) throw new Error("An approval by L&D needs an administrator");
    return decideAsLd(
      ctx,
      actorOf(input.adminId, "admin"),
      created.id,
      { decision: "approve", override: true, overrideReason: "Approved for a test" },
      testMeta,
    );
  }
  return created;
}
