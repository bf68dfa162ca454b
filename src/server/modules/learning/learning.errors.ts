import type { ResourceView } from "#core/learning/resources.schemas.ts";
import { ConflictError } from "#server/errors.ts";

export class ResourceConflictError extends ConflictError<ResourceView> {
  constructor(current: ResourceView) {
    super(
      "Someone else saved this resource after you opened it. Nothing was overwritten: compare both versions and save again.",
      current,
    );
  }
}
