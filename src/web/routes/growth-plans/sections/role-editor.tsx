import { Group, Radio, SimpleGrid, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import {
  type Trajectory,
  trajectories,
  trajectoryLabels,
} from "#core/growth-plan/sections.schemas.ts";
import { MarkdownField } from "../markdown-field.tsx";
import { problemAt, useSectionAutosave } from "../plan-parts.ts";
import { SectionConflict } from "./section-conflict.tsx";

const undecided = "undecided";

export function RoleEditor({ plan }: { plan: PlanView }) {
  const autosave = useSectionAutosave(plan, "role");
  const { draft, update } = autosave;

  return (
    <Stack gap="lg">
      <SectionConflict sectionKey="role" autosave={autosave} />
      <Radio.Group
        label="Trajectory"
        description="Which direction do you want to grow in?"
        value={draft.trajectory ?? undecided}
        onChange={(value) =>
          update((section) => ({
            ...section,
            trajectory: value === undecided ? null : (value as Trajectory),
          }))
        }
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
          {trajectories.map((trajectory) => (
            <Radio.Card key={trajectory} value={trajectory} radius="md" p="sm">
              <TrajectoryLabel label={trajectoryLabels[trajectory]} />
            </Radio.Card>
          ))}
          <Radio.Card value={undecided} radius="md" p="sm">
            <TrajectoryLabel label="Not decided yet" />
          </Radio.Card>
        </SimpleGrid>
      </Radio.Group>
      <TagsInput
        label="Target roles"
        description="Roles you are aiming for; press Enter after each."
        maxTags={growthPlanLimits.targetRoles}
        value={draft.targetRoles}
        error={problemAt(autosave, "targetRoles")}
        onChange={(targetRoles) => update((section) => ({ ...section, targetRoles }))}
      />
      <TextInput
        label="Time frame"
        placeholder="e.g. 12–18 months"
        maw={360}
        value={draft.timeFrame}
        error={problemAt(autosave, "timeFrame")}
        onChange={(event) => {
          const timeFrame = event.currentTarget.value;
          update((section) => ({ ...section, timeFrame }));
        }}
      />
      <MarkdownField
        label="Notes"
        value={draft.notes}
        error={problemAt(autosave, "notes")}
        onChange={(notes) => update((section) => ({ ...section, notes }))}
      />
    </Stack>
  );
}

function TrajectoryLabel({ label }: { label: string }) {
  return (
    <Group wrap="nowrap" gap="sm">
      <Radio.Indicator />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
