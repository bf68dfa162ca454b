import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { GrowthPlanSectionKey } from "#core/growth-plan/sections.schemas.ts";
import type { CommentView } from "#core/growth-plan/sharing.schemas.ts";

// What the list of steps says about each section: filled in or empty, and its open comments.

/** Whether the owner has put something of their own in a section (templates' rows count too). */
export function isSectionFilled(view: PlanView, key: GrowthPlanSectionKey): boolean {
  const has = (text: string | null | undefined) => Boolean(text?.trim());
  switch (key) {
    case "inspiration": {
      const content = view.sections.inspiration?.content;
      if (!content) return false;
      const { assessments } = content;
      return (
        content.answers.some((answer) => has(answer.answer)) ||
        has(assessments.myersBriggs) ||
        assessments.strengths.length > 0 ||
        has(assessments.learningStyle) ||
        has(assessments.notes) ||
        content.energyFindings.length > 0
      );
    }
    case "energy":
      return (view.energy?.entryCount ?? 0) > 0;
    case "role": {
      const content = view.sections.role?.content;
      return Boolean(
        content &&
          (content.trajectory !== null ||
            content.targetRoles.length > 0 ||
            has(content.timeFrame) ||
            has(content.notes)),
      );
    }
    case "exploration":
      return (view.sections.exploration?.content.resources.length ?? 0) > 0;
    case "goals":
      return (view.goals ?? []).some((goal) => has(goal.content.skill));
    case "tracking": {
      const content = view.sections.tracking?.content;
      return Boolean(
        content &&
          (content.schedule.length > 0 ||
            content.checkIns.length > 0 ||
            content.reflections.length > 0),
      );
    }
    case "accomplishments":
      return (view.sections.accomplishments?.content.entries.length ?? 0) > 0;
  }
}

/** Unresolved comments per section. */
export function openCommentCounts(
  comments: readonly Pick<CommentView, "section" | "resolvedAt">[],
): Partial<Record<GrowthPlanSectionKey, number>> {
  const counts: Partial<Record<GrowthPlanSectionKey, number>> = {};
  for (const comment of comments) {
    if (comment.resolvedAt === null) counts[comment.section] = (counts[comment.section] ?? 0) + 1;
  }
  return counts;
}

export function openCommentsLabel(count: number): string {
  return count === 1 ? "1 open comment" : `${count} open comments`;
}
