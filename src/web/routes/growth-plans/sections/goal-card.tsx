import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconGripVertical, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useId } from "react";
import {
  type GoalContent,
  type GoalStatus,
  type GoalView,
  goalStatuses,
} from "#core/growth-plan/goals.schemas.ts";
import { errorMessage } from "../../../api/api-error.ts";
import { deleteGoal } from "../../../api/growth-plans.api.ts";
import { DateField } from "../../../components/date-field.tsx";
import { GrowingTextarea } from "../../../components/growing-textarea.tsx";
import { LearningSuggestionsButton } from "../../learning/learning-suggestions.tsx";
import classes from "../growth-plans.module.css";
import { goalName, goalStatusLabels } from "../plan-labels.ts";
import { forgetGoal, problemAt, storeSavedGoal, useGoalAutosave } from "../plan-parts.ts";
import { SaveRefusal } from "../save-refusal.tsx";
import { ActionSteps } from "./goal-action-steps.tsx";
import { GoalConflict } from "./goal-conflict.tsx";

// One goal of Section 3 as a card: the handbook's six columns as labelled fields, with its
// status, target date, progress from its action steps and its place in the list.

export interface GoalMoves {
  index: number;
  count: number;
  onMove: (goalId: string, toIndex: number) => void;
}

/** The id of a goal's move button, where focus returns after the goal moved. */
export const moveButtonId = (goalId: string, direction: "up" | "down") =>
  `goal-${goalId}-move-${direction}`;

const dragType = "application/x-trellis-goal";

export function GoalCard({
  planId,
  goal,
  moves,
}: {
  planId: string;
  goal: GoalView;
  moves: GoalMoves;
}) {
  const { index, count, onMove } = moves;
  const autosave = useGoalAutosave(planId, goal);
  const queryClient = useQueryClient();
  const headingId = useId();
  const progressId = useId();
  const [confirmingDelete, deleteDialog] = useDisclosure(false);
  const { draft, update } = autosave;
  const name = goalName(draft, index);
  const set = (patch: Partial<GoalContent>, immediate = false) =>
    update((content) => ({ ...content, ...patch }), { immediate });
  const steps = draft.actionSteps;
  const done = steps.filter((step) => step.done).length;
  const percent = steps.length === 0 ? 0 : Math.round((done / steps.length) * 100);

  const removeGoal = useMutation({
    mutationFn: () => deleteGoal(planId, goal.id, autosave.state.baseVersion),
    onSuccess: (result) => {
      deleteDialog.close();
      if (result.outcome === "saved") {
        forgetGoal(queryClient, planId, goal.id);
        return;
      }
      notifications.show({
        color: "orange",
        message: `${name} was changed elsewhere, so it was not deleted. Check it and try again.`,
      });
      if (result.current)
        storeSavedGoal(queryClient, planId, result.current.version, result.current);
      else forgetGoal(queryClient, planId, goal.id);
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  const onDrop = (event: DragEvent) => {
    const moved = event.dataTransfer.getData(dragType);
    if (!moved || moved === goal.id) return;
    event.preventDefault();
    onMove(moved, index);
  };

  return (
    <Paper
      component="li"
      withBorder
      radius="lg"
      p="md"
      className={classes.goalCard}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(dragType)) event.preventDefault();
      }}
      onDrop={onDrop}
    >
      <GoalConflict planId={planId} goal={goal} name={name} autosave={autosave} />
      <SaveRefusal state={autosave.state} />
      <Stack gap="md" role="group" aria-labelledby={headingId}>
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <Group gap={4} align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <span
              className={classes.dragHandle}
              draggable
              title="Drag to reorder"
              aria-hidden
              onDragStart={(event) => {
                event.dataTransfer.setData(dragType, goal.id);
                event.dataTransfer.effectAllowed = "move";
              }}
            >
              <IconGripVertical size={18} />
            </span>
            <Title order={3} size="h5" id={headingId} style={{ overflowWrap: "anywhere" }}>
              {name}
            </Title>
          </Group>
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              id={moveButtonId(goal.id, "up")}
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Move ${name} up`}
              disabled={index === 0}
              onClick={() => onMove(goal.id, index - 1)}
            >
              <IconArrowUp size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              id={moveButtonId(goal.id, "down")}
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Move ${name} down`}
              disabled={index === count - 1}
              onClick={() => onMove(goal.id, index + 1)}
            >
              <IconArrowDown size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Delete ${name}`}
              onClick={deleteDialog.open}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>

        <LearningSuggestionsButton source={{ goal: { planId, goalId: goal.id } }} name={name} />

        <Stack gap={4}>
          <Text size="sm" id={progressId}>
            {steps.length === 0
              ? "No action steps yet"
              : `${done} of ${steps.length} ${steps.length === 1 ? "step" : "steps"} done`}
          </Text>
          <Progress.Root size="sm">
            <Progress.Section value={percent} aria-labelledby={progressId} />
          </Progress.Root>
        </Stack>

        <div className={classes.goalMeta}>
          <NativeSelect
            label="Status"
            data={goalStatuses.map((status) => ({
              value: status,
              label: goalStatusLabels[status],
            }))}
            value={draft.status}
            onChange={(event) => set({ status: event.currentTarget.value as GoalStatus }, true)}
          />
          <DateField
            label="Target date"
            value={draft.targetDate}
            error={problemAt(autosave, "targetDate")}
            onChange={(targetDate) => set({ targetDate: targetDate || null }, true)}
          />
        </div>

        <GoalField
          label="Skill/Behavior"
          description="What are you learning?"
          value={draft.skill}
          error={problemAt(autosave, "skill")}
          onChange={(skill) => set({ skill })}
          minRows={1}
        />
        <div className={classes.goalFields}>
          <GoalField
            label="What resources/support do you need?"
            value={draft.resources}
            error={problemAt(autosave, "resources")}
            onChange={(resources) => set({ resources })}
          />
          <GoalField
            label="How will this support your career goals?"
            value={draft.careerSupport}
            error={problemAt(autosave, "careerSupport")}
            onChange={(careerSupport) => set({ careerSupport })}
          />
        </div>
        <ActionSteps
          steps={steps}
          goalName={name}
          autosave={autosave}
          onChange={(actionSteps, immediate) => set({ actionSteps }, immediate)}
        />
        <div className={classes.goalFields}>
          <GoalField
            label="How will you engage your network?"
            value={draft.network}
            error={problemAt(autosave, "network")}
            onChange={(network) => set({ network })}
          />
          <GoalField
            label="Anticipated challenges"
            value={draft.challenges}
            error={problemAt(autosave, "challenges")}
            onChange={(challenges) => set({ challenges })}
          />
        </div>
      </Stack>

      <Modal opened={confirmingDelete} onClose={deleteDialog.close} title={`Delete ${name}?`}>
        <Stack>
          <Text>
            The goal and its action steps leave the plan. Its earlier versions stay in the plan's
            history, from where it can be restored.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={deleteDialog.close}>
              Cancel
            </Button>
            <Button color="red" loading={removeGoal.isPending} onClick={() => removeGoal.mutate()}>
              Delete goal
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function GoalField({
  label,
  description,
  value,
  error,
  onChange,
  minRows = 2,
}: {
  label: string;
  description?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  minRows?: number;
}) {
  return (
    <GrowingTextarea
      label={label}
      description={description}
      minRows={minRows}
      maxRows={10}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
