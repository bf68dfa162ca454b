import type { CalendarFeedView } from "#core/calendar.schemas.ts";
import { ConflictError } from "#server/errors.ts";

/** Settings saved from a version that is no longer current; carries what is stored now. */
export class CalendarFeedConflictError extends ConflictError<CalendarFeedView> {
  constructor(current: CalendarFeedView) {
    super(
      "Your calendar feed settings were changed in another window. Nothing was overwritten: look at the current settings and save again.",
      current,
    );
  }
}
