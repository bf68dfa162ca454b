import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBulb, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import {
  type ActionStep,
  emptyGoal,
  type GoalContent,
  type GoalStatus,
  type GoalView,
  goalStatuses,
} from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { errorMessage } from "../../../api/api-error.ts";
import { createGoal, deleteGoal } from "../../../api/growth-plans.api.ts";
import { CompactButton } from "../../../components/compact-button.tsx";
import { GrowingTextarea } from "../../../components/growing-textarea.tsx";
import { ConflictDialog } from "../conflict-dialog.tsx";
import classes from "../growth-plans.module.css";
import { goalColumns, goalName, goalStatusLabels } from "../plan-labels.ts";
import {
  forgetGoal,
  type GoalAutosave,
  newId,
  problemAt,
  storeSavedGoal,
  today,
  useGoalAutosave,
} from "../plan-parts.ts";
import { SaveRefusal } from "../save-refusal.tsx";

export function GoalsEditor({ plan }: { plan: PlanView }) {
  const planId = plan.plan.id;
  const goals = plan.goals ?? [];
  const queryClient = useQueryClient();
  const addGoal = useMutation({
    mutationFn: (content: GoalContent) => createGoal(planId, content),
    onSuccess: (saved) => storeSavedGoal(queryClient, planId, saved.planVersion, saved.goal),
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  return (
    <Stack gap="md" className={classes.goals}>
      {goals.length === 0 && (
        <Text c="dimmed">No goals yet. Add one row per skill or behavior you want to develop.</Text>
      )}
      {goals.length > 0 && (
        <div className={classes.goalColumnsHeader} aria-hidden>
          {goalColumns.map((column) => (
            <span key={column.key}>{column.label}</span>
          ))}
        </div>
      )}
      <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
        {goals.map((goal, index) => (
          <GoalPart key={goal.id} planId={planId} goal={goal} index={index} />
        ))}
      </Stack>
      <Button
        leftSection={<IconPlus size={18} aria-hidden />}
        style={{ alignSelf: "flex-start" }}
        loading={addGoal.isPending}
        disabled={goals.length >= growthPlanLimits.goalsPerPlan}
        onClick={() => addGoal.mutate(emptyGoal())}
      >
        Add goal
      </Button>
    </Stack>
  );
}

function GoalPart({ planId, goal, index }: { planId: string; goal: GoalView; index: number }) {
  const autosave = useGoalAutosave(planId, goal);
  const queryClient = useQueryClient();
  const headingId = useId();
  const [confirmingDelete, deleteDialog] = useDisclosure(false);
  const { draft, update } = autosave;
  const name = goalName(draft, index);
  const set = (patch: Partial<GoalContent>, immediate = false) =>
    update((content) => ({ ...content, ...patch }), { immediate });

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

  return (
    <Paper component="li" withBorder radius="lg" p="md">
      <GoalConflict planId={planId} goal={goal} name={name} autosave={autosave} />
      <SaveRefusal state={autosave.state} />
      <Stack gap="sm" role="group" aria-labelledby={headingId}>
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title
            order={3}
            size="h5"
            id={headingId}
            style={{ overflowWrap: "anywhere", flex: "1 1 14rem" }}
          >
            {name}
          </Title>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label="Status"
              size="xs"
              data={goalStatuses.map((status) => ({
                value: status,
                label: goalStatusLabels[status],
              }))}
              value={draft.status}
              onChange={(event) => set({ status: event.currentTarget.value as GoalStatus }, true)}
            />
            <TextInput
              label="Target date"
              type="date"
              size="xs"
              value={draft.targetDate ?? ""}
              error={problemAt(autosave, "targetDate")}
              onChange={(event) => set({ targetDate: event.currentTarget.value || null })}
            />
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

        <div className={classes.goalColumns}>
          <ColumnField
            label="Skill/Behavior"
            description="What are you learning?"
            value={draft.skill}
            error={problemAt(autosave, "skill")}
            onChange={(skill) => set({ skill })}
          />
          <ColumnField
            label="What resources/support do you need?"
            value={draft.resources}
            error={problemAt(autosave, "resources")}
            onChange={(resources) => set({ resources })}
          />
          <ColumnField
            label="How will this support your career goals?"
            value={draft.careerSupport}
            error={problemAt(autosave, "careerSupport")}
            onChange={(careerSupport) => set({ careerSupport })}
          />
          <ActionSteps
            steps={draft.actionSteps}
            goalName={name}
            autosave={autosave}
            onChange={(actionSteps, immediate) => set({ actionSteps }, immediate)}
          />
          <ColumnField
            label="How will you engage your network?"
            value={draft.network}
            error={problemAt(autosave, "network")}
            onChange={(network) => set({ network })}
          />
          <ColumnField
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

function ColumnField({
  label,
  description,
  value,
  error,
  onChange,
}: {
  label: string;
  description?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <GrowingTextarea
      label={label}
      description={description}
      classNames={{ label: classes.columnLabel, description: classes.columnLabel }}
      maxRows={10}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

function ActionSteps({
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
      <Text component="legend" id={legendId} size="sm" fw={500} className={classes.columnLabel}>
        Action steps
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
                  <TextInput
                    aria-label={`Due date of action step ${index + 1}`}
                    type="date"
                    size="xs"
                    leftSection={
                      <Text size="xs" c="dimmed" component="span">
                        Due
                      </Text>
                    }
                    leftSectionWidth={36}
                    value={step.dueOn ?? ""}
                    error={problemAt(autosave, `actionSteps.${index}.dueOn`)}
                    onChange={(event) =>
                      change(step.id, { dueOn: event.currentTarget.value || null })
                    }
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

/** A goal saved elsewhere meanwhile: choose, or bring a goal deleted elsewhere back as new. */
function GoalConflict({
  planId,
  goal,
  name,
  autosave,
}: {
  planId: string;
  goal: GoalView;
  name: string;
  autosave: GoalAutosave;
}) {
  const queryClient = useQueryClient();
  const recreate = useMutation({
    mutationFn: (content: GoalContent) => createGoal(planId, content),
    onSuccess: (saved) => {
      forgetGoal(queryClient, planId, goal.id);
      storeSavedGoal(queryClient, planId, saved.planVersion, saved.goal);
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const conflict = autosave.state.conflict;
  if (!conflict) return null;
  const { current } = conflict;
  if (current === null) {
    return (
      <ConflictDialog
        partName={name}
        mine={autosave.draft}
        theirs={null}
        keepMineLabel="Keep mine as a new goal"
        takeTheirsLabel="Let it go"
        onKeepMine={() => recreate.mutate(autosave.draft)}
        onTakeTheirs={() => forgetGoal(queryClient, planId, goal.id)}
      />
    );
  }
  return (
    <ConflictDialog
      partName={name}
      mine={autosave.draft}
      theirs={current.content}
      onKeepMine={autosave.keepMine}
      onTakeTheirs={() => autosave.takeTheirs(current.content, current.version)}
    />
  );
}
