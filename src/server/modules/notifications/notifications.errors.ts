import type { NotificationPreferences } from "#core/notifications/notifications.schemas.ts";
import { ConflictError } from "#server/errors.ts";

/** A preferences save from an outdated version; carries what is stored now. */
export class NotificationPreferencesConflictError extends ConflictError<NotificationPreferences> {}

export const stalePreferences =
  "Your notification preferences were changed in another window. Nothing was overwritten: review them and save again.";
