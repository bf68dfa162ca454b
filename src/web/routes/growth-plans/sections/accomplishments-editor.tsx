import { Button, Group, MultiSelect, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { Accomplishment } from "#core/growth-plan/sections.schemas.ts";
import { MarkdownField } from "../markdown-field.tsx";
import { goalName } from "../plan-labels.ts";
import { newId, problemAt, today, useSectionAutosave } from "../plan-parts.ts";
import { ItemList, ListItemCard } from "./list-item-card.tsx";
import { SectionConflict } from "./section-conflict.tsx";

export function AccomplishmentsEditor({ plan }: { plan: PlanView }) {
  const autosave = useSectionAutosave(plan, "accomplishments");
  const { draft, update } = autosave;
  const goals = (plan.goals ?? []).map((goal, index) => ({
    value: goal.id,
    label: goalName(goal.content, index),
  }));
  const change = (id: string, patch: Partial<Accomplishment>) =>
    update((section) => ({
      entries: section.entries.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)),
    }));

  return (
    <Stack gap="md">
      <SectionConflict sectionKey="accomplishments" autosave={autosave} />
      <Button
        leftSection={<IconPlus size={18} aria-hidden />}
        style={{ alignSelf: "flex-start" }}
        disabled={draft.entries.length >= growthPlanLimits.accomplishments}
        onClick={() =>
          update((section) => ({
            entries: [
              { id: newId(), on: today(), title: "", details: "", goalIds: [] },
              ...section.entries,
            ],
          }))
        }
      >
        Add an accomplishment
      </Button>
      {draft.entries.length === 0 && (
        <Text c="dimmed">No wins logged yet. The next one, however small, goes here.</Text>
      )}
      <ItemList>
        {draft.entries.map((entry, index) => (
          <ListItemCard
            key={entry.id}
            heading={entry.title || "New accomplishment"}
            removeLabel={`Remove ${entry.title || "this accomplishment"}`}
            onRemove={() =>
              update((section) => ({
                entries: section.entries.filter((candidate) => candidate.id !== entry.id),
              }))
            }
          >
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label="What happened"
                required
                miw={220}
                value={entry.title}
                error={problemAt(autosave, `entries.${index}.title`)}
                onChange={(event) => change(entry.id, { title: event.currentTarget.value })}
              />
              <TextInput
                label="Date"
                type="date"
                miw={160}
                maw={220}
                value={entry.on}
                error={problemAt(autosave, `entries.${index}.on`)}
                onChange={(event) => change(entry.id, { on: event.currentTarget.value })}
              />
            </Group>
            <MultiSelect
              label="Supports goals"
              placeholder={goals.length === 0 ? "No goals yet" : "Pick goals"}
              data={goals}
              value={entry.goalIds.filter((id) => goals.some((goal) => goal.value === id))}
              maxValues={growthPlanLimits.goalLinksPerAccomplishment}
              onChange={(goalIds) => change(entry.id, { goalIds })}
            />
            <MarkdownField
              label="Details and impact"
              minRows={2}
              value={entry.details}
              error={problemAt(autosave, `entries.${index}.details`)}
              onChange={(details) => change(entry.id, { details })}
            />
          </ListItemCard>
        ))}
      </ItemList>
    </Stack>
  );
}
