import { DateTime } from "luxon";
import type { LiveSessionRoster, RecordAttendanceBody } from "#core/live-learning.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockKeyForTransaction } from "#server/db/locks.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { completePathwayActivity } from "#server/modules/pathways/pathway-activity.ts";
import { assertAllowed, liveSessionPolicies } from "./live-learning.policy.ts";
import {
  findSessionPerson,
  type LiveSessionRow,
  listRosterRows,
  waitlistPositionOf,
} from "./live-learning.queries.ts";
import { facts, presentForViewer, readableSession } from "./live-sessions.service.ts";

/**
 * The roster of a session and its attendance, both for the host and administrators only.
 * Attending completes the member's live-learning pathway item of the quarter holding the
 * session's day in the member's zone; a group conversation from a division other than the
 * member's own also completes their group-conversation item.
 */

export async function getRoster(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<LiveSessionRoster> {
  const session = await readableSession(ctx.db, id);
  assertAllowed(
    liveSessionPolicies.readRoster(actor, facts(session)),
    "Only the host and administrators see who is coming.",
  );
  return rosterOf(ctx.db, actor, session);
}

async function rosterOf(db: Db, actor: Actor, session: LiveSessionRow): Promise<LiveSessionRoster> {
  const rows = await listRosterRows(db, session.id);
  const entries: LiveSessionRoster["entries"] = [];
  for (const row of rows) {
    if (row.status === "cancelled") continue;
    entries.push({
      person: { id: row.person_id, name: row.preferred_name ?? row.name, email: row.email },
      status: row.status,
      waitlistPosition: row.status === "waitlisted" ? await waitlistPositionOf(db, row) : null,
      attended: row.attended === null ? null : row.attended === 1,
    });
  }
  entries.sort((a, b) =>
    a.status === b.status
      ? (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)
      : a.status === "going"
        ? -1
        : 1,
  );
  return { session: await presentForViewer(db, actor, session), entries };
}

export async function recordAttendance(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: RecordAttendanceBody,
  meta: RequestMeta,
): Promise<LiveSessionRoster> {
  const session = await readableSession(ctx.db, id);
  assertAllowed(
    liveSessionPolicies.recordAttendance(actor, facts(session)),
    "Only the host and administrators record attendance.",
  );
  if (session.status === "cancelled") {
    throw new AppError("validation_failed", "This session was cancelled.");
  }
  const now = ctx.clock.now();
  if (Date.parse(session.starts_at) > now.getTime()) {
    throw new AppError("validation_failed", "Attendance is recorded once the session starts.");
  }
  const attended: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeyForTransaction(trx, "live-session-seats", id);
    const roster = new Map((await listRosterRows(trx, id)).map((row) => [row.person_id, row]));
    const fields: Record<string, string> = {};
    input.entries.forEach((entry, index) => {
      if (!roster.has(entry.personId)) fields[`entries.${index}.personId`] = "Not on the roster";
    });
    if (Object.keys(fields).length > 0) {
      throw new AppError("validation_failed", "Some people did not RSVP to this session.", fields);
    }
    for (const entry of input.entries) {
      await trx
        .updateTable("live_session_rsvps")
        .set({
          attended: entry.attended ? 1 : 0,
          attendance_recorded_by: actor.personId,
          attendance_recorded_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .where("session_id", "=", id)
        .where("person_id", "=", entry.personId)
        .execute();
      if (entry.attended) attended.push(entry.personId);
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "live_session.attendance_recorded",
      actorId: actor.personId,
      target: { type: "live-session", id },
      details: {
        attended: input.entries.filter((entry) => entry.attended).length,
        absent: input.entries.filter((entry) => !entry.attended).length,
      },
    });
  });
  // After the commit, as completePathwayActivity asks.
  for (const personId of attended) await completeForAttendee(ctx, session, personId);
  return rosterOf(ctx.db, actor, session);
}

/** The session's day where the member lives: what their pathway quarter is read from. */
export function sessionDayFor(session: LiveSessionRow, timeZone: string | null): string {
  return (
    DateTime.fromISO(session.starts_at, { zone: "utc" })
      .setZone(timeZone ?? "UTC")
      .toISODate() ?? session.starts_at.slice(0, 10)
  );
}

async function completeForAttendee(
  ctx: AppContext,
  session: LiveSessionRow,
  personId: string,
): Promise<void> {
  const person = await findSessionPerson(ctx.db, personId);
  if (!person?.active) return;
  const day = sessionDayFor(session, person.timeZone);
  await completePathwayActivity(ctx, {
    personId,
    kinds: ["live_learning"],
    source: "live_learning",
    day,
  });
  const otherDivision =
    session.division !== null &&
    (person.division ?? "").trim().toLowerCase() !== session.division.trim().toLowerCase();
  if (session.group_conversation === 1 && otherDivision) {
    await completePathwayActivity(ctx, {
      personId,
      kinds: ["group_conversation"],
      source: "live_learning",
      day,
    });
  }
}
