import { trajectoryLabels } from "#core/growth-plan/sections.schemas.ts";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import { cadenceLabels, goalStatusLabels } from "./plan-labels.ts";

/** One field whose value differs between two versions of a part; null: absent in that version. */
export interface FieldChange {
  /** Stable key for lists and tests, e.g. `actionSteps[<id>].title`. */
  path: string;
  /** What a person reads, e.g. "Action step 2 · Title". */
  label: string;
  before: string | null;
  after: string | null;
}

const fieldLabels: Record<string, string> = {
  skill: "Skill/Behavior",
  resources: "Resources/support",
  careerSupport: "How it supports career goals",
  actionSteps: "Action step",
  network: "Engaging the network",
  challenges: "Anticipated challenges",
  status: "Status",
  targetDate: "Target date",
  answers: "Prompt",
  answer: "Answer",
  prompt: "Question",
  promptId: "Prompt id",
  assessments: "Assessments",
  myersBriggs: "Myers-Briggs type",
  strengths: "Strengths",
  learningStyle: "Learning style",
  energyFindings: "Energy finding",
  trajectory: "Trajectory",
  targetRoles: "Target roles",
  timeFrame: "Time frame",
  notes: "Notes",
  note: "Note",
  url: "Link",
  title: "Title",
  schedule: "Schedule",
  checkIns: "Check-in",
  reflections: "Reflection",
  reflection: "Reflection",
  entries: "Accomplishment",
  goalIds: "Linked goals",
  dueOn: "Due",
  done: "Done",
  doneOn: "Done on",
  on: "Date",
  body: "Text",
  details: "Details",
  label: "Label",
  cadence: "Cadence",
  startsOn: "Starts on",
};

function labelOf(key: string): string {
  return fieldLabels[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

const energyKindLabels: Record<string, string> = { energizes: "Energizes", drains: "Drains" };

/** Fields holding a value from a fixed list, shown with the words the plan pages use. */
const valueLabels: Record<string, Record<string, string>> = {
  status: goalStatusLabels,
  cadence: cadenceLabels,
  trajectory: trajectoryLabels,
  kind: energyKindLabels,
};

/** Fields holding a calendar day (YYYY-MM-DD) or an instant, shown as the plan pages show them. */
const calendarDateKeys = new Set(["targetDate", "dueOn", "doneOn", "on", "startsOn"]);
const instantKeys = new Set(["addedAt"]);

function display(value: unknown, key = ""): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    if (value === "") return "";
    const label = valueLabels[key]?.[value];
    if (label) return label;
    if (calendarDateKeys.has(key) && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return formatCalendarDate(value);
    }
    if (instantKeys.has(key)) return formatDateTime(value);
  }
  return String(value);
}

function isItemWithId(value: unknown): value is { id: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { id?: unknown }).id === "string"
  );
}

type Flat = Map<string, { label: string; value: string }>;

function flatten(value: unknown, path: string, label: string, out: Flat, fieldKey = ""): void {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== "object" || item === null)) {
      out.set(path, { label, value: value.map((item) => display(item, fieldKey)).join(", ") });
      return;
    }
    value.forEach((item, index) => {
      const itemPath = isItemWithId(item) ? `${path}[${item.id}]` : `${path}[${index}]`;
      flatten(item, itemPath, `${label} ${index + 1}`, out, fieldKey);
    });
    return;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      // Ids only tie list items together; they are not something a person changed.
      if (key === "id") continue;
      const childLabel = label ? `${label} · ${labelOf(key)}` : labelOf(key);
      flatten(child, path ? `${path}.${key}` : key, childLabel, out, key);
    }
    return;
  }
  out.set(path, { label, value: display(value, fieldKey) });
}

/**
 * The fields that differ between two versions of a section or goal, in the order of the later
 * version (then fields only the earlier one had). Lists of items match by item id.
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const beforeFlat: Flat = new Map();
  const afterFlat: Flat = new Map();
  if (before !== null && before !== undefined) flatten(before, "", "", beforeFlat);
  if (after !== null && after !== undefined) flatten(after, "", "", afterFlat);

  const changes: FieldChange[] = [];
  for (const [path, { label, value }] of afterFlat) {
    const old = beforeFlat.get(path);
    if (old?.value === value) continue;
    if (!old && value === "") continue;
    changes.push({ path, label, before: old ? old.value : null, after: value });
  }
  for (const [path, { label, value }] of beforeFlat) {
    if (afterFlat.has(path) || value === "") continue;
    changes.push({ path, label, before: value, after: null });
  }
  return changes;
}
