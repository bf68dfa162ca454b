import { DateTime } from "luxon";
import { newId } from "#core/ids.ts";
import type {
  CreateLiveSessionBody,
  LiveSessionList,
  LiveSessionView,
  UpdateLiveSessionBody,
} from "#core/live-learning.schemas.ts";
import {
  CreateLiveSessionBody as CreateSchema,
  liveLearningLimits,
} from "#core/live-learning.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockKeyForTransaction } from "#server/db/locks.ts";
import { AppError, notFound } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { hasTimeZoneDefinition } from "#server/shared/icalendar.ts";
import { LiveSessionConflictError } from "./live-learning.errors.ts";
import { assertAllowed, liveSessionPolicies } from "./live-learning.policy.ts";
import { presentLiveSession } from "./live-learning.presenters.ts";
import {
  countSeatsOf,
  findLiveSessionRow,
  findRsvpRow,
  findSeriesRow,
  findSessionPerson,
  insertLiveSessionRow,
  type LiveSessionRow,
  listActiveRsvpRows,
  listLiveSessionRowsBetween,
  listRsvpRowsOfPerson,
  type RsvpRow,
  updateLiveSessionRowAt,
  updateRsvpRow,
  waitlistPositionOf,
} from "./live-learning.queries.ts";
import { liveSessionPath, sendLiveSessionInvitation } from "./live-session-invitations.ts";
import { promoteFromWaitlist } from "./live-session-seats.ts";

/** Sessions, their calendar, and what administrators (L&D) do with them. */

export const noSuchSession = () => notFound("No such session.");

type SessionInput = ReturnType<typeof CreateSchema.parse>;

export async function presentForViewer(
  db: Db,
  actor: Actor,
  row: LiveSessionRow,
  rsvp?: RsvpRow | null,
): Promise<LiveSessionView> {
  const counts = (await countSeatsOf(db, [row.id])).get(row.id);
  const own = rsvp === undefined ? await findRsvpRow(db, row.id, actor.personId) : rsvp;
  return presentLiveSession(row, {
    counts,
    myRsvp: await myRsvpOf(db, own ?? undefined),
    viewerTimeZone: (await findSessionPerson(db, actor.personId))?.timeZone ?? "UTC",
    canRecordAttendance: liveSessionPolicies.recordAttendance(actor, facts(row)),
  });
}

async function myRsvpOf(db: Db, rsvp: RsvpRow | undefined): Promise<LiveSessionView["myRsvp"]> {
  if (!rsvp || rsvp.status === "cancelled") return null;
  return {
    status: rsvp.status,
    waitlistPosition: rsvp.status === "waitlisted" ? await waitlistPositionOf(db, rsvp) : null,
    attended: rsvp.attended === null ? null : rsvp.attended === 1,
  };
}

export const facts = (row: LiveSessionRow) => ({ hostId: row.host_id, status: row.status });

export async function readableSession(db: Db, id: string): Promise<LiveSessionRow> {
  const row = await findLiveSessionRow(db, id);
  if (!row) throw noSuchSession();
  return row;
}

export async function listLiveSessions(
  ctx: AppContext,
  actor: Actor,
  query: { from: string; to: string; mine?: "true" | "false" | undefined },
): Promise<LiveSessionList> {
  if (!liveSessionPolicies.read(actor)) throw noSuchSession();
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (to <= from) {
    throw new AppError("validation_failed", "The range ends before it starts.", {
      to: "Use an instant after from",
    });
  }
  if (to.getTime() - from.getTime() > liveLearningLimits.rangeDays * 86_400_000) {
    throw new AppError("validation_failed", "Ask for a shorter range.", {
      to: `At most ${liveLearningLimits.rangeDays} days after from`,
    });
  }
  const rows = await listLiveSessionRowsBetween(ctx.db, {
    from: from.toISOString(),
    to: to.toISOString(),
    limit: liveLearningLimits.listed,
    ...(query.mine === "true" ? { rsvpOf: actor.personId } : {}),
  });
  const ids = rows.map((row) => row.id);
  const counts = await countSeatsOf(ctx.db, ids);
  const rsvps = new Map(
    (await listRsvpRowsOfPerson(ctx.db, actor.personId, ids)).map((rsvp) => [
      rsvp.session_id,
      rsvp,
    ]),
  );
  const viewerTimeZone = (await findSessionPerson(ctx.db, actor.personId))?.timeZone ?? "UTC";
  const items: LiveSessionView[] = [];
  for (const row of rows) {
    items.push(
      presentLiveSession(row, {
        counts: counts.get(row.id),
        myRsvp: await myRsvpOf(ctx.db, rsvps.get(row.id)),
        viewerTimeZone,
        canRecordAttendance: liveSessionPolicies.recordAttendance(actor, facts(row)),
      }),
    );
  }
  return { items, viewerTimeZone };
}

export async function getLiveSession(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<LiveSessionView> {
  if (!liveSessionPolicies.read(actor)) throw noSuchSession();
  return presentForViewer(ctx.db, actor, await readableSession(ctx.db, id));
}

/** UTC instants of a local start and end in a zone, with field errors for what cannot be. */
export function instantsOf(input: Pick<SessionInput, "startsAt" | "endsAt" | "timeZone">) {
  if (!hasTimeZoneDefinition(input.timeZone)) {
    throw new AppError("validation_failed", "Choose another time zone.", {
      timeZone: "No calendar definition for this zone",
    });
  }
  const toInstant = (local: string, field: string) => {
    const time = DateTime.fromISO(local, { zone: input.timeZone });
    if (!time.isValid || time.toFormat("yyyy-MM-dd'T'HH:mm") !== local) {
      throw new AppError("validation_failed", "That time does not exist in this time zone.", {
        [field]: `Not a time in ${input.timeZone} (a date that does not exist, or clocks moving forward)`,
      });
    }
    return time.toUTC();
  };
  const start = toInstant(input.startsAt, "startsAt");
  const end = toInstant(input.endsAt, "endsAt");
  if (end <= start) {
    throw new AppError("validation_failed", "The session ends before it starts.", {
      endsAt: "Use a time after the start",
    });
  }
  if (end.diff(start, "minutes").minutes > liveLearningLimits.durationMinutes) {
    throw new AppError("validation_failed", "A session lasts at most a day.", {
      endsAt: "At most 24 hours after the start",
    });
  }
  return { startsAt: start.toISO() ?? "", endsAt: end.toISO() ?? "" };
}

async function checkedFields(db: Db, input: SessionInput) {
  const host = await findSessionPerson(db, input.hostId);
  if (!host?.active) {
    throw new AppError("validation_failed", "Choose an active person as the host.", {
      hostId: "Not an active person",
    });
  }
  if (input.seriesId && !(await findSeriesRow(db, input.seriesId))) {
    throw new AppError("validation_failed", "Choose an existing series.", {
      seriesId: "No such series",
    });
  }
  if (input.groupConversation && !input.division) {
    throw new AppError("validation_failed", "Name the division holding the group conversation.", {
      division: "Required for a group conversation",
    });
  }
  const { startsAt, endsAt } = instantsOf(input);
  return {
    series_id: input.seriesId,
    title: input.title,
    description: input.description,
    host_id: input.hostId,
    starts_at: new Date(startsAt).toISOString(),
    ends_at: new Date(endsAt).toISOString(),
    time_zone: input.timeZone,
    capacity: input.capacity,
    online_url: input.onlineUrl,
    place: input.place === "" ? null : input.place,
    group_conversation: input.groupConversation ? 1 : 0,
    division: input.groupConversation ? input.division : null,
  };
}

export async function createLiveSession(
  ctx: AppContext,
  actor: Actor,
  input: CreateLiveSessionBody,
  meta: RequestMeta,
): Promise<LiveSessionView> {
  assertAllowed(liveSessionPolicies.manage(actor), "Only administrators plan live sessions.");
  const body = CreateSchema.parse(input);
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const fields = await checkedFields(trx, body);
    const now = ctx.clock.now().toISOString();
    await insertLiveSessionRow(trx, {
      id,
      ...fields,
      status: "scheduled",
      version: 1,
      created_by: actor.personId,
      created_at: now,
      updated_at: now,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "live_session.created",
      actorId: actor.personId,
      target: { type: "live-session", id },
      details: { title: body.title, hostId: body.hostId, capacity: body.capacity },
    });
  });
  return getLiveSession(ctx, actor, id);
}

/**
 * Saves an edit made from `baseVersion`. Everyone going gets an updated invitation (a higher
 * SEQUENCE) when what a calendar shows changed; more seats promote the waitlist at once. Fewer
 * seats than people going removes nobody: the waitlist waits until enough cancel.
 */
export async function updateLiveSession(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateLiveSessionBody,
  meta: RequestMeta,
): Promise<LiveSessionView> {
  assertAllowed(liveSessionPolicies.manage(actor), "Only administrators edit live sessions.");
  const { baseVersion, ...rest } = input;
  const body = CreateSchema.parse(rest);
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeyForTransaction(trx, "live-session-seats", id);
    const current = await readableSession(trx, id);
    if (current.version !== baseVersion) {
      throw new LiveSessionConflictError(await presentForViewer(trx, actor, current));
    }
    if (current.status === "cancelled") {
      throw new AppError("validation_failed", "A cancelled session cannot be edited.");
    }
    const fields = await checkedFields(trx, body);
    const now = ctx.clock.now();
    const saved = await updateLiveSessionRowAt(trx, id, baseVersion, {
      ...fields,
      updated_at: now.toISOString(),
    });
    if (!saved) throw new LiveSessionConflictError(await presentForViewer(trx, actor, current));
    const updated = await readableSession(trx, id);
    const shown = ["title", "description", "starts_at", "ends_at", "time_zone", "online_url"];
    const calendarChanged =
      shown.some(
        (key) => current[key as keyof LiveSessionRow] !== updated[key as keyof LiveSessionRow],
      ) ||
      current.place !== updated.place ||
      current.host_id !== updated.host_id;
    if (calendarChanged) await reinviteGoing(trx, updated, now);
    await promoteFromWaitlist(trx, updated, { actorId: actor.personId, meta, clock: ctx.clock });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "live_session.updated",
      actorId: actor.personId,
      target: { type: "live-session", id },
      details: { version: baseVersion + 1, capacity: body.capacity, calendarChanged },
    });
  });
  return getLiveSession(ctx, actor, id);
}

async function reinviteGoing(trx: Db, session: LiveSessionRow, now: Date): Promise<void> {
  const host = await findSessionPerson(trx, session.host_id);
  if (!host) return;
  for (const rsvp of await listActiveRsvpRows(trx, session.id)) {
    if (rsvp.status !== "going") continue;
    const attendee = await findSessionPerson(trx, rsvp.person_id);
    if (!attendee) continue;
    const sequence = rsvp.invitation_sequence + 1;
    await updateRsvpRow(trx, session.id, rsvp.person_id, {
      invitation_sequence: sequence,
      updated_at: now.toISOString(),
    });
    await sendLiveSessionInvitation(
      trx,
      { session, host, attendee, change: "changed", sequence },
      now,
    );
  }
}

/** Calls the session off: everyone going gets a CANCEL, everyone with an RSVP a notification. */
export async function cancelLiveSession(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { baseVersion: number },
  meta: RequestMeta,
): Promise<LiveSessionView> {
  assertAllowed(liveSessionPolicies.manage(actor), "Only administrators cancel live sessions.");
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeyForTransaction(trx, "live-session-seats", id);
    const current = await readableSession(trx, id);
    if (current.version !== input.baseVersion) {
      throw new LiveSessionConflictError(await presentForViewer(trx, actor, current));
    }
    if (current.status === "cancelled") return;
    const now = ctx.clock.now();
    const saved = await updateLiveSessionRowAt(trx, id, input.baseVersion, {
      status: "cancelled",
      updated_at: now.toISOString(),
    });
    if (!saved) throw new LiveSessionConflictError(await presentForViewer(trx, actor, current));
    const session = await readableSession(trx, id);
    const host = await findSessionPerson(trx, session.host_id);
    for (const rsvp of await listActiveRsvpRows(trx, id)) {
      const attendee = await findSessionPerson(trx, rsvp.person_id);
      if (!attendee || !host) continue;
      if (rsvp.status === "going") {
        const sequence = rsvp.invitation_sequence + 1;
        await updateRsvpRow(trx, id, rsvp.person_id, {
          invitation_sequence: sequence,
          updated_at: now.toISOString(),
        });
        await sendLiveSessionInvitation(
          trx,
          { session, host, attendee, change: "session_cancelled", sequence },
          now,
        );
      }
      await notify(
        trx,
        {
          personId: rsvp.person_id,
          kind: "live_session_cancelled",
          actorId: actor.personId,
          subject: { type: "live-session", id },
          link: liveSessionPath(id),
          title: `Cancelled: ${session.title}`,
          dedupeKey: `live_session_cancelled:${id}:${rsvp.person_id}`,
        },
        now,
      );
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "live_session.cancelled",
      actorId: actor.personId,
      target: { type: "live-session", id },
      details: { version: input.baseVersion + 1 },
    });
  });
  return getLiveSession(ctx, actor, id);
}
