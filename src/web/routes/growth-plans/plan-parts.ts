import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { z } from "zod";
import { GoalContent, type GoalView } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { SectionSaved } from "#core/growth-plan/saving.schemas.ts";
import {
  type DocumentSectionContent,
  type DocumentSectionKey,
  documentSectionSchemas,
} from "#core/growth-plan/sections.schemas.ts";
import { planQuery, saveGoal, saveSection } from "../../api/growth-plans.api.ts";
import { type Autosave, type FieldProblems, useAutosave } from "./autosave/use-autosave.ts";

export type SectionAutosave<Key extends DocumentSectionKey> = Autosave<
  DocumentSectionContent[Key],
  { version: number; content: DocumentSectionContent[Key] }
>;

export type GoalAutosave = Autosave<GoalContent, GoalView | null>;

/** The contract's complaints about a draft, by field path; null when it may be sent. */
export function problemsOf(result: z.ZodSafeParseResult<unknown>): FieldProblems | null {
  if (result.success) return null;
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message]),
  );
}

/** A field's problem, whether the browser found it or the server named it (`content.…`). */
export function problemAt(autosave: { fieldProblems: FieldProblems }, path: string) {
  return autosave.fieldProblems[path] ?? autosave.fieldProblems[`content.${path}`];
}

function patchPlan(queryClient: QueryClient, planId: string, change: (plan: PlanView) => PlanView) {
  queryClient.setQueryData(planQuery(planId).queryKey, (plan) => (plan ? change(plan) : plan));
}

export function storeSavedSection(queryClient: QueryClient, planId: string, saved: SectionSaved) {
  patchPlan(queryClient, planId, (plan) => ({
    ...plan,
    plan: { ...plan.plan, version: saved.planVersion },
    sections: { ...plan.sections, [saved.section.key]: saved.section },
  }));
}

export function storeSavedGoal(
  queryClient: QueryClient,
  planId: string,
  planVersion: number,
  goal: GoalView,
) {
  patchPlan(queryClient, planId, (plan) => {
    const goals = plan.goals ?? [];
    const known = goals.some((candidate) => candidate.id === goal.id);
    return {
      ...plan,
      plan: { ...plan.plan, version: planVersion },
      goals: known
        ? goals.map((candidate) => (candidate.id === goal.id ? goal : candidate))
        : [...goals, goal].sort((a, b) => a.position - b.position),
    };
  });
}

export function forgetGoal(queryClient: QueryClient, planId: string, goalId: string) {
  patchPlan(queryClient, planId, (plan) => ({
    ...plan,
    goals: (plan.goals ?? []).filter((goal) => goal.id !== goalId),
  }));
}

/** Autosave of one document section of the owner's plan. */
export function useSectionAutosave<Key extends DocumentSectionKey>(
  plan: PlanView,
  key: Key,
): SectionAutosave<Key> {
  const queryClient = useQueryClient();
  const planId = plan.plan.id;
  const section = plan.sections[key] as
    | { content: DocumentSectionContent[Key]; version: number }
    | undefined;
  if (!section) throw new Error(`The owner reads every section; ${key} is missing`);
  const { content, version } = section;
  const server = useMemo(() => ({ content, version }), [content, version]);

  return useAutosave({
    partKey: `section:${key}`,
    server,
    validate: (draft) => problemsOf(documentSectionSchemas[key].safeParse(draft)),
    save: async (draft, baseVersion) => {
      const result = await saveSection(planId, key, draft, baseVersion);
      if (result.outcome === "conflict") {
        return {
          outcome: "conflict",
          current: result.current as unknown as {
            version: number;
            content: DocumentSectionContent[Key];
          },
        };
      }
      storeSavedSection(queryClient, planId, result.saved);
      return { outcome: "saved", version: result.saved.section.version };
    },
  });
}

/** Autosave of one goal row. */
export function useGoalAutosave(planId: string, goal: GoalView): GoalAutosave {
  const queryClient = useQueryClient();
  const { content, version } = goal;
  const server = useMemo(() => ({ content, version }), [content, version]);

  return useAutosave({
    partKey: `goal:${goal.id}`,
    server,
    validate: (draft) => problemsOf(GoalContent.safeParse(draft)),
    save: async (draft, baseVersion) => {
      const result = await saveGoal(planId, goal.id, draft, baseVersion);
      if (result.outcome === "conflict") return result;
      storeSavedGoal(queryClient, planId, result.saved.planVersion, result.saved.goal);
      return { outcome: "saved", version: result.saved.goal.version };
    },
  });
}

/** Today as an ISO day in the person's own calendar. */
export function today(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

export function newId(): string {
  return crypto.randomUUID();
}
