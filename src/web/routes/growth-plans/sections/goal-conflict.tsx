import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GoalContent, GoalView } from "#core/growth-plan/goals.schemas.ts";
import { errorMessage } from "../../../api/api-error.ts";
import { createGoal } from "../../../api/growth-plans.api.ts";
import { ConflictDialog } from "../conflict-dialog.tsx";
import { forgetGoal, type GoalAutosave, storeSavedGoal } from "../plan-parts.ts";

/** A goal saved elsewhere meanwhile: choose, or bring a goal deleted elsewhere back as new. */
export function GoalConflict({
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
