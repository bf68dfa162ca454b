import type { Insertable, Updateable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type {
  LiveLearningSeriesTable,
  LiveSessionRsvpsTable,
  LiveSessionsTable,
} from "#server/db/schema.ts";

export type LiveSessionRow = LiveSessionsTable & {
  host_name: string;
  host_preferred_name: string | null;
  series_title: string | null;
};

export type RsvpRow = LiveSessionRsvpsTable;

export type RosterRow = RsvpRow & {
  name: string;
  preferred_name: string | null;
  email: string;
};

export type SessionPerson = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  timeZone: string | null;
  division: string | null;
};

const sessionSelection = (db: Db) =>
  db
    .selectFrom("live_sessions")
    .innerJoin("people as host", "host.id", "live_sessions.host_id")
    .leftJoin("live_learning_series", "live_learning_series.id", "live_sessions.series_id")
    .selectAll("live_sessions")
    .select([
      "host.name as host_name",
      "host.preferred_name as host_preferred_name",
      "live_learning_series.title as series_title",
    ]);

export function findLiveSessionRow(db: Db, id: string): Promise<LiveSessionRow | undefined> {
  return sessionSelection(db).where("live_sessions.id", "=", id).executeTakeFirst();
}

/** Sessions starting in [from, to), earliest first; `personId` keeps those they RSVPed to. */
export function listLiveSessionRowsBetween(
  db: Db,
  range: { from: string; to: string; limit: number; rsvpOf?: string },
): Promise<LiveSessionRow[]> {
  let query = sessionSelection(db)
    .where("live_sessions.starts_at", ">=", range.from)
    .where("live_sessions.starts_at", "<", range.to);
  const personId = range.rsvpOf;
  if (personId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("live_session_rsvps")
          .select("live_session_rsvps.person_id")
          .whereRef("live_session_rsvps.session_id", "=", "live_sessions.id")
          .where("live_session_rsvps.person_id", "=", personId)
          .where("live_session_rsvps.status", "in", ["going", "waitlisted"]),
      ),
    );
  }
  return query
    .orderBy("live_sessions.starts_at")
    .orderBy("live_sessions.id")
    .limit(range.limit)
    .execute();
}

export async function insertLiveSessionRow(
  db: Db,
  row: Insertable<LiveSessionsTable>,
): Promise<void> {
  await db.insertInto("live_sessions").values(row).execute();
}

/** Saves over `baseVersion` only; false when someone saved in between. */
export async function updateLiveSessionRowAt(
  db: Db,
  id: string,
  baseVersion: number,
  values: Updateable<LiveSessionsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("live_sessions")
    .set({ ...values, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type SeatCounts = { going: number; waitlisted: number };

export async function countSeatsOf(
  db: Db,
  sessionIds: readonly string[],
): Promise<Map<string, SeatCounts>> {
  const counts = new Map<string, SeatCounts>();
  if (sessionIds.length === 0) return counts;
  const rows = await db
    .selectFrom("live_session_rsvps")
    .select(["session_id", "status", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("session_id", "in", sessionIds)
    .where("status", "in", ["going", "waitlisted"])
    .groupBy(["session_id", "status"])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.session_id) ?? { going: 0, waitlisted: 0 };
    if (row.status === "going") entry.going = Number(row.count);
    else entry.waitlisted = Number(row.count);
    counts.set(row.session_id, entry);
  }
  return counts;
}

export async function countGoing(db: Db, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom("live_session_rsvps")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("session_id", "=", sessionId)
    .where("status", "=", "going")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findRsvpRow(
  db: Db,
  sessionId: string,
  personId: string,
): Promise<RsvpRow | undefined> {
  return db
    .selectFrom("live_session_rsvps")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

export function listRsvpRowsOfPerson(
  db: Db,
  personId: string,
  sessionIds: readonly string[],
): Promise<RsvpRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("live_session_rsvps")
    .selectAll()
    .where("person_id", "=", personId)
    .where("session_id", "in", sessionIds)
    .execute();
}

/** Where the person stands on the waitlist: 1 for the first. */
export async function waitlistPositionOf(db: Db, rsvp: RsvpRow): Promise<number> {
  const row = await db
    .selectFrom("live_session_rsvps")
    .select((eb) => eb.fn.countAll<number | string>().as("ahead"))
    .where("session_id", "=", rsvp.session_id)
    .where("status", "=", "waitlisted")
    .where((eb) => eb("queue_number", "<", rsvp.queue_number))
    .executeTakeFirstOrThrow();
  return Number(row.ahead) + 1;
}

/** The next number in the session's queue; call under the session's lock. */
export async function nextQueueNumber(db: Db, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom("live_session_rsvps")
    .select((eb) => eb.fn.max<number | string | null>("queue_number").as("last"))
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertRsvpRow(db: Db, row: Insertable<LiveSessionRsvpsTable>): Promise<void> {
  await db.insertInto("live_session_rsvps").values(row).execute();
}

export async function updateRsvpRow(
  db: Db,
  sessionId: string,
  personId: string,
  values: Updateable<LiveSessionRsvpsTable>,
): Promise<void> {
  await db
    .updateTable("live_session_rsvps")
    .set(values)
    .where("session_id", "=", sessionId)
    .where("person_id", "=", personId)
    .execute();
}

/** The first on the waitlist, who takes a seat that opens. */
export function findFirstWaitlisted(db: Db, sessionId: string): Promise<RsvpRow | undefined> {
  return db
    .selectFrom("live_session_rsvps")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("status", "=", "waitlisted")
    .orderBy("queue_number")
    .limit(1)
    .executeTakeFirst();
}

/** Going first, then the waitlist in order. */
export function listRosterRows(db: Db, sessionId: string): Promise<RosterRow[]> {
  return db
    .selectFrom("live_session_rsvps")
    .innerJoin("people", "people.id", "live_session_rsvps.person_id")
    .selectAll("live_session_rsvps")
    .select(["people.name", "people.preferred_name", "people.email"])
    .where("live_session_rsvps.session_id", "=", sessionId)
    .where("live_session_rsvps.status", "in", ["going", "waitlisted"])
    .orderBy("live_session_rsvps.status")
    .orderBy("live_session_rsvps.queue_number")
    .execute();
}

export function listActiveRsvpRows(db: Db, sessionId: string): Promise<RsvpRow[]> {
  return db
    .selectFrom("live_session_rsvps")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("status", "in", ["going", "waitlisted"])
    .orderBy("person_id")
    .execute();
}

export async function findSessionPerson(
  db: Db,
  personId: string,
): Promise<SessionPerson | undefined> {
  const row = await db
    .selectFrom("people")
    .select(["id", "name", "preferred_name", "email", "status", "time_zone", "division"])
    .where("id", "=", personId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.preferred_name ?? row.name,
      email: row.email,
      active: row.status === "active",
      timeZone: row.time_zone,
      division: row.division,
    }
  );
}

/** Going sessions of a person that end after `after`, for the personal calendar feed. */
export function listGoingSessionRowsOfPerson(
  db: Db,
  personId: string,
  range: { after: string; limit: number },
): Promise<LiveSessionRow[]> {
  return sessionSelection(db)
    .innerJoin("live_session_rsvps", "live_session_rsvps.session_id", "live_sessions.id")
    .where("live_session_rsvps.person_id", "=", personId)
    .where("live_session_rsvps.status", "=", "going")
    .where("live_sessions.status", "=", "scheduled")
    .where("live_sessions.ends_at", ">", range.after)
    .orderBy("live_sessions.starts_at")
    .limit(range.limit)
    .execute();
}

export function listSeriesRows(db: Db): Promise<LiveLearningSeriesTable[]> {
  return db.selectFrom("live_learning_series").selectAll().orderBy("title").orderBy("id").execute();
}

export function findSeriesRow(db: Db, id: string): Promise<LiveLearningSeriesTable | undefined> {
  return db.selectFrom("live_learning_series").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countSeriesRows(db: Db): Promise<number> {
  const row = await db
    .selectFrom("live_learning_series")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertSeriesRow(
  db: Db,
  row: Insertable<LiveLearningSeriesTable>,
): Promise<void> {
  await db.insertInto("live_learning_series").values(row).execute();
}

export async function updateSeriesRowAt(
  db: Db,
  id: string,
  baseVersion: number,
  values: Updateable<LiveLearningSeriesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("live_learning_series")
    .set({ ...values, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
