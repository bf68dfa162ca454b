import { z } from "zod";
import { NotificationChannel, NotificationKind } from "../notifications/notifications.schemas.ts";

/** One-click unsubscribe from the links in every email (docs/api/notifications-email.md). */

export const UnsubscribeQuery = z.strictObject({
  /** The signed token from the email's List-Unsubscribe link. */
  token: z.string().min(1, "Not a valid unsubscribe link").max(300, "Not a valid unsubscribe link"),
});

/** RFC 8058: mail clients post `List-Unsubscribe=One-Click`; a JSON caller posts `{}`. */
export const UnsubscribeBody = z
  .strictObject({ "List-Unsubscribe": z.literal("One-Click").optional() })
  .optional();

export const UnsubscribeScope = z.union([NotificationKind, z.literal("all")]);

export const UnsubscribeView = z.object({
  /** The kind the link is for, or "all" (the digest's link: every kind emailed now). */
  scope: UnsubscribeScope,
  /** Where each kind in scope goes now. */
  kinds: z.array(z.object({ kind: NotificationKind, channel: NotificationChannel })),
});
export type UnsubscribeView = z.infer<typeof UnsubscribeView>;
