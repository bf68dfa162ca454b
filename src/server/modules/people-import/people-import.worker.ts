import { parentPort } from "node:worker_threads";
import type { ErrorCode, FieldErrors } from "#core/errors.ts";
import { AppError } from "#server/errors.ts";
import { type ImportPlan, planImport } from "./people-import.plan.ts";
import type { ExistingPerson } from "./people-import-rows.plan.ts";

/**
 * Reading a directory CSV and planning it against the people stored cost CPU in proportion to
 * the file (a 20-million-character file is accepted): done off the event loop.
 */
export type PlanJob = { csv: string; existingPeople: readonly ExistingPerson[] };

/** A file the import refuses is an answer, not a failure: its code, message and fields cross back. */
export type PlanResult =
  | { plan: ImportPlan }
  | { refused: { code: ErrorCode; message: string; fields: FieldErrors | undefined } };

function run({ csv, existingPeople }: PlanJob): PlanResult {
  try {
    return { plan: planImport(csv, existingPeople) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { refused: { code: error.code, message: error.message, fields: error.fields } };
  }
}

parentPort?.on("message", ({ id, job }: { id: number; job: PlanJob }) => {
  try {
    parentPort?.postMessage({ id, result: run(job) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
