import { z } from "zod";
import { ErrorBody } from "./errors.ts";
import { BaseVersion } from "./growth-plan/saving.schemas.ts";
import { IsoDate, PersonId } from "./people.schemas.ts";

/**
 * Shadow programs (a CEO shadow program, a security shadow…): rotations with dates and seats,
 * applications with a motivation, approved by the applicant's manager and then by a program
 * owner; a waitlist when the seats are taken (docs/api/shadow-programs.md).
 */

export const shadowLimits = {
  name: 200,
  description: 20_000,
  owners: 20,
  motivation: 4_000,
  note: 2_000,
  seats: 100,
  rotationsPerProgram: 200,
  programs: 500,
  /** The longest rotation, in days. */
  rotationDays: 366,
} as const;

const text = (max: number) =>
  z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);

export const ShadowIdParams = z.strictObject({ id: z.uuid("Not a valid id") });

export const ShadowPerson = z.object({ id: z.string(), name: z.string() });
export type ShadowPerson = z.infer<typeof ShadowPerson>;

export const applicationStatuses = [
  /** Waits for the applicant's manager. */
  "pending_manager",
  /** Waits for a program owner (the manager approved, or the applicant has no manager). */
  "pending_owner",
  /** Approved by an owner while every seat was taken: promoted when one frees. */
  "waitlisted",
  /** Holds a seat. */
  "confirmed",
  "declined",
  "withdrawn",
  /** The owner marked the rotation done for this participant. */
  "completed",
] as const;
export const ApplicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Statuses that still count as the applicant's application to a rotation. */
export const openApplicationStatuses: readonly ApplicationStatus[] = [
  "pending_manager",
  "pending_owner",
  "waitlisted",
  "confirmed",
];

export const RotationView = z.object({
  id: z.string(),
  programId: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  seats: z.int(),
  /** Confirmed and completed participants. */
  seatsTaken: z.int(),
  waitlisted: z.int(),
  /** The person shadowed, when named. */
  host: ShadowPerson.nullable(),
  version: z.int(),
  /** The caller's own application to this rotation, if any (the latest). */
  myApplication: z.object({ id: z.string(), status: ApplicationStatus }).nullable(),
});
export type RotationView = z.infer<typeof RotationView>;

export const ProgramSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  owners: z.array(ShadowPerson),
  archived: z.boolean(),
  version: z.int(),
  updatedAt: z.string(),
  /** The caller is one of its owners. */
  isOwner: z.boolean(),
  upcomingRotations: z.int(),
});
export type ProgramSummary = z.infer<typeof ProgramSummary>;

export const ProgramList = z.object({ items: z.array(ProgramSummary) });
export type ProgramList = z.infer<typeof ProgramList>;

export const ProgramView = ProgramSummary.extend({ rotations: z.array(RotationView) });
export type ProgramView = z.infer<typeof ProgramView>;

export const ProgramConflict = ErrorBody.extend({ current: ProgramView });

const ownerIds = z
  .array(PersonId)
  .min(1, "Name at least one owner")
  .max(shadowLimits.owners, `At most ${shadowLimits.owners} owners`);

export const CreateProgramBody = z.strictObject({
  name: z.string().trim().min(1, "Give the program a name").pipe(text(shadowLimits.name)),
  description: text(shadowLimits.description),
  ownerIds,
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

export const UpdateProgramBody = CreateProgramBody.extend({
  baseVersion: BaseVersion,
  archived: z.boolean(),
});
export type UpdateProgramBody = z.infer<typeof UpdateProgramBody>;

const rotationFields = {
  startsOn: IsoDate,
  endsOn: IsoDate,
  seats: z
    .int("Use a whole number of seats")
    .min(1, "At least one seat")
    .max(shadowLimits.seats, `At most ${shadowLimits.seats} seats`),
  /** The person shadowed, if any. */
  hostId: PersonId.nullable(),
};

const dayMs = 86_400_000;

/** The last day on or after the first, and not more than a year later. */
function withRotationDates<T extends z.ZodType<{ startsOn: string; endsOn: string }>>(schema: T) {
  return schema
    .refine((body) => body.endsOn >= body.startsOn, {
      path: ["endsOn"],
      message: "The last day is on or after the first",
    })
    .refine(
      (body) =>
        Date.parse(body.endsOn) - Date.parse(body.startsOn) <=
        (shadowLimits.rotationDays - 1) * dayMs,
      { path: ["endsOn"], message: `A rotation lasts at most ${shadowLimits.rotationDays} days` },
    );
}

export const RotationBody = withRotationDates(z.strictObject(rotationFields));
export type RotationBody = z.infer<typeof RotationBody>;

export const UpdateRotationBody = withRotationDates(
  z.strictObject({ baseVersion: BaseVersion, ...rotationFields }),
);
export type UpdateRotationBody = z.infer<typeof UpdateRotationBody>;

export const RotationConflict = ErrorBody.extend({ current: RotationView });

export const ApplyBody = z.strictObject({
  motivation: z
    .string()
    .trim()
    .min(1, "Say why you want to take part")
    .pipe(text(shadowLimits.motivation)),
});
export type ApplyBody = z.infer<typeof ApplyBody>;

export const DecisionBody = z.strictObject({
  decision: z.enum(["approve", "decline"]),
  note: text(shadowLimits.note).optional(),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

export const ApplicationView = z.object({
  id: z.string(),
  status: ApplicationStatus,
  applicant: ShadowPerson,
  program: z.object({ id: z.string(), name: z.string() }),
  rotation: z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string() }),
  /**
   * Only for the applicant, their manager while the decision is theirs, the program's owners
   * and administrators; null for everyone else who reads the application.
   */
  motivation: z.string().nullable(),
  managerDecision: z
    .object({
      by: ShadowPerson,
      decision: z.enum(["approved", "declined"]),
      note: z.string(),
      at: z.string(),
    })
    .nullable(),
  ownerDecision: z
    .object({
      by: ShadowPerson,
      decision: z.enum(["approved", "declined"]),
      note: z.string(),
      at: z.string(),
    })
    .nullable(),
  /** 1 for the next one promoted; null unless waitlisted. */
  waitlistPosition: z.int().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationList = z.object({ items: z.array(ApplicationView) });
export type ApplicationList = z.infer<typeof ApplicationList>;

/** What waits for the caller's decision: as a manager, and as an owner of programs. */
export const ApprovalsView = z.object({
  asManager: z.array(ApplicationView),
  asOwner: z.array(ApplicationView),
});
export type ApprovalsView = z.infer<typeof ApprovalsView>;
