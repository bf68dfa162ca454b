import { z } from "zod";
import { type PromptList, UpdatePromptsBody } from "#core/growth-plan/templates.schemas.ts";
import { slugOf } from "./growth-plan-template-editing.ts";

/** A prompt on the form; `id` is null until a new prompt is first saved. */
export type PromptDraft = { key: string; id: string | null; text: string; help: string };

/** `baseVersion`: the version of the list the form was loaded or last saved at. */
export type PromptFormValues = { prompts: PromptDraft[]; baseVersion: number };

export function promptFormValues(list: Pick<PromptList, "prompts" | "version">): PromptFormValues {
  return {
    prompts: list.prompts.map((prompt) => ({ ...prompt, key: prompt.id })),
    baseVersion: list.version,
  };
}

export function blankPrompt(): PromptDraft {
  return { key: crypto.randomUUID(), id: null, text: "", help: "" };
}

const randomSuffix = () => crypto.randomUUID().slice(0, 6);

/**
 * An id for a new prompt: its words plus a random suffix. Plans keep the id of each prompt they
 * started with, so a new prompt must never take the id of one that was removed.
 */
export function newPromptId(
  text: string,
  taken: ReadonlySet<string>,
  suffix: () => string = randomSuffix,
): string {
  const words = slugOf(text, 40) || "prompt";
  let id = `${words}-${suffix()}`;
  while (taken.has(id)) id = `${words}-${suffix()}`;
  return id;
}

/** The PUT body: the prompts in their order, new ones with an id of their own. */
export function promptsBody(
  values: PromptFormValues,
  suffix?: () => string,
): z.input<typeof UpdatePromptsBody> {
  const taken = new Set(values.prompts.flatMap((prompt) => (prompt.id ? [prompt.id] : [])));
  return {
    prompts: values.prompts.map((prompt) => {
      const id = prompt.id ?? newPromptId(prompt.text, taken, suffix);
      taken.add(id);
      return { id, text: prompt.text, help: prompt.help };
    }),
    baseVersion: values.baseVersion,
  };
}

/** The form's rules are the API's, checked on the body the form would send. */
export const promptFormSchema = z
  .custom<PromptFormValues>()
  .transform((values) => promptsBody(values))
  .pipe(UpdatePromptsBody);

/** Where a prompt now sits, for a screen reader to announce after it moved. */
export function positionAnnouncement(text: string, index: number, count: number): string {
  const name = text.trim() ? `“${text.trim()}”` : "The prompt";
  return `${name} is now prompt ${index + 1} of ${count}.`;
}
