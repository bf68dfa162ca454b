import { Button, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { ExplorationResource } from "#core/growth-plan/sections.schemas.ts";
import { newId, problemAt, useSectionAutosave } from "../plan-parts.ts";
import { ItemList, ListItemCard } from "./list-item-card.tsx";
import { SectionConflict } from "./section-conflict.tsx";

export function ExplorationEditor({ plan }: { plan: PlanView }) {
  const autosave = useSectionAutosave(plan, "exploration");
  const { draft, update } = autosave;
  const change = (id: string, patch: Partial<ExplorationResource>) =>
    update((section) => ({
      resources: section.resources.map((resource) =>
        resource.id === id ? { ...resource, ...patch } : resource,
      ),
    }));

  return (
    <Stack gap="md">
      <SectionConflict sectionKey="exploration" autosave={autosave} />
      {draft.resources.length === 0 && (
        <Text c="dimmed">
          No resources yet: add courses, programs, people or pages to learn from.
        </Text>
      )}
      <ItemList>
        {draft.resources.map((resource, index) => (
          <ListItemCard
            key={resource.id}
            heading={resource.title || `Resource ${index + 1}`}
            removeLabel={`Remove ${resource.title || `resource ${index + 1}`}`}
            onRemove={() =>
              update((section) => ({
                resources: section.resources.filter((candidate) => candidate.id !== resource.id),
              }))
            }
          >
            <TextInput
              label="Title"
              required
              value={resource.title}
              error={problemAt(autosave, `resources.${index}.title`)}
              onChange={(event) => change(resource.id, { title: event.currentTarget.value })}
            />
            <TextInput
              label="Link"
              type="url"
              placeholder="https://…"
              value={resource.url ?? ""}
              error={problemAt(autosave, `resources.${index}.url`)}
              onChange={(event) =>
                change(resource.id, { url: event.currentTarget.value.trim() || null })
              }
            />
            <Textarea
              label="Note"
              autosize
              minRows={1}
              value={resource.note}
              error={problemAt(autosave, `resources.${index}.note`)}
              onChange={(event) => change(resource.id, { note: event.currentTarget.value })}
            />
          </ListItemCard>
        ))}
      </ItemList>
      <Button
        variant="default"
        leftSection={<IconPlus size={18} aria-hidden />}
        style={{ alignSelf: "flex-start" }}
        disabled={draft.resources.length >= growthPlanLimits.resources}
        onClick={() =>
          update((section) => ({
            resources: [...section.resources, { id: newId(), title: "", url: null, note: "" }],
          }))
        }
      >
        Add resource
      </Button>
    </Stack>
  );
}
