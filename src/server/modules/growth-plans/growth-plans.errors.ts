import type { GoalView } from "#core/growth-plan/goals.schemas.ts";
import type { SectionView } from "#core/growth-plan/plans.schemas.ts";
import type { SharingView } from "#core/growth-plan/sharing.schemas.ts";
import { ConflictError } from "#server/errors.ts";

/** A save based on a version that is no longer current; carries what is stored now. */
export class SectionConflictError extends ConflictError<SectionView> {
  constructor(current: SectionView) {
    super(
      "This section was changed in another window or by another save. Nothing was overwritten: compare both versions and save again.",
      current,
    );
  }
}

/** `current` is null when the goal was deleted meanwhile. */
export class GoalConflictError extends ConflictError<GoalView | null> {
  constructor(current: GoalView | null) {
    super(
      current
        ? "This goal was changed in another window or by another save. Nothing was overwritten: compare both versions and save again."
        : "This goal was deleted in another window. Nothing was overwritten: save it again to keep it.",
      current,
    );
  }
}

/** A new order of goals that are not the plan's goals any more; carries the goals as they are. */
export class GoalOrderConflictError extends ConflictError<GoalView[]> {
  constructor(current: GoalView[]) {
    super(
      "A goal was added or deleted in another window, so the order was not saved. Here are the goals as they are now.",
      current,
    );
  }
}

/** A sharing save from a version another tab or window has replaced; carries the stored one. */
export class SharingConflictError extends ConflictError<SharingView> {
  constructor(current: SharingView) {
    super(
      "Who sees this plan was changed in another window. Nothing was overwritten: here is the sharing as it is now; make your change again.",
      current,
    );
  }
}
