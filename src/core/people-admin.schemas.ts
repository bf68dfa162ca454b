import { z } from "zod";
import { AppRole, PersonId, PersonSummary } from "./people.schemas.ts";

// ── The administrators' people list ────────────────────────────────────────────────────────────

export const adminPeopleSorts = [
  "name",
  "role",
  "status",
  "manager",
  "department",
  "lastSignIn",
] as const;
export const AdminPeopleSort = z.enum(adminPeopleSorts);
export type AdminPeopleSort = z.infer<typeof AdminPeopleSort>;

const groupValue = z.string().trim().min(1).max(120, "Use at most 120 characters");

export const AdminPeopleQuery = z.strictObject({
  /** Matches name, preferred name, email, job title and department, case-insensitively. */
  q: z.string().trim().max(200, "Use at most 200 characters").optional(),
  role: AppRole.optional(),
  status: z.enum(["active", "deactivated", "all"]).default("all"),
  department: groupValue.optional(),
  team: groupValue.optional(),
  /** The people one manager manages directly. */
  managerId: PersonId.optional(),
  sort: AdminPeopleSort.default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AdminPeopleQuery = z.infer<typeof AdminPeopleQuery>;
export type AdminPeopleQueryInput = Partial<AdminPeopleQuery>;

export const AdminPersonRow = PersonSummary.extend({
  role: AppRole,
  managerName: z.string().nullable(),
  /** ISO-8601; null when they never signed in. */
  lastSignInAt: z.string().nullable(),
});
export type AdminPersonRow = z.infer<typeof AdminPersonRow>;

export const AdminPeopleList = z.object({
  people: z.array(AdminPersonRow),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** What the filters offer: every department and team in use, and everyone who manages. */
  options: z.object({
    departments: z.array(z.string()),
    teams: z.array(z.string()),
    managers: z.array(z.object({ id: z.string(), displayName: z.string() })),
  }),
});
export type AdminPeopleList = z.infer<typeof AdminPeopleList>;

// ── Bulk actions ───────────────────────────────────────────────────────────────────────────────

export const bulkLimit = 500;

export const PersonIdSelection = z
  .array(PersonId)
  .min(1, "Choose at least one person")
  .max(bulkLimit, `Choose at most ${bulkLimit} people at once`);

export const BulkDeactivateBody = z.strictObject({ personIds: PersonIdSelection });
export type BulkDeactivateBody = z.infer<typeof BulkDeactivateBody>;

export const BulkDeactivateResult = z.object({
  /** Those deactivated now; people already deactivated are left as they were. */
  deactivated: z.array(z.string()),
  alreadyDeactivated: z.array(z.string()),
});
export type BulkDeactivateResult = z.infer<typeof BulkDeactivateResult>;

export const BulkAssignmentTarget = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("people"), personIds: PersonIdSelection }),
  z.strictObject({ kind: z.literal("department"), department: groupValue }),
  z.strictObject({ kind: z.literal("team"), team: groupValue }),
]);
export type BulkAssignmentTarget = z.infer<typeof BulkAssignmentTarget>;

export const BulkPathwayAssignmentBody = z.strictObject({
  /** null: they follow the default template again. */
  templateId: PersonId.nullable(),
  target: BulkAssignmentTarget,
});
export type BulkPathwayAssignmentBody = z.infer<typeof BulkPathwayAssignmentBody>;

export const BulkPathwayAssignmentResult = z.object({
  /** Active people now following the template (deactivated people are left out). */
  personIds: z.array(z.string()),
  template: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type BulkPathwayAssignmentResult = z.infer<typeof BulkPathwayAssignmentResult>;
