import { z } from "zod";
import { lastStartDayOf } from "./benefits-fiscal-year.ts";
import { ErrorBody } from "./errors.ts";
import { BaseVersion } from "./growth-plan/saving.schemas.ts";
import { IsoDate, PersonId } from "./people.schemas.ts";

/**
 * The growth and development benefit (docs/api/benefits.md, docs/decisions/026): the yearly
 * budget settings, per-person amounts, funding requests with their approval chain and receipts,
 * and each person's budget of a fiscal year. Money is integer minor units with an ISO 4217 code.
 */

export const benefitLimits = {
  title: 200,
  provider: 200,
  link: 2_000,
  details: 4_000,
  note: 1_000,
  overrideReason: 500,
  receiptLabel: 200,
  receipts: 20,
  /** 100 million in major units of a two-decimal currency; JavaScript integers stay exact. */
  maxAmountMinor: 10_000_000_000,
  listPageSize: 200,
} as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en")} characters`);

const requiredText = (max: number, missing: string) => text(max).min(1, missing);

let currencies: Set<string> | undefined;
const knownCurrencies = () => {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return currencies;
};

export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as EUR or USD")
  .refine((code) => knownCurrencies().has(code), "Not a known ISO 4217 currency");

export const AmountMinor = z
  .int("Use a whole number of minor units (cents)")
  .min(0, "Use an amount of zero or more")
  .max(benefitLimits.maxAmountMinor, "That amount is too large");

const Cost = z
  .int("Use a whole number of minor units (cents)")
  .min(1, "Enter what it costs")
  .max(benefitLimits.maxAmountMinor, "That amount is too large");

export const HttpLink = z
  .string()
  .trim()
  .max(benefitLimits.link, `Use at most ${benefitLimits.link.toLocaleString("en")} characters`)
  .pipe(z.url({ protocol: /^https?$/, error: "Use an http(s) address" }));

export const BenefitRequestId = z.uuid("Not a valid id");
export const BenefitRequestIdParams = z.strictObject({ id: BenefitRequestId });
export const BenefitPersonParams = z.strictObject({ personId: PersonId });

// ── Settings ────────────────────────────────────────────────────────────────────────────────

export const BenefitSettings = z.object({
  /** The yearly budget of everyone without an amount of their own. */
  amountMinor: z.int(),
  currency: z.string(),
  fiscalYearStartMonth: z.int(),
  fiscalYearStartDay: z.int(),
  /** 0 until the settings are first saved (the defaults are shown). */
  version: z.int(),
  updatedAt: z.string().nullable(),
});
export type BenefitSettings = z.infer<typeof BenefitSettings>;

export const SaveBenefitSettingsBody = z
  .strictObject({
    baseVersion: BaseVersion,
    amountMinor: AmountMinor,
    currency: CurrencyCode,
    fiscalYearStartMonth: z.int("Pick a month").min(1, "Pick a month").max(12, "Pick a month"),
    fiscalYearStartDay: z.int("Pick a day").min(1, "Pick a day").max(31, "Pick a day"),
  })
  .superRefine((body, issue) => {
    if (body.fiscalYearStartDay > lastStartDayOf(body.fiscalYearStartMonth)) {
      issue.addIssue({
        code: "custom",
        path: ["fiscalYearStartDay"],
        message: `Pick a day from 1 to ${lastStartDayOf(body.fiscalYearStartMonth)} in this month`,
      });
    }
  });
export type SaveBenefitSettingsBody = z.infer<typeof SaveBenefitSettingsBody>;

export const BenefitSettingsConflict = ErrorBody.extend({ current: BenefitSettings });

export const BenefitPersonRef = z.object({ id: z.string(), name: z.string() });
export type BenefitPersonRef = z.infer<typeof BenefitPersonRef>;

/** One person's own yearly amount, in the budget's currency. */
export const BenefitOverride = z.object({
  person: BenefitPersonRef,
  /** null: the person has the standard amount again. */
  amountMinor: z.int().nullable(),
  version: z.int(),
  updatedAt: z.string(),
});
export type BenefitOverride = z.infer<typeof BenefitOverride>;

export const BenefitOverrideList = z.object({ items: z.array(BenefitOverride) });
export type BenefitOverrideList = z.infer<typeof BenefitOverrideList>;

export const SaveBenefitOverrideBody = z.strictObject({
  /** The override's version as last read; 0 when the person has none yet. */
  baseVersion: BaseVersion,
  /** null gives the person the standard amount again. */
  amountMinor: AmountMinor.nullable(),
});
export type SaveBenefitOverrideBody = z.infer<typeof SaveBenefitOverrideBody>;

export const BenefitOverrideConflict = ErrorBody.extend({ current: BenefitOverride });

// ── Budget ──────────────────────────────────────────────────────────────────────────────────

export const BenefitBudgetQuery = z.strictObject({
  /** Whose budget; the caller's own by default. */
  personId: PersonId.optional(),
  /** The calendar year the fiscal year starts in; the current fiscal year by default. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});

export const BenefitBudget = z.object({
  personId: z.string(),
  fiscalYear: z.object({
    year: z.int(),
    label: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  currency: z.string(),
  /** The person's amount for the year (their own, or the standard one). */
  amountMinor: z.int(),
  /** Paid. */
  spentMinor: z.int(),
  /** Approved by L&D and not paid yet. */
  committedMinor: z.int(),
  /** Amount − spent − committed; negative only after an override by L&D. */
  remainingMinor: z.int(),
  /** Submitted and not decided yet by L&D: shown beside, not taken from what remains. */
  pendingMinor: z.int(),
  pendingCount: z.int(),
});
export type BenefitBudget = z.infer<typeof BenefitBudget>;

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const benefitRequestStatuses = [
  /** Waiting for the requester's current manager. */
  "pending_manager",
  /** Waiting for L&D (the manager approved, or the requester has no manager). */
  "pending_ld",
  /** L&D approved: committed against the budget until paid. */
  "approved",
  /** L&D paid or reimbursed it: spent. */
  "paid",
  "declined",
  "withdrawn",
] as const;
export const BenefitRequestStatus = z.enum(benefitRequestStatuses);
export type BenefitRequestStatus = z.infer<typeof BenefitRequestStatus>;

export const pendingBenefitStatuses: readonly BenefitRequestStatus[] = [
  "pending_manager",
  "pending_ld",
];

export const BenefitDecisionView = z.object({
  decision: z.enum(["approved", "declined"]),
  by: BenefitPersonRef.nullable(),
  at: z.string(),
  note: z.string(),
});
export type BenefitDecisionView = z.infer<typeof BenefitDecisionView>;

export const BenefitReceiptView = z.object({
  id: z.string(),
  url: z.string(),
  label: z.string(),
  addedAt: z.string(),
});
export type BenefitReceiptView = z.infer<typeof BenefitReceiptView>;

export const BenefitRequestSummary = z.object({
  id: z.string(),
  requester: BenefitPersonRef,
  title: z.string(),
  provider: z.string(),
  costMinor: z.int(),
  currency: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: BenefitRequestStatus,
  submittedAt: z.string(),
});
export type BenefitRequestSummary = z.infer<typeof BenefitRequestSummary>;

export const BenefitRequestView = BenefitRequestSummary.extend({
  link: z.string().nullable(),
  details: z.string(),
  /** The goal of the requester's plan it supports, as the requester named it when submitting. */
  goal: z.object({ id: z.string(), label: z.string() }).nullable(),
  managerDecision: BenefitDecisionView.nullable(),
  ldDecision: BenefitDecisionView.extend({ overrideReason: z.string().nullable() }).nullable(),
  paidAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  receipts: z.array(BenefitReceiptView),
  /** Its fiscal year (by the start date) and that year's budget of the requester. */
  budget: BenefitBudget,
  /** The cost is more than what remains of that year's budget: L&D needs an override. */
  exceedsRemaining: z.boolean(),
  version: z.int(),
  /** What the caller may do now. */
  can: z.object({
    managerDecide: z.boolean(),
    ldDecide: z.boolean(),
    markPaid: z.boolean(),
    withdraw: z.boolean(),
    addReceipt: z.boolean(),
  }),
});
export type BenefitRequestView = z.infer<typeof BenefitRequestView>;

export const BenefitRequestConflict = ErrorBody.extend({ current: BenefitRequestView });

export const BenefitRequestList = z.object({ items: z.array(BenefitRequestSummary) });
export type BenefitRequestList = z.infer<typeof BenefitRequestList>;

export const BenefitQueueQuery = z.strictObject({
  status: BenefitRequestStatus.optional(),
});

export const CreateBenefitRequestBody = z
  .strictObject({
    title: requiredText(benefitLimits.title, "Say what it is"),
    provider: requiredText(benefitLimits.provider, "Name the provider"),
    link: HttpLink.nullable().optional(),
    details: text(benefitLimits.details).optional(),
    costMinor: Cost,
    currency: CurrencyCode,
    startsOn: IsoDate,
    endsOn: IsoDate.nullable().optional(),
    /** A goal of the requester's own growth plan. */
    goalId: z.uuid("Pick one of your goals").nullable().optional(),
  })
  .superRefine((body, issue) => {
    if (body.endsOn && body.endsOn < body.startsOn) {
      issue.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "End on or after the start date",
      });
    }
  });
export type CreateBenefitRequestBody = z.infer<typeof CreateBenefitRequestBody>;

export const BenefitDecision = z.enum(["approve", "decline"]);

export const ManagerDecisionBody = z
  .strictObject({
    decision: BenefitDecision,
    note: text(benefitLimits.note).optional(),
  })
  .superRefine((body, issue) => {
    if (body.decision === "decline" && !body.note) {
      issue.addIssue({ code: "custom", path: ["note"], message: "Say why you decline" });
    }
  });
export type ManagerDecisionBody = z.infer<typeof ManagerDecisionBody>;

export const LdDecisionBody = z
  .strictObject({
    decision: BenefitDecision,
    note: text(benefitLimits.note).optional(),
    /** Approve although the cost is more than what remains (the budget goes negative). */
    override: z.boolean().optional(),
    overrideReason: text(benefitLimits.overrideReason).optional(),
  })
  .superRefine((body, issue) => {
    if (body.decision === "decline" && !body.note) {
      issue.addIssue({ code: "custom", path: ["note"], message: "Say why you decline" });
    }
    if (body.override && !body.overrideReason) {
      issue.addIssue({
        code: "custom",
        path: ["overrideReason"],
        message: "Give the reason for going over the budget",
      });
    }
  });
export type LdDecisionBody = z.infer<typeof LdDecisionBody>;

export const AddReceiptBody = z.strictObject({
  url: HttpLink,
  label: text(benefitLimits.receiptLabel).optional(),
});
export type AddReceiptBody = z.infer<typeof AddReceiptBody>;

export const BenefitGoalOptions = z.object({
  items: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type BenefitGoalOptions = z.infer<typeof BenefitGoalOptions>;
