import { newId } from "#core/ids.ts";
import type { Db } from "#server/db/create-db.ts";
import { extendRevision, findRevisionAt, insertRevision } from "./growth-plan-revisions.queries.ts";

/**
 * Saves of the same part by the same person fold into one revision while it is younger than
 * this (measured from its first save), so typing with autosave leaves one revision per part
 * per ten minutes instead of one per keystroke pause (docs/decisions/009-growth-plan-versions.md).
 */
export const revisionFoldWindowMs = 10 * 60_000;

export type RevisionWrite = {
  planId: string;
  version: number;
  /** The version the part was at before this save; null for a new part. */
  baseVersion: number | null;
  part: string;
  change: "created" | "updated" | "deleted" | "restored";
  restoredFrom?: number;
  authorId: string;
  at: string;
  content: string | null;
};

/** One indexed read and one write, whatever the length of the plan's history. */
export async function recordRevision(trx: Db, write: RevisionWrite): Promise<void> {
  const previous =
    write.baseVersion === null || write.change !== "updated"
      ? undefined
      : await findRevisionAt(trx, write.planId, write.baseVersion);
  const folds =
    previous !== undefined &&
    previous.part === write.part &&
    previous.author_id === write.authorId &&
    // Creation, deletion and restore stay revisions of their own, so they can be restored.
    previous.change === "updated" &&
    Date.parse(write.at) - Date.parse(previous.started_at) < revisionFoldWindowMs;
  if (previous && folds) {
    await extendRevision(trx, previous.id, {
      version: write.version,
      at: write.at,
      content: write.content,
    });
    return;
  }
  await insertRevision(trx, {
    id: newId(),
    plan_id: write.planId,
    version: write.version,
    part: write.part,
    change: write.change,
    restored_from: write.restoredFrom ?? null,
    author_id: write.authorId,
    started_at: write.at,
    at: write.at,
    content: write.content,
  });
}

export const sectionPart = (key: string) => `section:${key}`;
export const goalPart = (goalId: string) => `goal:${goalId}`;

/** What a goal's revision stores: its place in the list as well as its content. */
export type GoalRevisionContent = { position: number; content: unknown };
