import { Button, Stack, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { emptyGoal, type GoalContent, type GoalView } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { errorMessage } from "../../../api/api-error.ts";
import { createGoal, planQuery, reorderGoals } from "../../../api/growth-plans.api.ts";
import { goalName } from "../plan-labels.ts";
import { storeSavedGoal } from "../plan-parts.ts";
import { GoalCard, moveButtonId } from "./goal-card.tsx";

/** The goals in the order of `ids`, keeping what the cache holds of each. */
function inOrder(goals: readonly GoalView[], ids: readonly string[]): GoalView[] {
  const byId = new Map(goals.map((goal) => [goal.id, goal]));
  return ids.flatMap((id, index) => {
    const goal = byId.get(id);
    return goal ? [{ ...goal, position: index + 1 }] : [];
  });
}

export function GoalsEditor({ plan }: { plan: PlanView }) {
  const planId = plan.plan.id;
  const goals = plan.goals ?? [];
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const [focusAfterMove, setFocusAfterMove] = useState<{
    id: string;
    up: boolean;
    toIndex: number;
  } | null>(null);

  const setCachedGoals = (change: (goals: GoalView[]) => GoalView[]) =>
    queryClient.setQueryData(planQuery(planId).queryKey, (current) =>
      current ? { ...current, goals: change(current.goals ?? []) } : current,
    );

  const addGoal = useMutation({
    mutationFn: (content: GoalContent) => createGoal(planId, content),
    onSuccess: (saved) => storeSavedGoal(queryClient, planId, saved.planVersion, saved.goal),
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  const reorder = useMutation({
    mutationFn: (ids: string[]) => reorderGoals(planId, ids),
    onMutate: (ids) => {
      const before = goals.map((goal) => goal.id);
      setCachedGoals((cached) => inOrder(cached, ids));
      return { before };
    },
    onSuccess: (result) => {
      if (result.outcome === "saved") {
        const ids = result.saved.goals.map((goal) => goal.id);
        setCachedGoals((cached) => inOrder(cached, ids));
        return;
      }
      // A goal was added or deleted elsewhere: show the goals as they are, nothing moved.
      setCachedGoals(() => result.current);
      setAnnouncement("");
      setFocusAfterMove(null);
      notifications.show({
        color: "orange",
        message: "A goal was added or deleted in another window, so nothing moved. Try again.",
      });
    },
    onError: (error, _ids, context) => {
      if (context) setCachedGoals((cached) => inOrder(cached, context.before));
      setAnnouncement("");
      setFocusAfterMove(null);
      notifications.show({ color: "red", message: errorMessage(error) });
    },
  });

  const move = (goalId: string, toIndex: number) => {
    // One move at a time: the next one starts from the order the server has.
    if (reorder.isPending) return;
    const ids = goals.map((goal) => goal.id);
    const from = ids.indexOf(goalId);
    if (from < 0 || toIndex < 0 || toIndex >= ids.length || from === toIndex) return;
    ids.splice(from, 1);
    ids.splice(toIndex, 0, goalId);
    const goal = goals[from];
    if (goal) {
      setAnnouncement(
        `${goalName(goal.content, from)} moved to position ${toIndex + 1} of ${ids.length}.`,
      );
    }
    setFocusAfterMove({ id: goalId, up: toIndex < from, toIndex });
    reorder.mutate(ids);
  };

  // The moved goal keeps focus on its button, or on the other one at the end of the list.
  useEffect(() => {
    if (!focusAfterMove) return;
    const { id, up, toIndex } = focusAfterMove;
    // Wait for the list to show the new order.
    if (goals[toIndex]?.id !== id) return;
    const preferred = document.getElementById(moveButtonId(id, up ? "up" : "down"));
    const other = document.getElementById(moveButtonId(id, up ? "down" : "up"));
    const target =
      preferred && !(preferred as HTMLButtonElement).disabled ? preferred : (other ?? preferred);
    target?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, goals]);

  return (
    <Stack gap="md">
      {goals.length === 0 && (
        <Text c="dimmed">
          No goals yet. Add one for each skill or behavior you want to develop.
        </Text>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
        {goals.map((goal, index) => (
          <GoalCard
            key={goal.id}
            planId={planId}
            goal={goal}
            moves={{ index, count: goals.length, onMove: move }}
          />
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
