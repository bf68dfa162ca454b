import type { ContentPageView } from "#core/conversations/templates.schemas.ts";
import { ConflictError } from "#server/errors.ts";

export class ContentPageConflictError extends ConflictError<ContentPageView> {
  constructor(current: ContentPageView) {
    super(
      "Someone else saved this page after you opened it. Nothing was overwritten: compare both versions and save again.",
      current,
    );
  }
}
