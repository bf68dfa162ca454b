import { z } from "zod";
import type { ConversationTopic } from "#core/conversations/conversations.schemas.ts";
import {
  type ConversationTemplateView,
  CreateConversationTemplateBody,
  UpdateConversationTemplateBody,
} from "#core/conversations/templates.schemas.ts";

export interface TemplateFormValues {
  name: string;
  description: string;
  isDefault: boolean;
  topics: ConversationTopic[];
}

/** A new topic's key: stable across edits (notes are stored per key), never shown. */
export function newTopicKey(existing: readonly ConversationTopic[], random = Math.random): string {
  const taken = new Set(existing.map((topic) => topic.key));
  for (;;) {
    const key = `topic-${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, "0")}`;
    if (!taken.has(key)) return key;
  }
}

export function emptyTopic(existing: readonly ConversationTopic[]): ConversationTopic {
  return { key: newTopicKey(existing), title: "", prompt: "" };
}

export function templateFormValues(template: ConversationTemplateView | null): TemplateFormValues {
  if (!template) {
    return { name: "", description: "", isDefault: false, topics: [emptyTopic([])] };
  }
  return {
    name: template.name,
    description: template.description,
    isDefault: template.isDefault,
    topics: template.topics.map((topic) => ({ ...topic })),
  };
}

/** Moves the topic at `from` one place up (-1) or down (+1); the list is unchanged at its ends. */
export function moveTopic<Item>(items: readonly Item[], from: number, step: -1 | 1): Item[] {
  const to = from + step;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

export const CreateTemplateForm = CreateConversationTemplateBody;

/** Saving an existing template sends the whole template with the version it was read at. */
export function updateTemplateForm(baseVersion: () => number, archived: boolean) {
  return z
    .object({
      name: z.string(),
      description: z.string(),
      isDefault: z.boolean(),
      topics: z.array(z.object({ key: z.string(), title: z.string(), prompt: z.string() })),
    })
    .transform(
      (values): z.input<typeof UpdateConversationTemplateBody> => ({
        ...values,
        baseVersion: baseVersion(),
        archived,
      }),
    )
    .pipe(UpdateConversationTemplateBody);
}

/** The body that archives or restores a template: the whole template, one field changed. */
export function archiveBody(template: ConversationTemplateView, archived: boolean) {
  return UpdateConversationTemplateBody.parse({
    name: template.name,
    description: template.description,
    topics: template.topics,
    isDefault: template.isDefault,
    baseVersion: template.version,
    archived,
  });
}
