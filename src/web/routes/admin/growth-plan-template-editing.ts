import { z } from "zod";
import { defaultTemplates, standardSchedule } from "#core/growth-plan/growth-plan-defaults.ts";
import type { CheckInCadence, Trajectory } from "#core/growth-plan/sections.schemas.ts";
import {
  CreateTemplateBody,
  TemplateBody,
  type TemplateView,
  type UpdateTemplateBody,
} from "#core/growth-plan/templates.schemas.ts";

/**
 * The template form holds the request body's shape, so the server's field paths
 * (`content.goals.0.skill`) name the form's inputs. Its lists carry a `key` for rendering, and
 * empty choices are "" until they become the body's nulls.
 */
export type GoalDraft = {
  key: string;
  skill: string;
  resources: string;
  careerSupport: string;
  actionSteps: string[];
  network: string;
  challenges: string;
};

export type ResourceDraft = { key: string; title: string; url: string; note: string };

export type ScheduleDraft = { key: string; cadence: CheckInCadence; label: string };

export type TemplateFormValues = {
  /** Only sent when creating: a template's id never changes. */
  id: string;
  name: string;
  description: string;
  archived: boolean;
  content: {
    role: { trajectory: Trajectory | ""; targetRoles: string[]; timeFrame: string; notes: string };
    inspirationHint: string;
    goals: GoalDraft[];
    resources: ResourceDraft[];
    schedule: ScheduleDraft[];
  };
};

type TemplateSource = Pick<TemplateView, "name" | "description" | "archived" | "content">;

const newKey = () => crypto.randomUUID();

export function blankGoal(): GoalDraft {
  return {
    key: newKey(),
    skill: "",
    resources: "",
    careerSupport: "",
    actionSteps: [],
    network: "",
    challenges: "",
  };
}

export function blankResource(): ResourceDraft {
  return { key: newKey(), title: "", url: "", note: "" };
}

export function blankScheduleItem(): ScheduleDraft {
  return { key: newKey(), cadence: "monthly", label: "" };
}

/** The form for a template; a new one starts with Section 4's standard rhythm and nothing else. */
export function templateFormValues(template?: TemplateSource, id = ""): TemplateFormValues {
  const content = template?.content;
  return {
    id,
    name: template?.name ?? "",
    description: template?.description ?? "",
    archived: template?.archived ?? false,
    content: {
      role: {
        trajectory: content?.role.trajectory ?? "",
        targetRoles: [...(content?.role.targetRoles ?? [])],
        timeFrame: content?.role.timeFrame ?? "",
        notes: content?.role.notes ?? "",
      },
      inspirationHint: content?.inspirationHint ?? "",
      goals: (content?.goals ?? []).map((goal) => ({
        ...goal,
        actionSteps: [...goal.actionSteps],
        key: newKey(),
      })),
      resources: (content?.resources ?? []).map((resource) => ({
        key: newKey(),
        title: resource.title,
        url: resource.url ?? "",
        note: resource.note,
      })),
      schedule: (content?.schedule ?? standardSchedule).map((item) => ({ ...item, key: newKey() })),
    },
  };
}

/** A new template that starts as a copy of another; the copy is never archived. */
export function copiedTemplateFormValues(template: TemplateView): TemplateFormValues {
  const name = `${template.name} (copy)`;
  return { ...templateFormValues(template, suggestedTemplateId(name)), name, archived: false };
}

const withoutKey = <Draft extends { key: string }>({ key: _key, ...rest }: Draft) => rest;

/** The PUT body: the form without its list keys, with empty choices as nulls. */
export function templateBody(values: TemplateFormValues): z.input<typeof TemplateBody> {
  const { role, inspirationHint, goals, resources, schedule } = values.content;
  return {
    name: values.name,
    description: values.description,
    archived: values.archived,
    content: {
      role: { ...role, trajectory: role.trajectory === "" ? null : role.trajectory },
      inspirationHint,
      goals: goals.map(withoutKey),
      resources: resources.map((resource) => ({
        ...withoutKey(resource),
        url: resource.url.trim() === "" ? null : resource.url,
      })),
      schedule: schedule.map(withoutKey),
    },
  };
}

/** The body of archiving or restoring a template from the list: everything else as it is. */
/**
 * The form holding what Trellis ships for a shipped template, keeping whether it is archived;
 * null for a template an admin added. Saving it is an ordinary, versioned save.
 */
export function shippedTemplateFormValues(
  template: Pick<TemplateView, "id" | "archived">,
): TemplateFormValues | null {
  const shipped = defaultTemplates.find((candidate) => candidate.id === template.id);
  return shipped ? templateFormValues({ ...shipped, archived: template.archived }) : null;
}

/** The save that archives or restores a template as listed, made from the listed version. */
export function archivedTemplateBody(
  template: TemplateSource & Pick<TemplateView, "version">,
  archived: boolean,
): UpdateTemplateBody {
  return {
    name: template.name,
    description: template.description,
    archived,
    content: template.content,
    baseVersion: template.version,
  };
}

/**
 * "new" is the address of the page that creates templates, so a template with that id could
 * never be opened for editing.
 */
export const reservedTemplateIds: readonly string[] = ["new"];

const formValues = z.custom<TemplateFormValues>();

/** The form's rules are the API's, checked on the body the form would send. */
export const editTemplateFormSchema = formValues.transform(templateBody).pipe(TemplateBody);

export const createTemplateFormSchema = formValues
  .transform((values) => ({ id: values.id.trim(), ...templateBody(values) }))
  .pipe(
    CreateTemplateBody.refine((body) => !reservedTemplateIds.includes(body.id), {
      path: ["id"],
      message: "This id is reserved; choose another",
    }),
  );

/** Lower-case words joined by dashes, e.g. "Staff engineer: next steps" → "staff-engineer-next-steps". */
export function slugOf(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}

/** An id for a template named `name`, as the API's id rule allows. */
export function suggestedTemplateId(name: string): string {
  return slugOf(name, 64);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What a template puts into a new plan, in a few words. */
export function templateContentSummary(content: TemplateView["content"]): string {
  return [
    plural(content.goals.length, "goal", "goals"),
    plural(content.resources.length, "resource", "resources"),
    plural(content.schedule.length, "check-in rhythm", "check-in rhythms"),
  ].join(" · ");
}
