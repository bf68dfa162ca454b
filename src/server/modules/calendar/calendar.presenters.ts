import { type CalendarFeedView, noTitles } from "#core/calendar.schemas.ts";
import type { CalendarFeedRow } from "./calendar.queries.ts";

/** The settings as the API shows them; a person who never saved any gets the defaults. */
export function presentFeed(
  row: CalendarFeedRow | undefined,
  defaultTimeZone: string,
): CalendarFeedView {
  if (!row) {
    return {
      enabled: false,
      tokenCreatedAt: null,
      includeTitles: noTitles,
      learningBlocks: [],
      defaultTimeZone,
      version: 0,
      updatedAt: null,
    };
  }
  return {
    enabled: row.token_hash !== null,
    tokenCreatedAt: row.token_created_at,
    includeTitles: { ...noTitles, ...row.include_titles },
    learningBlocks: row.learning_blocks.map((block) => ({
      id: block.id,
      weekdays: block.weekdays,
      start: block.start,
      end: block.end,
      timeZone: block.timeZone,
      title: block.title,
      startsOn: block.startsOn,
    })),
    defaultTimeZone,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
