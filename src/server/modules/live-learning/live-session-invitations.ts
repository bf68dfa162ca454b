import { DateTime } from "luxon";
import type { NotificationKind } from "#core/notifications/notifications.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import { enqueueOutboxMessage } from "#server/modules/email/outbox.queries.ts";
import { channelFor } from "#server/modules/notifications/notify.ts";
import { buildInvitation } from "#server/shared/icalendar.ts";
import type { LiveSessionRow, SessionPerson } from "./live-learning.queries.ts";

/**
 * The calendar invitation of one person's RSVP to a live session (docs/decisions/
 * 023-live-learning-rsvp.md): a REQUEST when they take a seat (going, or promoted from the
 * waitlist) or the session changes, a CANCEL when they cancel or the session is cancelled. The
 * event names the host as ORGANIZER and the person alone as ATTENDEE, so no invitation tells
 * anyone who else is coming. The SEQUENCE is the RSVP row's, raised on every invitation.
 */
export type InvitationChange = "going" | "promoted" | "changed" | "cancelled" | "session_cancelled";

/** The notification kind whose email preference each invitation follows. */
const kindOf: Record<InvitationChange, NotificationKind> = {
  going: "live_session_invitation",
  changed: "live_session_invitation",
  cancelled: "live_session_invitation",
  promoted: "live_session_promoted",
  session_cancelled: "live_session_cancelled",
};

/** Kinds whose email is the calendar invitation: their notifications stay in the app. */
export const liveSessionInvitationKinds: readonly NotificationKind[] = [
  "live_session_promoted",
  "live_session_cancelled",
];

const subjectPrefix: Record<InvitationChange, string> = {
  going: "Invitation",
  promoted: "A seat opened",
  changed: "Updated invitation",
  cancelled: "Cancelled",
  session_cancelled: "Cancelled",
};

export const liveSessionUid = (sessionId: string) => `live-session-${sessionId}@trellis`;
export const liveSessionPath = (sessionId: string) => `/learning/sessions/${sessionId}`;

const localWallClock = (instant: string, zone: string) =>
  DateTime.fromISO(instant, { zone: "utc" }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");

/** The iCalendar text of the person's invitation at `sequence`. */
export function liveSessionIcs(
  session: LiveSessionRow,
  people: { host: SessionPerson; attendee: SessionPerson },
  input: { method: "request" | "cancel"; sequence: number; stamp: string },
): string {
  const where = [session.place, session.online_url].filter(Boolean).join(" · ");
  return buildInvitation({
    method: input.method,
    event: {
      uid: liveSessionUid(session.id),
      sequence: input.sequence,
      stamp: input.stamp,
      summary: session.title,
      description: session.description || null,
      url: session.online_url,
      location: where || null,
      when: {
        kind: "local",
        start: localWallClock(session.starts_at, session.time_zone),
        end: localWallClock(session.ends_at, session.time_zone),
        timeZone: session.time_zone,
      },
      organizer: { name: people.host.name, email: people.host.email },
      attendees: [
        {
          name: people.attendee.name,
          email: people.attendee.email,
          rsvp: false,
          status: "accepted",
        },
      ],
    },
  }).body;
}

/**
 * Writes the outbox row of one invitation in the caller's transaction; `sequence` is the value
 * the caller just raised on the RSVP row.
 */
export async function sendLiveSessionInvitation(
  trx: Db,
  input: {
    session: LiveSessionRow;
    host: SessionPerson;
    attendee: SessionPerson;
    change: InvitationChange;
    sequence: number;
  },
  now: Date,
): Promise<void> {
  const { session, attendee, change, sequence } = input;
  if (!attendee.active) return;
  if ((await channelFor(trx, attendee.id, kindOf[change])) !== "email") return;
  const cancel = change === "cancelled" || change === "session_cancelled";
  const ics = liveSessionIcs(
    session,
    { host: input.host, attendee },
    { method: cancel ? "cancel" : "request", sequence, stamp: now.toISOString() },
  );
  await enqueueOutboxMessage(
    trx,
    {
      kind: "calendar_invitation",
      recipientId: attendee.id,
      toAddress: attendee.email,
      payload: {
        about: "live_session",
        sessionId: session.id,
        link: liveSessionPath(session.id),
        change,
        method: cancel ? "CANCEL" : "REQUEST",
        subject: `${subjectPrefix[change]}: ${session.title}`,
        summary: session.title,
        startsAt: session.starts_at,
        durationMinutes: Math.round(
          (Date.parse(session.ends_at) - Date.parse(session.starts_at)) / 60_000,
        ),
        ics,
      },
      dedupeKey: `live-session-invitation:${session.id}:${attendee.id}:${sequence}`,
    },
    now,
  );
}
