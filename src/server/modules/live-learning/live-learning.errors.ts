import type { LiveSeriesView, LiveSessionView } from "#core/live-learning.schemas.ts";
import { ConflictError } from "#server/errors.ts";

const savedMeanwhile = (what: string) =>
  `Someone else saved ${what} after you opened it. Nothing was overwritten: compare both versions and save again.`;

export class LiveSessionConflictError extends ConflictError<LiveSessionView> {
  constructor(current: LiveSessionView) {
    super(savedMeanwhile("this session"), current);
  }
}

export class LiveSeriesConflictError extends ConflictError<LiveSeriesView> {
  constructor(current: LiveSeriesView) {
    super(savedMeanwhile("this series"), current);
  }
}
