import { z } from "zod";
import {
  AddReceiptBody,
  CreateBenefitRequestBody,
  LdDecisionBody,
  ManagerDecisionBody,
  SaveBenefitSettingsBody,
} from "#core/benefits.schemas.ts";
import { parseMajorAmount } from "#core/benefits-money.ts";

export interface BenefitRequestValues {
  title: string;
  provider: string;
  link: string;
  details: string;
  /** In major units as typed ("450.00"). */
  costMinor: string;
  startsOn: string | null;
  endsOn: string | null;
  goalId: string;
}

export const benefitRequestDefaults: BenefitRequestValues = {
  title: "",
  provider: "",
  link: "",
  details: "",
  costMinor: "",
  startsOn: null,
  endsOn: null,
  goalId: "",
};

const amountIssue = "Enter an amount such as 450 or 450.50";

/** The request form: the cost is typed in major units of the budget's currency. */
export const benefitRequestForm = (currency: string) =>
  z
    .object({
      title: z.string(),
      provider: z.string(),
      link: z.string(),
      details: z.string(),
      costMinor: z.string(),
      startsOn: z.string("Choose the start date").nullable(),
      endsOn: z.string().nullable(),
      goalId: z.string(),
    })
    .superRefine((values, issue) => {
      if (parseMajorAmount(values.costMinor, currency) === null) {
        issue.addIssue({ code: "custom", path: ["costMinor"], message: amountIssue });
      }
      if (!values.startsOn) {
        issue.addIssue({ code: "custom", path: ["startsOn"], message: "Choose the start date" });
      }
    })
    .transform(
      (values): z.input<typeof CreateBenefitRequestBody> => ({
        title: values.title,
        provider: values.provider,
        link: values.link.trim() || null,
        details: values.details,
        costMinor: parseMajorAmount(values.costMinor, currency) ?? 0,
        currency,
        startsOn: values.startsOn ?? "",
        endsOn: values.endsOn || null,
        goalId: values.goalId || null,
      }),
    )
    .pipe(CreateBenefitRequestBody);

export const ManagerDecisionForm = ManagerDecisionBody;

export const LdDecisionForm = LdDecisionBody;

export const ReceiptForm = AddReceiptBody;

export interface BenefitSettingsValues {
  baseVersion: number;
  amountMinor: string;
  currency: string;
  fiscalYearStartMonth: string;
  fiscalYearStartDay: number | string;
}

/** The settings form: the amount in major units, the month from a list. */
export const benefitSettingsForm = z
  .object({
    baseVersion: z.number(),
    amountMinor: z.string(),
    currency: z.string(),
    fiscalYearStartMonth: z.string(),
    fiscalYearStartDay: z.union([z.number(), z.string()]),
  })
  .superRefine((values, issue) => {
    if (
      parseMajorAmount(values.amountMinor, values.currency.trim().toUpperCase() || "USD") === null
    ) {
      issue.addIssue({ code: "custom", path: ["amountMinor"], message: amountIssue });
    }
  })
  .transform(
    (values): z.input<typeof SaveBenefitSettingsBody> => ({
      baseVersion: values.baseVersion,
      amountMinor:
        parseMajorAmount(values.amountMinor, values.currency.trim().toUpperCase() || "USD") ?? 0,
      currency: values.currency,
      fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
      fiscalYearStartDay: Number(values.fiscalYearStartDay),
    }),
  )
  .pipe(SaveBenefitSettingsBody);

export const statusLabels = {
  pending_manager: "Waiting for the manager",
  pending_ld: "Waiting for L&D",
  approved: "Approved",
  paid: "Paid",
  declined: "Declined",
  withdrawn: "Withdrawn",
} as const;
