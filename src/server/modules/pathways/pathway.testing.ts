import type { PathwayMemberItem, PathwayView } from "#core/pathway/pathway-api.schemas.ts";

/** The items a member's pathway shows in one stage. */
export const itemsOf = (view: PathwayView, keyId: string): PathwayMemberItem[] =>
  view.stages.find((stage) => stage.keyId === keyId)?.items ?? [];

/** The test clock starts at 2026-03-02T09:00Z: someone hired on 2025-10-02 is five months in. */
export const fiveMonthsAgo = "2025-10-02";
