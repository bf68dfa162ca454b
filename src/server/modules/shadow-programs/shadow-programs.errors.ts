import type { ProgramView, RotationView } from "#core/shadow-programs.schemas.ts";
import { ConflictError } from "#server/errors.ts";

const savedMeanwhile = (what: string) =>
  `Someone else saved ${what} after you opened it. Nothing was overwritten: compare both versions and save again.`;

export class ProgramConflictError extends ConflictError<ProgramView> {
  constructor(current: ProgramView) {
    super(savedMeanwhile("this program"), current);
  }
}

export class RotationConflictError extends ConflictError<RotationView> {
  constructor(current: RotationView) {
    super(savedMeanwhile("this rotation"), current);
  }
}
