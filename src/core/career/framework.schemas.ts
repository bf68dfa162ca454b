import { z } from "zod";
import { text, WebUrl } from "../growth-plan/fields.schemas.ts";

/**
 * A career framework as one document: job families, roles, competencies in themes, the rating
 * scale with level descriptors, the expected proficiency of each role per competency, and the
 * career path edges between roles. Admins edit a draft of it and publish it as a numbered,
 * immutable version; assessments record the version they were made against. The native YAML
 * import is this same document (docs/career-frameworks.md), so it is validated by these schemas.
 *
 * Everything in the document is addressed by a stable `key` (a slug), kept across versions, so
 * a re-import updates instead of duplicating and an assessment can be re-based onto a newer
 * version by key.
 */

export const careerFrameworkLimits = {
  roles: 200,
  competencies: 100,
  themes: 20,
  families: 50,
  edges: 2_000,
  scaleMin: 3,
  scaleMax: 7,
  peersPerRequest: 20,
  /** Peer ratings are shown only as an aggregate, and only once this many peers answered. */
  peerAggregateMinimum: 3,
  name: 200,
  shortText: 500,
  longText: 20_000,
  descriptor: 2_000,
  note: 500,
  changeSummary: 2_000,
  evidence: 5_000,
  evidenceLinks: 10,
  levelMax: 20,
} as const;

const limits = careerFrameworkLimits;

export const CareerKey = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,79}$/,
    "Use 1–80 lower-case letters, digits and hyphens, starting with a letter or digit",
  );
export type CareerKey = z.infer<typeof CareerKey>;

const name = z.string().trim().min(1, "Enter a name").max(limits.name);
const shortText = text(limits.shortText);
const longText = text(limits.longText);

export const ScalePoint = z.strictObject({
  /** 1-based, in order: the first point is 1, the last is the scale's length. */
  value: z.int().min(1).max(limits.scaleMax),
  label: z.string().trim().min(1, "Enter a label").max(100),
});
export type ScalePoint = z.infer<typeof ScalePoint>;

export const RatingScale = z
  .array(ScalePoint)
  .min(limits.scaleMin, `A scale has at least ${limits.scaleMin} points`)
  .max(limits.scaleMax, `A scale has at most ${limits.scaleMax} points`)
  .superRefine((points, context) => {
    points.forEach((point, index) => {
      if (point.value !== index + 1) {
        context.addIssue({
          code: "custom",
          message: `Point ${index + 1} must have the value ${index + 1}`,
          path: [index, "value"],
        });
      }
    });
  });
export type RatingScale = z.infer<typeof RatingScale>;

export const ratingSources = ["manager", "peers", "self"] as const;
export const RatingSource = z.enum(ratingSources);
export type RatingSource = z.infer<typeof RatingSource>;

/**
 * How a gap is computed and flagged, shown to everyone who reads a gap analysis: the gap is the
 * expected level minus the first rating available in `prefer` order; a difference of at least
 * `discussAt` between the member's own rating and the manager's is flagged for discussion.
 */
export const GapRule = z.strictObject({
  prefer: z
    .array(RatingSource)
    .min(1, "Name at least one rating source")
    .max(3)
    .refine((sources) => new Set(sources).size === sources.length, "Name each source once"),
  discussAt: z
    .int()
    .min(1)
    .max(limits.scaleMax - 1),
});
export type GapRule = z.infer<typeof GapRule>;

export const Theme = z.strictObject({
  key: CareerKey,
  name,
  description: shortText,
  /** The CASE identifier this theme was imported from, kept so a re-import updates it. */
  caseId: z.string().max(200).nullable(),
});
export type Theme = z.infer<typeof Theme>;

export const Competency = z.strictObject({
  key: CareerKey,
  themeKey: CareerKey,
  name,
  description: text(limits.descriptor),
  /** What each point of the scale looks like for this competency; index 0 is point 1. */
  descriptors: z.array(text(limits.descriptor)).max(limits.scaleMax),
  caseId: z.string().max(200).nullable(),
});
export type Competency = z.infer<typeof Competency>;

export const JobFamily = z.strictObject({
  key: CareerKey,
  name,
  department: name,
  description: longText,
  handbookUrl: WebUrl.nullable(),
});
export type JobFamily = z.infer<typeof JobFamily>;

export const roleTracks = ["ic", "manager"] as const;
export const RoleTrack = z.enum(roleTracks);
export type RoleTrack = z.infer<typeof RoleTrack>;
export const roleTrackLabels: Record<RoleTrack, string> = {
  ic: "Individual contributor",
  manager: "Manager",
};

export const Role = z.strictObject({
  key: CareerKey,
  familyKey: CareerKey,
  title: name,
  level: z.int().min(1).max(limits.levelMax),
  levelName: text(100),
  track: RoleTrack,
  department: name,
  summary: text(limits.descriptor),
  /** Markdown. */
  responsibilities: longText,
  /** Markdown. */
  requirements: longText,
  url: WebUrl.nullable(),
  /** Expected proficiency per competency key, on the framework's scale. */
  expectations: z.record(CareerKey, z.int().min(1).max(limits.scaleMax)),
});
export type Role = z.infer<typeof Role>;

export const edgeKinds = ["upward", "lateral", "cross-department"] as const;
export const EdgeKind = z.enum(edgeKinds);
export type EdgeKind = z.infer<typeof EdgeKind>;

export const CareerEdge = z.strictObject({
  from: CareerKey,
  to: CareerKey,
  kind: EdgeKind,
  note: text(limits.note),
});
export type CareerEdge = z.infer<typeof CareerEdge>;

export const FrameworkContent = z
  .strictObject({
    name,
    description: longText,
    scale: RatingScale,
    gapRule: GapRule,
    themes: z.array(Theme).max(limits.themes, `A framework has at most ${limits.themes} themes`),
    competencies: z
      .array(Competency)
      .max(limits.competencies, `A framework has at most ${limits.competencies} competencies`),
    families: z
      .array(JobFamily)
      .max(limits.families, `A framework has at most ${limits.families} job families`),
    roles: z.array(Role).max(limits.roles, `A framework has at most ${limits.roles} roles`),
    edges: z.array(CareerEdge).max(limits.edges, `A framework has at most ${limits.edges} edges`),
    /** The CASE CFDocument identifier this framework was imported from, if any. */
    caseDocumentId: z.string().max(200).nullable(),
  })
  .superRefine(checkReferences);
export type FrameworkContent = z.infer<typeof FrameworkContent>;

/** Keys unique per kind; every reference names something that exists; levels on the scale. */
function checkReferences(content: FrameworkContentShape, context: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) =>
    context.addIssue({ code: "custom", message, path });
  const unique = (kind: "themes" | "competencies" | "families" | "roles") => {
    const seen = new Set<string>();
    content[kind].forEach((entry, index) => {
      if (seen.has(entry.key)) issue([kind, index, "key"], `The key "${entry.key}" is used twice`);
      seen.add(entry.key);
    });
    return seen;
  };
  const themes = unique("themes");
  const competencies = unique("competencies");
  const families = unique("families");
  const roles = unique("roles");
  const points = content.scale.length;
  content.competencies.forEach((competency, index) => {
    if (!themes.has(competency.themeKey)) {
      issue(["competencies", index, "themeKey"], `No theme has the key "${competency.themeKey}"`);
    }
    if (competency.descriptors.length > points) {
      issue(
        ["competencies", index, "descriptors"],
        `The scale has ${points} points; give at most ${points} descriptors`,
      );
    }
  });
  content.roles.forEach((role, index) => {
    if (!families.has(role.familyKey)) {
      issue(["roles", index, "familyKey"], `No job family has the key "${role.familyKey}"`);
    }
    for (const [key, level] of Object.entries(role.expectations)) {
      if (!competencies.has(key)) {
        issue(["roles", index, "expectations", key], `No competency has the key "${key}"`);
      } else if (level > points) {
        issue(["roles", index, "expectations", key], `The scale has only ${points} points`);
      }
    }
  });
  const edges = new Set<string>();
  content.edges.forEach((edge, index) => {
    if (!roles.has(edge.from))
      issue(["edges", index, "from"], `No role has the key "${edge.from}"`);
    if (!roles.has(edge.to)) issue(["edges", index, "to"], `No role has the key "${edge.to}"`);
    if (edge.from === edge.to) issue(["edges", index, "to"], "An edge joins two different roles");
    const pair = `${edge.from}→${edge.to}`;
    if (edges.has(pair)) issue(["edges", index], "This edge is listed twice");
    edges.add(pair);
  });
}

type FrameworkContentShape = {
  scale: RatingScale;
  themes: Theme[];
  competencies: Competency[];
  families: JobFamily[];
  roles: Role[];
  edges: CareerEdge[];
};

export const defaultScale: RatingScale = [
  { value: 1, label: "Learning" },
  { value: 2, label: "Developing" },
  { value: 3, label: "Proficient" },
  { value: 4, label: "Expert" },
];

export const defaultGapRule: GapRule = { prefer: ["manager", "self"], discussAt: 2 };

export function emptyFramework(frameworkName: string): FrameworkContent {
  return {
    name: frameworkName,
    description: "",
    scale: defaultScale,
    gapRule: defaultGapRule,
    themes: [],
    competencies: [],
    families: [],
    roles: [],
    edges: [],
    caseDocumentId: null,
  };
}

const sourceNames: Record<RatingSource, string> = {
  manager: "your manager's rating",
  peers: "your peers' average rating (once at least 3 peers answered)",
  self: "your own rating",
};

/** The gap rule in words, as every gap analysis shows it. */
export function describeGapRule(rule: GapRule): string {
  const [first, ...rest] = rule.prefer.map((source) => sourceNames[source]);
  const fallback = rest.length > 0 ? `, otherwise ${rest.join(", otherwise ")}` : "";
  return (
    `Gap = expected level − ${first} when there is one${fallback}. ` +
    `A difference of ${rule.discussAt} or more between your rating and your manager's is flagged for discussion.`
  );
}
