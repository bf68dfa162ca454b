import {
  ActionIcon,
  Box,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { IconBulb, IconPlus, IconTrash } from "@tabler/icons-react";
import { useId } from "react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { ActionStep } from "#core/growth-plan/goals.schemas.ts";
import { CompactButton } from "../../../components/compact-button.tsx";
import { DateField } from "../../../components/date-field.tsx";
import { GrowingTextarea } from "../../../components/growing-textarea.tsx";
import { type GoalAutosave, newId, problemAt, today } from "../plan-parts.ts";

// The action steps of one goal, edited in place.

export function ActionSteps({
  steps,
  goalName,
  autosave,
  onChange,
}: {
  steps: ActionStep[];
  goalName: string;
  autosave: GoalAutosave;
  onChange: (steps: ActionStep[], immediate?: boolean) => void;
}) {
  const legendId = useId();
  const change = (id: string, patch: Partial<ActionStep>, immediate = false) =>
    onChange(
      steps.map((step) => (step.id === id ? { ...step, ...patch } : step)),
      immediate,
    );
  const recommended = growthPlanLimits.recommendedActionSteps;

  return (
    <Box
      component="fieldset"
      aria-labelledby={legendId}
      m={0}
      p={0}
      style={{ border: 0, minWidth: 0 }}
    >
      <Text component="legend" id={legendId} size="sm" fw={500} mb={4}>
        List 1-2 measurable and achievable action steps
      </Text>
      <Stack gap={6}>
        {steps.map((step, index) => {
          const stepName = step.title.trim() || `step ${index + 1}`;
          return (
            <Paper key={step.id} withBorder radius="sm" p={6}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Checkbox
                  mt={8}
                  aria-label={`Done: ${stepName}`}
                  checked={step.done}
                  onChange={(event) => {
                    const done = event.currentTarget.checked;
                    change(step.id, { done, doneOn: done ? today() : null }, true);
                  }}
                />
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <GrowingTextarea
                      aria-label={`Action step ${index + 1}`}
                      placeholder="What exactly will you do?"
                      minRows={1}
                      size="sm"
                      style={{ flex: 1, minWidth: 0 }}
                      value={step.title}
                      error={problemAt(autosave, `actionSteps.${index}.title`)}
                      onChange={(event) => change(step.id, { title: event.currentTarget.value })}
                      styles={step.done ? { input: { textDecoration: "line-through" } } : undefined}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mt={4}
                      aria-label={`Remove action step ${index + 1} of ${goalName}`}
                      onClick={() =>
                        onChange(steps.filter((candidate) => candidate.id !== step.id))
                      }
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                  <DateField
                    aria-label={`Due date of action step ${index + 1}`}
                    size="xs"
                    leftSection={
                      <Text size="xs" c="dimmed" component="span">
                        Due
                      </Text>
                    }
                    leftSectionWidth={36}
                    value={step.dueOn}
                    error={problemAt(autosave, `actionSteps.${index}.dueOn`)}
                    onChange={(dueOn) => change(step.id, { dueOn: dueOn || null }, true)}
                  />
                </Stack>
              </Group>
            </Paper>
          );
        })}
        {(steps.length === 0 || steps.length > recommended) && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconBulb size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="xs" c="dimmed">
              {steps.length === 0
                ? "Add one or two measurable action steps: what will you do, and by when?"
                : `The handbook suggests one or two action steps per goal. Could some of these be a goal of their own?`}
            </Text>
          </Group>
        )}
        <CompactButton
          color="trellis"
          icon={IconPlus}
          style={{ alignSelf: "flex-start" }}
          disabled={steps.length >= growthPlanLimits.actionStepsPerGoal}
          onClick={() =>
            onChange([...steps, { id: newId(), title: "", dueOn: null, done: false, doneOn: null }])
          }
        >
          Add action step<VisuallyHidden> to {goalName}</VisuallyHidden>
        </CompactButton>
      </Stack>
    </Box>
  );
}
