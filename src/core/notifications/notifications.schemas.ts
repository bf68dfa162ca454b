import { z } from "zod";
import { ErrorBody } from "../errors.ts";

/**
 * The notification centre and each person's delivery preferences (docs/api/notifications.md).
 * Every area adds its own kinds here; an area built later appends to `notificationKinds`, and the
 * preferences page, the email templates and the scheduler pick the new kind up from this list.
 */

export const notificationKinds = [
  /** Someone commented on a section the member shared. */
  "plan_comment",
  /** A member asked you for feedback on their self-assessment. */
  "feedback_requested",
  /** A rater answered your feedback request. */
  "feedback_answered",
  /** A rater's feedback request is due soon (scheduler). */
  "feedback_due",
  /** An action step of one of your goals is due (scheduler). */
  "action_step_due",
  /** A check-in of your growth plan is due (scheduler). */
  "plan_check_in_due",
  /** Your growth plan has not been updated for 90 days (scheduler). */
  "plan_stale",
  /** A quarter of your pathway starts, with its activity count (scheduler). */
  "pathway_quarter_starting",
  /** Your manager nudged you about your plan, pathway or career conversation. */
  "manager_nudge",
  /** Someone you invited accepted and signed in. */
  "invitation_accepted",
  /** Your manager changed: who can now see what you share with your manager. */
  "manager_changed",
  /** A career conversation with you was scheduled, or you were invited to one as a guest. */
  "conversation_scheduled",
  /** Its time or agenda changed. */
  "conversation_changed",
  /** It was cancelled. */
  "conversation_cancelled",
  /** It was finished: confirm it happened and the notes are accurate (member). */
  "conversation_acknowledgement_needed",
  /** The member confirmed it (manager). */
  "conversation_acknowledged",
  /** A career conversation is coming up (scheduler). */
  "conversation_upcoming",
  /** An action item of a career conversation is due (scheduler). */
  "conversation_action_item_due",
  /** The calendar invitation of your RSVP to a live learning session, and its updates. */
  "live_session_invitation",
  /** A seat opened: you moved from the waitlist of a live session to going. */
  "live_session_promoted",
  /** A live session you RSVPed to was cancelled. */
  "live_session_cancelled",
  /** You were matched with a mentor or a mentee in a mentorship program. */
  "mentorship_matched",
  /** A shadow program application waits for your decision (manager, then program owner). */
  "shadow_application_to_decide",
  /** Your shadow program application moved on: approved, confirmed, waitlisted, declined… */
  "shadow_application_updated",
  /** A growth and development benefit request waits for your decision (manager or L&D). */
  "benefit_decision_needed",
  /** Your benefit request was approved, declined or paid. */
  "benefit_request_decided",
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Time-based reminders: the weekly email cap applies to these, never to what a person did. */
export const reminderKinds: readonly NotificationKind[] = [
  "feedback_due",
  "action_step_due",
  "plan_check_in_due",
  "plan_stale",
  "pathway_quarter_starting",
  "conversation_upcoming",
  "conversation_action_item_due",
];

export const notificationChannels = ["in_app", "email", "off"] as const;
/** "email" means in-app and email; "in_app" in the centre only; "off" neither. */
export const NotificationChannel = z.enum(notificationChannels);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const NotificationId = z.uuid("Not a valid id");
export const NotificationIdParams = z.strictObject({ id: NotificationId });

export const NotificationView = z.object({
  id: z.string(),
  kind: NotificationKind,
  /** Words the person sees; never private text (reflections, private notes, ratings, drafts). */
  title: z.string(),
  /** Path inside the app the notification leads to. */
  link: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListQuery = z.strictObject({
  /** Only unread ones. */
  unread: z.enum(["true", "false"]).optional(),
  /** The id of the last notification of the previous page (newest first). */
  before: NotificationId.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const NotificationList = z.object({
  items: z.array(NotificationView),
  unreadCount: z.int(),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({
  unreadCount: z.int(),
  /** Id of the newest notification, so a client knows something arrived. */
  latestId: z.string().nullable(),
});
export type UnreadCount = z.infer<typeof UnreadCount>;

export const digestFrequencies = ["off", "daily", "weekly"] as const;
export const DigestFrequency = z.enum(digestFrequencies);

/** "HH:MM", 24-hour, local to the person's time zone. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, 24-hour");

export const notificationLimits = { weeklyEmailCapMax: 100, nudgeMessageLength: 280 } as const;

export const NotificationPreferences = z.object({
  kinds: z.array(z.object({ kind: NotificationKind, channel: NotificationChannel })),
  digest: z.object({
    frequency: DigestFrequency,
    /** Local hour the digest is sent at. */
    hour: z.int().min(0).max(23),
    /** 1 = Monday … 7 = Sunday; used by the weekly digest. */
    weekday: z.int().min(1).max(7),
  }),
  /** No email between start and end, local time; null for none. */
  quietHours: z.object({ start: LocalTime, end: LocalTime }).nullable(),
  /** At most this many reminder emails a week (0 = no reminder emails). */
  weeklyEmailCap: z.int().min(0).max(notificationLimits.weeklyEmailCapMax),
  /** The person's time zone the hours are read in (from their profile; UTC when unset). */
  timeZone: z.string(),
  version: z.int(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** 409 on a save from an outdated version: what is stored now. */
export const NotificationPreferencesConflict = ErrorBody.extend({
  current: NotificationPreferences,
});

export const SaveNotificationPreferencesBody = z.strictObject({
  /** The version the form was loaded at (0 before the first save); a 32-bit column. */
  baseVersion: z.int().min(0).max(2_147_483_647),
  kinds: z
    .array(z.strictObject({ kind: NotificationKind, channel: NotificationChannel }))
    .max(notificationKinds.length),
  digest: z.strictObject({
    frequency: DigestFrequency,
    hour: z.int().min(0).max(23),
    weekday: z.int().min(1).max(7),
  }),
  quietHours: z.strictObject({ start: LocalTime, end: LocalTime }).nullable(),
  weeklyEmailCap: z.int().min(0).max(notificationLimits.weeklyEmailCapMax),
});
export type SaveNotificationPreferencesBody = z.infer<typeof SaveNotificationPreferencesBody>;

/** Where each kind goes when the person has not chosen. */
export const defaultChannels: Record<NotificationKind, NotificationChannel> = {
  plan_comment: "email",
  feedback_requested: "email",
  feedback_answered: "email",
  feedback_due: "email",
  action_step_due: "in_app",
  plan_check_in_due: "email",
  plan_stale: "email",
  pathway_quarter_starting: "in_app",
  manager_nudge: "email",
  invitation_accepted: "in_app",
  manager_changed: "email",
  conversation_scheduled: "email",
  conversation_changed: "email",
  conversation_cancelled: "email",
  conversation_acknowledgement_needed: "email",
  conversation_acknowledged: "in_app",
  conversation_upcoming: "email",
  conversation_action_item_due: "in_app",
  live_session_invitation: "email",
  live_session_promoted: "email",
  live_session_cancelled: "email",
  mentorship_matched: "email",
  shadow_application_to_decide: "email",
  shadow_application_updated: "email",
  benefit_decision_needed: "email",
  benefit_request_decided: "email",
};

/** What a manager nudges a direct report about. */
export const nudgeTopics = ["plan", "pathway", "conversation"] as const;
export const NudgeTopic = z.enum(nudgeTopics);
export type NudgeTopic = z.infer<typeof NudgeTopic>;

export const NudgeBody = z.strictObject({
  about: NudgeTopic,
  /** A few words of the manager's own; shown to the report in the centre and the email. */
  message: z
    .string()
    .trim()
    .max(notificationLimits.nudgeMessageLength, "At most 280 characters")
    .optional(),
});
export type NudgeBody = z.infer<typeof NudgeBody>;

export const NudgeSent = z.object({
  /** When the next nudge of this kind to this person can be sent (the next Monday, 00:00 UTC). */
  nextAllowedAt: z.string(),
});
export type NudgeSent = z.infer<typeof NudgeSent>;
