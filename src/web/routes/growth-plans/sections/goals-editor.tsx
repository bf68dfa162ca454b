import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import {
  emptyGoal,
  type GoalContent,
  type GoalStatus,
  type GoalView,
  goalStatuses,
} from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { errorMessage } from "../../../api/api-error.ts";
import { createGoal, deleteGoal } from "../../../api/growth-plans.api.ts";
import { GrowingTextarea } from "../../../components/growing-textarea.tsx";
import { ConflictDialog } from "../conflict-dialog.tsx";
import classes from "../growth-plans.module.css";
import { goalColumns, goalName, goalStatusLabels } from "../plan-labels.ts";
import {
  forgetGoal,
  type GoalAutosave,
  problemAt,
  storeSavedGoal,
  useGoalAutosave,
} from "../plan-parts.ts";
import { SaveRefusal } from "../save-refusal.tsx";
import { ActionSteps } from "./goal-action-steps.tsx";

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
