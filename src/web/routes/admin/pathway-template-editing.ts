import { z } from "zod";
import {
  PathwayAudienceNote,
  PathwayItemKind,
  PathwayItemTitle,
  pathwayLimits,
} from "#core/pathway/pathway.schemas.ts";
import {
  CreatePathwayItemBody,
  type PathwayTemplateItem,
  type PathwayTemplateStage,
} from "#core/pathway/pathway-api.schemas.ts";
import { lastScheduledYear, stageKeyId, stageLabel } from "#core/pathway/pathway-stages.ts";

/** A list with one entry moved up (-1) or down (+1); unchanged at either end. */
export function moveItem<Item>(items: readonly Item[], index: number, delta: -1 | 1): Item[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) {
    return [...items];
  }
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target] as Item, moved[index] as Item];
  return moved;
}

/**
 * Stages an admin can add: the missing quarters of every scheduled year and of the year after,
 * then considerations when the template has none.
 */
export function addableStages(stages: readonly Pick<PathwayTemplateStage, "key">[]) {
  const present = new Set(stages.map((stage) => stageKeyId(stage.key)));
  const lastYear = Math.min(lastScheduledYear(stages) + 1, pathwayLimits.maxYear);
  const options: { value: string; label: string }[] = [];
  for (let year = 1; year <= lastYear; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const key = { kind: "quarter" as const, year, quarter };
      if (!present.has(stageKeyId(key))) {
        options.push({ value: stageKeyId(key), label: stageLabel(key) });
      }
    }
  }
  if (!present.has("considerations")) {
    options.push({ value: "considerations", label: "Considerations (after the last year)" });
  }
  return options;
}

export interface ItemFormValues {
  title: string;
  description: string;
  /** "" lets the server infer the kind from the description. */
  kind: string;
  audienceNote: string;
}

export function itemFormValues(item?: PathwayTemplateItem): ItemFormValues {
  return {
    title: item?.title ?? "",
    description: item?.description ?? "",
    kind: item?.kind ?? "",
    audienceNote: item?.audienceNote ?? "",
  };
}

const blankToUndefined = (value: string) => (value === "" ? undefined : value);

/**
 * The item form's rules, from the API's. A new item may leave title, kind and audience note blank
 * for the server to infer; an edited one keeps its title, and a blank note clears it.
 */
export function itemFormSchema(mode: "create" | "edit") {
  return z.strictObject({
    description: CreatePathwayItemBody.shape.description,
    title:
      mode === "create"
        ? z.string().trim().transform(blankToUndefined).pipe(PathwayItemTitle.optional())
        : PathwayItemTitle,
    kind: z.string().transform(blankToUndefined).pipe(PathwayItemKind.optional()),
    audienceNote:
      mode === "create"
        ? z
            .string()
            .trim()
            .transform(blankToUndefined)
            .pipe(PathwayAudienceNote.unwrap().optional())
        : z
            .string()
            .trim()
            .transform((value) => (value === "" ? null : value))
            .pipe(PathwayAudienceNote),
  });
}

/** The fields an edit changes, so unchanged ones are not re-inferred or rewritten. */
export function changedItemFields<Body extends Record<string, unknown>>(
  item: PathwayTemplateItem,
  body: Body,
): Partial<Body> {
  const changes: Partial<Body> = {};
  for (const key of Object.keys(body) as (keyof Body)[]) {
    const before = (item as unknown as Record<keyof Body, unknown>)[key];
    if (body[key] !== undefined && body[key] !== before) changes[key] = body[key];
  }
  return changes;
}

/** Who follows a template, counting those who follow the default without an assignment. */
export function followersText(template: {
  followerCount: number;
  assignedCount: number;
  isDefault: boolean;
}): string {
  const n = template.followerCount;
  const follow = `${n} ${n === 1 ? "person follows" : "people follow"} it`;
  if (!template.isDefault) return follow;
  if (template.assignedCount === 0) return `${follow}, by default`;
  return `${follow} (${template.assignedCount} by assignment, the others by default)`;
}
