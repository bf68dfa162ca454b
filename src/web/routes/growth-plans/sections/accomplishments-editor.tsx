import { Group, MultiSelect, Stack, TextInput } from "@mantine/core";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { Accomplishment } from "#core/growth-plan/sections.schemas.ts";
import { DateField } from "../../../components/date-field.tsx";
import { ListEditor, patchById, withoutId } from "../../../components/list-editor.tsx";
import { MarkdownField } from "../markdown-field.tsx";
import { goalName } from "../plan-labels.ts";
import { newId, problemAt, today, useSectionAutosave } from "../plan-parts.ts";
import { SectionConflict } from "./section-conflict.tsx";

export function AccomplishmentsEditor({ plan }: { plan: PlanView }) {
  const autosave = useSectionAutosave(plan, "accomplishments");
  const { draft, update } = autosave;
  const goals = (plan.goals ?? []).map((goal, index) => ({
    value: goal.id,
    label: goalName(goal.content, index),
  }));
  const change = (id: string, patch: Partial<Accomplishment>) =>
    update((section) => ({ entries: patchById(section.entries, id, patch) }));

  return (
    <Stack gap="md">
      <SectionConflict sectionKey="accomplishments" autosave={autosave} />
      <ListEditor
        items={draft.entries}
        keyOf={(entry) => entry.id}
        heading={(entry) => entry.title || "New accomplishment"}
        removeLabel={(entry) => `Remove ${entry.title || "this accomplishment"}`}
        onRemove={(entry) =>
          update((section) => ({ entries: withoutId(section.entries, entry.id) }))
        }
        empty="No wins logged yet. The next one, however small, goes here."
        addFirst
        addVariant="filled"
        addLabel="Add an accomplishment"
        addDisabled={draft.entries.length >= growthPlanLimits.accomplishments}
        onAdd={() =>
          update((section) => ({
            entries: [
              { id: newId(), on: today(), title: "", details: "", goalIds: [] },
              ...section.entries,
            ],
          }))
        }
      >
        {(entry, index) => (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label="What happened"
                required
                miw={220}
                value={entry.title}
                error={problemAt(autosave, `entries.${index}.title`)}
                onChange={(event) => change(entry.id, { title: event.currentTarget.value })}
              />
              <DateField
                label="Date"
                clearable={false}
                miw={160}
                maw={220}
                value={entry.on}
                error={problemAt(autosave, `entries.${index}.on`)}
                onChange={(day) => {
                  if (day) change(entry.id, { on: day });
                }}
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
          </>
        )}
      </ListEditor>
    </Stack>
  );
}
