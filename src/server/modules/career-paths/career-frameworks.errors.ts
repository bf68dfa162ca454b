import type { FrameworkDraft } from "#core/career/frameworks.schemas.ts";
import { ConflictError } from "#server/errors.ts";

/** A draft save or publish based on a draft version that is no longer current. */
export class DraftConflictError extends ConflictError<FrameworkDraft> {
  constructor(current: FrameworkDraft) {
    super(
      "This framework's draft was changed by another save since you opened it. Nothing was overwritten: compare with the current draft and save again.",
      current,
    );
  }
}
