import { z } from "zod";
import { text } from "../growth-plan/fields.schemas.ts";
import { PersonId } from "../people.schemas.ts";
import {
  CareerEdge,
  CareerKey,
  Competency,
  careerFrameworkLimits,
  FrameworkContent,
  JobFamily,
  RatingScale,
  Role,
  RoleTrack,
  Theme,
} from "./framework.schemas.ts";

/** The career framework API contract (docs/api/career-paths.md). */

export const FrameworkId = z.uuid("Not a valid id");
/** A version number from a URL; versions are 32-bit integers in the database. */
const VersionNumber = z.coerce.number().int().min(1).max(2_147_483_647);
export const FrameworkIdParams = z.strictObject({ id: FrameworkId });
export const FrameworkVersionParams = z.strictObject({
  id: FrameworkId,
  number: VersionNumber,
});
export const FrameworkRoleParams = z.strictObject({ id: FrameworkId, roleKey: CareerKey });

export const VersionSummary = z.object({
  id: z.string(),
  number: z.int(),
  changeSummary: z.string(),
  publishedAt: z.string(),
  publishedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const FrameworkSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** The shipped example framework, marked as such wherever it is listed. */
  isSample: z.boolean(),
  published: VersionSummary.nullable(),
  /** Admins only: the draft's version, for saving it, and whether it differs from the latest. */
  draft: z
    .object({ version: z.int(), updatedAt: z.string(), unpublishedChanges: z.boolean() })
    .nullable(),
  counts: z.object({ roles: z.int(), competencies: z.int(), families: z.int() }),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

export const FrameworkList = z.object({ frameworks: z.array(FrameworkSummary) });

export const CreateFrameworkBody = z.strictObject({
  name: z.string().trim().min(1, "Enter a name").max(careerFrameworkLimits.name),
  description: text(careerFrameworkLimits.longText).default(""),
});

export const FrameworkDraft = z.object({
  frameworkId: z.string(),
  version: z.int(),
  updatedAt: z.string(),
  content: FrameworkContent,
});
export type FrameworkDraft = z.infer<typeof FrameworkDraft>;

/** The whole draft, as the admin pages send it back, with the version it was based on. */
export const SaveDraftBody = z.strictObject({ baseVersion: z.int(), content: FrameworkContent });

/** Quick edits of the role × competency grid: a level, or null to remove the expectation. */
export const SaveExpectationsBody = z.strictObject({
  baseVersion: z.int(),
  changes: z
    .array(
      z.strictObject({
        roleKey: CareerKey,
        competencyKey: CareerKey,
        level: z.int().min(1).max(careerFrameworkLimits.scaleMax).nullable(),
      }),
    )
    .min(1)
    .max(careerFrameworkLimits.roles * careerFrameworkLimits.competencies),
});

export const PublishBody = z.strictObject({
  baseVersion: z.int(),
  changeSummary: z
    .string()
    .trim()
    .min(1, "Say what changed")
    .max(careerFrameworkLimits.changeSummary),
});

export const FrameworkVersion = VersionSummary.extend({
  frameworkId: z.string(),
  content: FrameworkContent,
});
export type FrameworkVersion = z.infer<typeof FrameworkVersion>;
export const VersionList = z.object({ versions: z.array(VersionSummary) });

/** `from`/`to` are version numbers, or "draft" (admins). */
export const DiffQuery = z.strictObject({
  from: z.union([z.literal("draft"), VersionNumber]),
  to: z.union([z.literal("draft"), VersionNumber]),
});

export const diffKinds = ["added", "removed", "changed"] as const;
export const DiffEntry = z.object({
  area: z.enum([
    "framework",
    "scale",
    "themes",
    "competencies",
    "descriptors",
    "families",
    "roles",
    "expectations",
    "edges",
  ]),
  kind: z.enum(diffKinds),
  /** The stable key of what changed (`role-key`, `role-key/competency-key`, `from→to`). */
  key: z.string(),
  /** What a person reads: "Senior Analyst · Forecasting: 2 → 3". */
  label: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type DiffEntry = z.infer<typeof DiffEntry>;
export const FrameworkDiff = z.object({
  from: z.union([z.literal("draft"), z.int()]),
  to: z.union([z.literal("draft"), z.int()]),
  changes: z.array(DiffEntry),
});
export type FrameworkDiff = z.infer<typeof FrameworkDiff>;

/** The published framework as people read it: everything but the drafts. */
export const PublishedFramework = z.object({
  frameworkId: z.string(),
  isSample: z.boolean(),
  version: VersionSummary,
  content: FrameworkContent,
});
export type PublishedFramework = z.infer<typeof PublishedFramework>;

/** What the career map draws; the web app lays it out with a graph-layout library. */
export const CareerMap = z.object({
  frameworkId: z.string(),
  versionNumber: z.int(),
  departments: z.array(z.string()),
  families: z.array(JobFamily.pick({ key: true, name: true, department: true })),
  roles: z.array(
    Role.pick({
      key: true,
      familyKey: true,
      title: true,
      level: true,
      levelName: true,
      track: true,
      department: true,
    }),
  ),
  edges: z.array(CareerEdge),
  /** The reader's own current role in this framework, to highlight "paths from my role". */
  myRoleKey: CareerKey.nullable(),
});
export type CareerMap = z.infer<typeof CareerMap>;

export const RoleLink = z.object({
  key: z.string(),
  title: z.string(),
  department: z.string(),
  level: z.int(),
  levelName: z.string(),
  kind: z.enum(["upward", "lateral", "cross-department"]),
  note: z.string(),
});

export const RolePage = z.object({
  frameworkId: z.string(),
  versionNumber: z.int(),
  scale: RatingScale,
  role: Role.omit({ expectations: true }),
  family: JobFamily,
  expectations: z.array(
    z.object({
      competency: Competency,
      theme: Theme,
      expected: z.int(),
    }),
  ),
  leadsTo: z.array(RoleLink),
  comesFrom: z.array(RoleLink),
});
export type RolePage = z.infer<typeof RolePage>;

export const RoleSearchQuery = z.strictObject({
  q: z.string().max(200).optional(),
  department: z.string().max(200).optional(),
  track: RoleTrack.optional(),
  frameworkId: FrameworkId.optional(),
});
export const RoleSearchResult = z.object({
  roles: z.array(
    z.object({
      frameworkId: z.string(),
      frameworkName: z.string(),
      key: z.string(),
      title: z.string(),
      level: z.int(),
      levelName: z.string(),
      track: RoleTrack,
      department: z.string(),
      familyName: z.string(),
      summary: z.string(),
    }),
  ),
  departments: z.array(z.string()),
});
export type RoleSearchResult = z.infer<typeof RoleSearchResult>;

export const RoleRef = z.strictObject({ frameworkId: FrameworkId, roleKey: CareerKey });
export type RoleRef = z.infer<typeof RoleRef>;

/** A person's place in the framework: their current role (set by admins) and target role. */
export const CareerPosition = z.object({
  personId: z.string(),
  currentRole: z
    .object({ frameworkId: z.string(), roleKey: z.string(), title: z.string() })
    .nullable(),
  /** Only the person, their manager and admins see it. */
  targetRole: z
    .object({ frameworkId: z.string(), roleKey: z.string(), title: z.string() })
    .nullable(),
});
export type CareerPosition = z.infer<typeof CareerPosition>;
export const CareerPositionParams = z.strictObject({ id: PersonId });
export const SetRoleBody = z.strictObject({ role: RoleRef.nullable() });

export const importFormats = ["yaml", "csv", "case"] as const;
export const ImportFormat = z.enum(importFormats);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportBody = z.strictObject({
  format: ImportFormat,
  /** The file's text; at most the body limit. */
  content: z.string().max(10_000_000),
  /** Update this framework's draft instead of creating a new framework. */
  frameworkId: FrameworkId.optional(),
});

export const ImportWarning = z.object({
  /** 1-based line for YAML and CSV; a JSON path (`$.CFItems[3].fullStatement`) for CASE. */
  line: z.int().nullable(),
  path: z.string().nullable(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ImportChange = z.object({
  area: DiffEntry.shape.area,
  kind: z.enum(diffKinds),
  key: z.string(),
  label: z.string(),
});

export const ImportResult = z.object({
  /** Null on a preview. */
  frameworkId: z.string().nullable(),
  content: FrameworkContent,
  counts: z.object({
    families: z.int(),
    roles: z.int(),
    competencies: z.int(),
    themes: z.int(),
    edges: z.int(),
  }),
  /** What will be (preview) or was created or changed, against the framework's draft. */
  changes: z.array(ImportChange),
  warnings: z.array(ImportWarning),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportQuery = z.strictObject({
  format: ImportFormat,
  /** A published version number; the latest published by default; "draft" for admins. */
  version: z.union([z.literal("draft"), VersionNumber]).optional(),
});
