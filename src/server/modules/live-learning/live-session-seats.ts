import type { LiveSessionView } from "#core/live-learning.schemas.ts";
import type { Actor, AppContext, Clock, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockKeyForTransaction } from "#server/db/locks.ts";
import { AppError, notFound } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { assertAllowed, liveSessionPolicies } from "./live-learning.policy.ts";
import {
  countGoing,
  findFirstWaitlisted,
  findLiveSessionRow,
  findRsvpRow,
  findSessionPerson,
  insertRsvpRow,
  type LiveSessionRow,
  nextQueueNumber,
  updateRsvpRow,
} from "./live-learning.queries.ts";
import {
  liveSessionIcs,
  liveSessionPath,
  sendLiveSessionInvitation,
} from "./live-session-invitations.ts";

/**
 * Seats: an RSVP takes a seat while one is free, otherwise a place on the waitlist; a seat given
 * back goes to the first on the waitlist. Every change of a session's seats runs in one
 * transaction holding the session's lock (PostgreSQL: an advisory lock on the session; SQLite
 * runs one write transaction at a time), so the count read and the row written cannot
 * interleave with another RSVP's: the capacity holds under any number of simultaneous requests.
 */

const noSuchSession = () => notFound("No such session.");

async function lockedSession(trx: Db, id: string): Promise<LiveSessionRow> {
  await lockKeyForTransaction(trx, "live-session-seats", id);
  const row = await findLiveSessionRow(trx, id);
  if (!row) throw noSuchSession();
  return row;
}

const over = (session: LiveSessionRow, now: Date) => Date.parse(session.ends_at) <= now.getTime();

/** Going when a seat is free, else waitlisted; asking again changes nothing. */
export async function rsvpToSession(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  present: (db: Db, row: LiveSessionRow) => Promise<LiveSessionView>,
): Promise<LiveSessionView> {
  return ctx.db.transaction().execute(async (trx) => {
    const session = await lockedSession(trx, id);
    const facts = { hostId: session.host_id, status: session.status };
    if (!liveSessionPolicies.rsvp(actor, facts)) {
      throw new AppError("validation_failed", "This session was cancelled.");
    }
    const now = ctx.clock.now();
    if (over(session, now)) {
      throw new AppError("validation_failed", "This session is over.");
    }
    const existing = await findRsvpRow(trx, id, actor.personId);
    if (existing && existing.status !== "cancelled") return present(trx, session);
    const going = (await countGoing(trx, id)) < session.capacity;
    const status = going ? "going" : "waitlisted";
    const at = now.toISOString();
    const sequence = existing ? existing.invitation_sequence + (going ? 1 : 0) : 0;
    const queueNumber = await nextQueueNumber(trx, id);
    if (existing) {
      await updateRsvpRow(trx, id, actor.personId, {
        status,
        queued_at: at,
        queue_number: queueNumber,
        invitation_sequence: sequence,
        updated_at: at,
      });
    } else {
      await insertRsvpRow(trx, {
        session_id: id,
        person_id: actor.personId,
        status,
        queued_at: at,
        queue_number: queueNumber,
        invitation_sequence: sequence,
        attended: null,
        attendance_recorded_by: null,
        attendance_recorded_at: null,
        created_at: at,
        updated_at: at,
      });
    }
    if (going) await invite(trx, session, actor.personId, "going", sequence, now);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: going ? "live_session.rsvp_going" : "live_session.rsvp_waitlisted",
      actorId: actor.personId,
      target: { type: "live-session", id },
    });
    return present(trx, session);
  });
}

/** Gives the seat (or the waitlist place) back; a freed seat goes to the first waiting. */
export async function cancelRsvp(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  present: (db: Db, row: LiveSessionRow) => Promise<LiveSessionView>,
): Promise<LiveSessionView> {
  return ctx.db.transaction().execute(async (trx) => {
    const session = await lockedSession(trx, id);
    assertAllowed(
      liveSessionPolicies.cancelRsvp(actor, { hostId: session.host_id, status: session.status }),
      "You cannot cancel this RSVP.",
    );
    const existing = await findRsvpRow(trx, id, actor.personId);
    if (!existing || existing.status === "cancelled") return present(trx, session);
    const now = ctx.clock.now();
    const at = now.toISOString();
    const wasGoing = existing.status === "going";
    const sequence = existing.invitation_sequence + (wasGoing ? 1 : 0);
    await updateRsvpRow(trx, id, actor.personId, {
      status: "cancelled",
      invitation_sequence: sequence,
      updated_at: at,
    });
    if (wasGoing && session.status === "scheduled") {
      await invite(trx, session, actor.personId, "cancelled", sequence, now);
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "live_session.rsvp_cancelled",
      actorId: actor.personId,
      target: { type: "live-session", id },
      details: { was: existing.status },
    });
    await promoteFromWaitlist(trx, session, { actorId: actor.personId, meta, clock: ctx.clock });
    return present(trx, session);
  });
}

/**
 * Fills free seats from the waitlist, first come first served; each promoted person gets a
 * REQUEST and a notification. Called under the session's lock; nothing moves once the session
 * is cancelled or over.
 */
export async function promoteFromWaitlist(
  trx: Db,
  session: LiveSessionRow,
  by: { actorId: string; meta: RequestMeta; clock: Clock },
): Promise<void> {
  const now = by.clock.now();
  if (session.status !== "scheduled" || over(session, now)) return;
  let free = session.capacity - (await countGoing(trx, session.id));
  while (free > 0) {
    const next = await findFirstWaitlisted(trx, session.id);
    if (!next) return;
    const sequence = next.invitation_sequence + 1;
    await updateRsvpRow(trx, session.id, next.person_id, {
      status: "going",
      invitation_sequence: sequence,
      updated_at: now.toISOString(),
    });
    await invite(trx, session, next.person_id, "promoted", sequence, now);
    await notify(
      trx,
      {
        personId: next.person_id,
        kind: "live_session_promoted",
        actorId: null,
        subject: { type: "live-session", id: session.id },
        link: liveSessionPath(session.id),
        title: `A seat opened: you are going to ${session.title}`,
        dedupeKey: `live_session_promoted:${session.id}:${next.person_id}:${sequence}`,
      },
      now,
    );
    await recordAuditEvent(trx, by.clock, by.meta, {
      action: "live_session.promoted",
      actorId: by.actorId,
      target: { type: "live-session", id: session.id },
      details: { personId: next.person_id },
    });
    free -= 1;
  }
}

async function invite(
  trx: Db,
  session: LiveSessionRow,
  personId: string,
  change: "going" | "promoted" | "cancelled",
  sequence: number,
  now: Date,
): Promise<void> {
  const host = await findSessionPerson(trx, session.host_id);
  const attendee = await findSessionPerson(trx, personId);
  if (!host || !attendee) return;
  await sendLiveSessionInvitation(trx, { session, host, attendee, change, sequence }, now);
}

/** The `.ics` of one's own seat (METHOD:REQUEST at the current SEQUENCE); 404 without one. */
export async function downloadOwnInvitation(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ ics: string; fileName: string }> {
  const session = await findLiveSessionRow(ctx.db, id);
  if (!session) throw noSuchSession();
  if (
    !liveSessionPolicies.downloadInvitation(actor, {
      hostId: session.host_id,
      status: session.status,
    })
  ) {
    throw noSuchSession();
  }
  const rsvp = await findRsvpRow(ctx.db, id, actor.personId);
  if (rsvp?.status !== "going" || session.status !== "scheduled") {
    throw notFound("You have no seat at this session.");
  }
  const host = await findSessionPerson(ctx.db, session.host_id);
  const attendee = await findSessionPerson(ctx.db, actor.personId);
  if (!host || !attendee) throw noSuchSession();
  const ics = liveSessionIcs(
    session,
    { host, attendee },
    { method: "request", sequence: rsvp.invitation_sequence, stamp: rsvp.updated_at },
  );
  return { ics, fileName: "live-session.ics" };
}
