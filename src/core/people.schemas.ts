import { z } from "zod";
import { NewPassword } from "./password.ts";

export const appRoles = ["member", "admin"] as const;
export const AppRole = z.enum(appRoles);
export type AppRole = z.infer<typeof AppRole>;

export const personStatuses = ["active", "deactivated"] as const;
export const PersonStatus = z.enum(personStatuses);
export type PersonStatus = z.infer<typeof PersonStatus>;

export const Email = z
  .string()
  .trim()
  .max(254, "Use at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export const PersonName = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(200, "Use at most 200 characters");

/** The signed-in person as the web app sees them. */
export const CurrentUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: AppRole,
  /** Someone active reports to this person: the app offers "My team". */
  managesPeople: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** Emails compare case-insensitively; this is the form stored for lookups and uniqueness. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// ── Field rules shared by forms, the API and the CSV import ─────────────────────────────────

export const PersonId = z.uuid("Not a valid id");

/** Optional free text: blank means "none" and is stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullable();

const isoDateShape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD between 1900 and 2100. */
export function isIsoDate(value: string): boolean {
  const match = isoDateShape.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsoDate = z
  .string()
  .trim()
  .refine(isIsoDate, "Use a real date written YYYY-MM-DD (for example 2024-03-01)");

/**
 * The IANA name in the spelling the platform uses (case is corrected), or null when it is not a
 * known zone. Abbreviations such as "EST" are refused: they are ambiguous.
 */
export function canonicalTimeZone(value: string): string | null {
  const name = value.trim();
  if (name.toUpperCase() !== "UTC" && !name.includes("/")) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const TimeZone = z
  .string()
  .trim()
  .transform((value, context) => {
    const canonical = canonicalTimeZone(value);
    if (canonical) return canonical;
    context.addIssue({
      code: "custom",
      message: "Use an IANA time zone such as Europe/Paris or America/New_York",
    });
    return z.NEVER;
  });

export const personFieldLimits = {
  name: 200,
  preferredName: 200,
  jobTitle: 200,
  division: 120,
  department: 120,
  team: 120,
  location: 200,
} as const;

// ── Directory ───────────────────────────────────────────────────────────────────────────────

/** Enough to show a person in a list, a card or an org-chart node. */
export const PersonSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  preferredName: z.string().nullable(),
  /** preferredName when set, otherwise name: what the UI shows. */
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  division: z.string().nullable(),
  department: z.string().nullable(),
  team: z.string().nullable(),
  location: z.string().nullable(),
  timeZone: z.string().nullable(),
  managerId: z.string().nullable(),
  status: PersonStatus,
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const DirectoryQuery = z.strictObject({
  /** Matches name, preferred name, email, job title and department, case-insensitively. */
  q: z.string().trim().max(200, "Use at most 200 characters").optional(),
  division: z.string().trim().max(120, "Use at most 120 characters").optional(),
  department: z.string().trim().max(120, "Use at most 120 characters").optional(),
  team: z.string().trim().max(120, "Use at most 120 characters").optional(),
  /** Admins only may ask for deactivated people; for others the value must be "active". */
  status: z.enum(["active", "deactivated", "all"]).default("active"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const PersonList = z.object({
  people: z.array(PersonSummary),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type PersonList = z.infer<typeof PersonList>;

export const DirectoryFilterOptions = z.object({
  divisions: z.array(z.string()),
  departments: z.array(z.string()),
  teams: z.array(z.string()),
});
export type DirectoryFilterOptions = z.infer<typeof DirectoryFilterOptions>;

export const PersonIdParams = z.strictObject({ id: PersonId });
export type PersonIdParams = z.infer<typeof PersonIdParams>;

/** How the reader stands to the person they look at (see docs/decisions, skip-level rule). */
export const personRelations = ["self", "manager", "skip-level", "peer"] as const;
export const PersonRelation = z.enum(personRelations);
export type PersonRelation = z.infer<typeof PersonRelation>;

export const PersonProfile = z.object({
  person: PersonSummary,
  manager: PersonSummary.nullable(),
  directReportCount: z.number().int(),
  relation: PersonRelation,
  /** Self, anyone up the management chain and admins; otherwise null. */
  employment: z.object({ hireDate: z.string().nullable() }).nullable(),
  /** Self and admins; otherwise null. */
  account: z
    .object({
      role: AppRole,
      hasPassword: z.boolean(),
      pendingInvitationExpiresAt: z.string().nullable(),
    })
    .nullable(),
});
export type PersonProfile = z.infer<typeof PersonProfile>;

export const OrgChartNode = PersonSummary.extend({ directReportCount: z.number().int() });
export type OrgChartNode = z.infer<typeof OrgChartNode>;

export const OrgChart = z.object({
  person: OrgChartNode,
  /** Nearest first: the manager, their manager, … up to the top. */
  managerChain: z.array(OrgChartNode),
  /** Direct reports, by display name. */
  reports: z.array(OrgChartNode),
});
export type OrgChart = z.infer<typeof OrgChart>;

export const TeamMember = OrgChartNode.extend({ hireDate: z.string().nullable() });
export type TeamMember = z.infer<typeof TeamMember>;

/** A manager's team: direct reports with what their management chain may see. */
export const TeamView = z.object({
  manager: PersonSummary,
  reports: z.array(TeamMember),
  /** Active people who report to the direct reports (one level down, not the whole subtree). */
  indirectReportCount: z.number().int(),
});
export type TeamView = z.infer<typeof TeamView>;

// ── Administration ──────────────────────────────────────────────────────────────────────────

const editableFields = {
  name: PersonName,
  preferredName: optionalText(personFieldLimits.preferredName),
  jobTitle: optionalText(personFieldLimits.jobTitle),
  division: optionalText(personFieldLimits.division),
  department: optionalText(personFieldLimits.department),
  team: optionalText(personFieldLimits.team),
  location: optionalText(personFieldLimits.location),
  timeZone: TimeZone.nullable(),
  hireDate: IsoDate.nullable(),
  managerId: PersonId.nullable(),
  role: AppRole,
};

export const CreatePersonBody = z.strictObject({
  email: Email,
  name: editableFields.name,
  preferredName: editableFields.preferredName.optional(),
  jobTitle: editableFields.jobTitle.optional(),
  division: editableFields.division.optional(),
  department: editableFields.department.optional(),
  team: editableFields.team.optional(),
  location: editableFields.location.optional(),
  timeZone: editableFields.timeZone.optional(),
  hireDate: editableFields.hireDate.optional(),
  managerId: editableFields.managerId.optional(),
  role: editableFields.role.default("member"),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;
export type CreatePersonInput = z.input<typeof CreatePersonBody>;

/** Only the fields sent change; null clears an optional field. */
export const UpdatePersonBody = z.strictObject({
  email: Email.optional(),
  name: editableFields.name.optional(),
  preferredName: editableFields.preferredName.optional(),
  jobTitle: editableFields.jobTitle.optional(),
  division: editableFields.division.optional(),
  department: editableFields.department.optional(),
  team: editableFields.team.optional(),
  location: editableFields.location.optional(),
  timeZone: editableFields.timeZone.optional(),
  hireDate: editableFields.hireDate.optional(),
  managerId: editableFields.managerId.optional(),
  role: editableFields.role.optional(),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;
export type UpdatePersonInput = z.input<typeof UpdatePersonBody>;

export const DirectoryExportQuery = z.strictObject({
  status: z.enum(["active", "deactivated", "all"]).default("active"),
});
export type DirectoryExportQuery = z.infer<typeof DirectoryExportQuery>;

// ── Invitations ─────────────────────────────────────────────────────────────────────────────

export const InvitationCreated = z.object({
  personId: z.string(),
  expiresAt: z.string(),
  /** The single-use link to give the person; shown once, never stored in clear. */
  url: z.string(),
  /** True when SMTP is configured and the message was handed to the mail server. */
  emailed: z.boolean(),
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const InvitationTokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not a valid invitation link"),
});
export type InvitationTokenParams = z.infer<typeof InvitationTokenParams>;

export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationBody = z.strictObject({ password: NewPassword });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;
