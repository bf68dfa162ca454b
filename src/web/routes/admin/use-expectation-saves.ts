import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { FrameworkDraft } from "#core/career/frameworks.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  careerFrameworksQueryKey,
  frameworkDraftQuery,
  saveFrameworkExpectations,
} from "../../api/career-frameworks.api.ts";
import {
  applyLevels,
  changesOf,
  type LevelChange,
  type PendingLevels,
  withLevel,
  withoutSaved,
} from "./expectations-grid.ts";

/** How long the grid waits after the last keystroke before it saves what was typed. */
export const expectationSaveDelayMs = 800;

export type ExpectationSaveStatus = "saved" | "pending" | "saving" | "failed" | "conflict";

/**
 * Levels typed into the grid are saved in batches: one PATCH after a pause in typing, with the
 * draft version it was typed on. What is typed during a save waits for the next one. A save that
 * meets a newer draft stops everything until the admin chooses: apply the typed levels on top
 * of the newer draft, or drop them. Nothing is overwritten without that choice.
 */
export function useExpectationSaves(initial: FrameworkDraft) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [pending, setPending] = useState<PendingLevels>(new Map());
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<FrameworkDraft | null>(null);
  const latest = useRef({ draft, pending });
  latest.current = { draft, pending };

  const send = useCallback(async () => {
    const { draft: base, pending: typed } = latest.current;
    const changes = changesOf(typed, base.content);
    if (changes.length === 0) {
      setPending(new Map());
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const result = await saveFrameworkExpectations(base.frameworkId, {
        baseVersion: base.version,
        changes,
      });
      if (result.outcome === "conflict") {
        setConflict(result.current);
        return;
      }
      stored(result.draft, changes);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }

    function stored(saved: FrameworkDraft, sent: LevelChange[]) {
      queryClient.setQueryData(frameworkDraftQuery(saved.frameworkId).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: [...careerFrameworksQueryKey, "list"] });
      // Rows keep their objects unless their levels changed, so only those rows are drawn again.
      // A PATCH changes only expectations, so the rest keeps its objects too.
      setDraft((previous) => ({
        ...saved,
        content: {
          ...saved.content,
          themes: previous.content.themes,
          competencies: previous.content.competencies,
          roles: applyLevels(previous.content.roles, sent),
        },
      }));
      setPending((current) => withoutSaved(current, sent));
    }
  }, [queryClient]);

  // Each keystroke makes a new `pending`, which starts the wait again: one save per pause.
  useEffect(() => {
    if (pending.size === 0 || saving || conflict || problem) return;
    const timer = setTimeout(() => void send(), expectationSaveDelayMs);
    return () => clearTimeout(timer);
  }, [pending, saving, conflict, problem, send]);
  const waiting = pending.size > 0;

  const type = useCallback((change: LevelChange) => {
    // A new keystroke is a new try after a refused save.
    setProblem(null);
    setPending((current) => withLevel(current, change));
  }, []);

  const status: ExpectationSaveStatus = conflict
    ? "conflict"
    : problem
      ? "failed"
      : saving
        ? "saving"
        : waiting
          ? "pending"
          : "saved";

  return {
    draft,
    pending,
    status,
    problem,
    conflict,
    type,
    retry: () => {
      setProblem(null);
      void send();
    },
    /** Apply the typed levels on top of the draft saved meanwhile. */
    keepMine: () => {
      if (!conflict) return;
      setDraft(conflict);
      setConflict(null);
    },
    /** Drop the typed levels for the draft saved meanwhile. */
    takeTheirs: () => {
      if (!conflict) return;
      setDraft(conflict);
      setPending(new Map());
      setConflict(null);
    },
  };
}
