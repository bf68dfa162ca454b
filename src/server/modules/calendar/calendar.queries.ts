import type { Insertable, Selectable } from "kysely";
import type { CalendarIncludeTitles } from "#core/calendar.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { CalendarFeedEventsTable, CalendarFeedsTable } from "#server/db/schema.ts";
import { affectedRows, fromJson, type Parsed } from "#server/db/values.ts";
import type { StoredLearningBlock } from "./calendar-feed-events.ts";

export type CalendarFeedRow = Parsed<
  Selectable<CalendarFeedsTable>,
  { include_titles: CalendarIncludeTitles; learning_blocks: StoredLearningBlock[] }
>;

const feedRow = (row: Selectable<CalendarFeedsTable>): CalendarFeedRow => ({
  ...row,
  include_titles: fromJson(row.include_titles),
  learning_blocks: fromJson(row.learning_blocks),
});

export async function findFeedOfPerson(db: Db, personId: string) {
  const row = await db
    .selectFrom("calendar_feeds")
    .selectAll()
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row && feedRow(row);
}

/** The feed a token opens, with the facts its policy needs about its person. */
export async function findFeedByTokenHash(db: Db, tokenHash: string) {
  const row = await db
    .selectFrom("calendar_feeds")
    .innerJoin("people", "people.id", "calendar_feeds.person_id")
    .selectAll("calendar_feeds")
    .select(["people.status as person_status", "people.time_zone as person_time_zone"])
    .where("calendar_feeds.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { person_status, person_time_zone, ...feed } = row;
  return { feed: feedRow(feed), personStatus: person_status, personTimeZone: person_time_zone };
}

/** Inserts the first settings row; false when another save made it first. */
export async function insertFeed(db: Db, row: Insertable<CalendarFeedsTable>): Promise<boolean> {
  const result = await db
    .insertInto("calendar_feeds")
    .values(row)
    .onConflict((conflict) => conflict.column("person_id").doNothing())
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Saves settings made from `baseVersion`; false when another save landed since. */
export async function updateFeedSettingsIfAt(
  db: Db,
  personId: string,
  baseVersion: number,
  values: { include_titles: string; learning_blocks: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("calendar_feeds")
    .set({ ...values, version: baseVersion + 1 })
    .where("person_id", "=", personId)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Replaces (or, with null, removes) the token: the old URL stops working at once. */
export async function setFeedToken(
  db: Db,
  personId: string,
  token: { hash: string; at: string } | null,
): Promise<void> {
  await db
    .updateTable("calendar_feeds")
    .set({ token_hash: token?.hash ?? null, token_created_at: token?.at ?? null })
    .where("person_id", "=", personId)
    .execute();
}

export type FeedEventStateRow = Selectable<CalendarFeedEventsTable>;

export function listFeedEventStates(db: Db, personId: string): Promise<FeedEventStateRow[]> {
  return db
    .selectFrom("calendar_feed_events")
    .selectAll()
    .where("person_id", "=", personId)
    .execute();
}

/** New events; a row another request wrote meanwhile is kept as it is. */
export async function insertFeedEventStates(
  db: Db,
  rows: Insertable<CalendarFeedEventsTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 100) {
    await db
      .insertInto("calendar_feed_events")
      .values(rows.slice(start, start + 100))
      .onConflict((conflict) => conflict.columns(["person_id", "uid"]).doNothing())
      .execute();
  }
}

/**
 * Changed (or returning) events with their new hash and sequence: deleted and written again in
 * batches, two statements per hundred rows whatever the engine.
 */
export async function replaceFeedEventStates(
  db: Db,
  personId: string,
  rows: Insertable<CalendarFeedEventsTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 100) {
    const batch = rows.slice(start, start + 100);
    await db
      .deleteFrom("calendar_feed_events")
      .where("person_id", "=", personId)
      .where(
        "uid",
        "in",
        batch.map((row) => row.uid),
      )
      .execute();
    await db
      .insertInto("calendar_feed_events")
      .values(batch)
      .onConflict((conflict) => conflict.columns(["person_id", "uid"]).doNothing())
      .execute();
  }
}

export async function markFeedEventsRemoved(
  db: Db,
  personId: string,
  uids: readonly string[],
  at: string,
): Promise<void> {
  for (let start = 0; start < uids.length; start += 100) {
    await db
      .updateTable("calendar_feed_events")
      .set({ removed_at: at })
      .where("person_id", "=", personId)
      .where("uid", "in", uids.slice(start, start + 100))
      .where("removed_at", "is", null)
      .execute();
  }
}

/** Pending feedback requests with a due date where the person is the rater, and who asked. */
export function listDueFeedbackRequestsOfRater(db: Db, raterId: string) {
  return db
    .selectFrom("career_feedback_requests")
    .innerJoin(
      "career_assessments",
      "career_assessments.id",
      "career_feedback_requests.assessment_id",
    )
    .innerJoin("people as owner", "owner.id", "career_assessments.person_id")
    .select([
      "career_feedback_requests.id",
      "career_feedback_requests.due_on",
      "owner.name as owner_name",
      "owner.preferred_name as owner_preferred_name",
    ])
    .where("career_feedback_requests.rater_id", "=", raterId)
    .where("career_feedback_requests.status", "=", "pending")
    .where("career_feedback_requests.due_on", "is not", null)
    .orderBy("career_feedback_requests.due_on")
    .limit(500)
    .execute();
}

export function findPersonTimeZone(db: Db, personId: string) {
  return db
    .selectFrom("people")
    .select(["time_zone", "status"])
    .where("id", "=", personId)
    .executeTakeFirst();
}

/**
 * Career conversations the person takes part in (member, manager participant or guest) that are
 * scheduled, awaiting acknowledgement or held, starting between `from` and `to`; never a
 * cancelled one, and no note text.
 */
export function listFeedConversationsOf(
  db: Db,
  personId: string,
  range: { from: string; to: string },
) {
  return db
    .selectFrom("career_conversations")
    .innerJoin("people as member", "member.id", "career_conversations.member_id")
    .innerJoin("people as manager", "manager.id", "career_conversations.manager_id")
    .select((eb) => [
      "career_conversations.id",
      "career_conversations.status",
      "career_conversations.scheduled_at",
      "career_conversations.duration_minutes",
      "career_conversations.member_id",
      "career_conversations.manager_id",
      "career_conversations.version",
      "career_conversations.updated_at",
      "member.manager_id as member_manager_id",
      eb.fn.coalesce("member.preferred_name", "member.name").as("member_name"),
      eb.fn.coalesce("manager.preferred_name", "manager.name").as("manager_name"),
    ])
    .where((eb) =>
      eb.or([
        eb("career_conversations.member_id", "=", personId),
        eb("career_conversations.manager_id", "=", personId),
        eb(
          "career_conversations.id",
          "in",
          eb
            .selectFrom("conversation_guests")
            .select("conversation_guests.conversation_id")
            .where("conversation_guests.person_id", "=", personId),
        ),
      ]),
    )
    .where("career_conversations.status", "in", ["scheduled", "awaiting_acknowledgement", "held"])
    .where("career_conversations.scheduled_at", ">=", range.from)
    .where("career_conversations.scheduled_at", "<=", range.to)
    .orderBy("career_conversations.scheduled_at")
    .orderBy("career_conversations.id")
    .limit(500)
    .execute();
}
