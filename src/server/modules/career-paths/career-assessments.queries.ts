import type { Insertable, Selectable } from "kysely";
import type { SelfRating } from "#core/career/assessments.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type {
  CareerAssessmentsTable,
  CareerFeedbackRequestsTable,
  CareerGoalLinksTable,
} from "#server/db/schema.ts";
import { affectedRows, flag, fromJsonOrNull, type Parsed } from "#server/db/values.ts";
import { cachedPeerAnswer, parsedPeerAnswer, parsedSelfRatings } from "./ratings-cache.ts";

/** A rater's answer to one competency. */
export type FeedbackAnswer = { competencyKey: string; rating: number | null; comment: string };

export type AssessmentRow = Parsed<
  Selectable<CareerAssessmentsTable>,
  { ratings: SelfRating[]; shared_with_manager: boolean; status: "draft" | "finished" }
>;
export type FeedbackRequestRow = Parsed<
  Selectable<CareerFeedbackRequestsTable>,
  {
    ratings: FeedbackAnswer[] | null;
    relation: "manager" | "peer";
    status: "pending" | "answered" | "declined";
  }
>;

const assessmentRow = (row: Selectable<CareerAssessmentsTable>): AssessmentRow => ({
  ...row,
  ratings: parsedSelfRatings(row.id, row.version, row.ratings),
  shared_with_manager: flag(row.shared_with_manager),
  status: row.status as AssessmentRow["status"],
});
const isPeerAnswer = (row: { relation: string; status: string }) =>
  row.relation === "peer" && row.status === "answered";

const requestRow = (row: Selectable<CareerFeedbackRequestsTable>): FeedbackRequestRow => ({
  ...row,
  ratings:
    isPeerAnswer(row) && row.ratings !== null
      ? parsedPeerAnswer(row.id, row.answered_at, row.ratings)
      : fromJsonOrNull(row.ratings),
  relation: row.relation as FeedbackRequestRow["relation"],
  status: row.status as FeedbackRequestRow["status"],
});

// ── Assessments ─────────────────────────────────────────────────────────────────────────────

export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  const row = await db
    .selectFrom("career_assessments")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && assessmentRow(row);
}

export async function listAssessmentsOfPerson(db: Db, personId: string): Promise<AssessmentRow[]> {
  const rows = await db
    .selectFrom("career_assessments")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(assessmentRow);
}

/** Finished assessments shared with the manager, of these people, newest finished first. */
export async function listSharedFinishedOfPeople(
  db: Db,
  personIds: readonly string[],
): Promise<AssessmentRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom("career_assessments")
    .selectAll()
    .where("person_id", "in", [...personIds])
    .where("status", "=", "finished")
    .where("shared_with_manager", "=", 1)
    .orderBy("finished_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(assessmentRow);
}

export async function insertAssessment(
  db: Db,
  row: Omit<Insertable<CareerAssessmentsTable>, "ratings"> & { ratings: SelfRating[] },
): Promise<void> {
  await db
    .insertInto("career_assessments")
    .values({ ...row, ratings: JSON.stringify(row.ratings) })
    .execute();
}

export type AssessmentChanges = Partial<{
  version_id: string;
  status: "draft" | "finished";
  shared_with_manager: boolean;
  ratings: SelfRating[];
  finished_at: string | null;
}> & { updated_at: string };

/** Writes the assessment only if it is still at `baseVersion`; false when it was not. */
export async function updateAssessmentIfAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: AssessmentChanges,
): Promise<boolean> {
  const { ratings, shared_with_manager, ...rest } = changes;
  const result = await db
    .updateTable("career_assessments")
    .set({
      ...rest,
      ...(ratings ? { ratings: JSON.stringify(ratings) } : {}),
      ...(shared_with_manager === undefined
        ? {}
        : { shared_with_manager: shared_with_manager ? 1 : 0 }),
      version: baseVersion + 1,
    })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function deleteAssessment(db: Db, id: string): Promise<void> {
  await db.deleteFrom("career_assessments").where("id", "=", id).execute();
}

/** The newest published version number of each framework. */
export async function listLatestVersionNumbers(
  db: Db,
  frameworkIds: readonly string[],
): Promise<Map<string, number>> {
  if (frameworkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("career_framework_versions")
    .select(["framework_id", (eb) => eb.fn.max("number").as("number")])
    .where("framework_id", "in", [...new Set(frameworkIds)])
    .groupBy("framework_id")
    .execute();
  return new Map(rows.map((row) => [row.framework_id, row.number]));
}

/** The id of each framework's newest published version, for the cached version reader. */
export async function listLatestVersionIds(
  db: Db,
  frameworkIds: readonly string[],
): Promise<Map<string, string>> {
  if (frameworkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("career_frameworks")
    .select(["id", "latest_version_id"])
    .where("id", "in", [...new Set(frameworkIds)])
    .execute();
  return new Map(
    rows.flatMap((row) => (row.latest_version_id ? [[row.id, row.latest_version_id]] : [])),
  );
}

// ── Feedback requests ───────────────────────────────────────────────────────────────────────

/**
 * The requests of these assessments. Peers' answers already parsed are not read again: the
 * ratings column is fetched only for the requests that need it.
 */
export async function listRequestsOfAssessments(
  db: Db,
  assessmentIds: readonly string[],
): Promise<FeedbackRequestRow[]> {
  if (assessmentIds.length === 0) return [];
  const rows = await db
    .selectFrom("career_feedback_requests")
    .select([
      "id",
      "assessment_id",
      "rater_id",
      "relation",
      "status",
      "message",
      "due_on",
      "created_at",
      "answered_at",
    ])
    .where("assessment_id", "in", [...assessmentIds])
    .orderBy("relation")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const known = new Map<string, FeedbackAnswer[]>();
  const unread: string[] = [];
  for (const row of rows) {
    const cached = isPeerAnswer(row) ? cachedPeerAnswer(row.id, row.answered_at) : undefined;
    if (cached) known.set(row.id, cached);
    else if (row.status === "answered") unread.push(row.id);
  }
  const texts = new Map<string, string | null>();
  if (unread.length > 0) {
    const read = await db
      .selectFrom("career_feedback_requests")
      .select(["id", "ratings"])
      .where("id", "in", unread)
      .execute();
    for (const row of read) texts.set(row.id, row.ratings);
  }
  return rows.map((row) => {
    const cached = known.get(row.id);
    if (cached) return { ...requestRow({ ...row, ratings: null }), ratings: cached };
    return requestRow({ ...row, ratings: texts.get(row.id) ?? null });
  });
}

export async function findRequest(db: Db, id: string): Promise<FeedbackRequestRow | undefined> {
  const row = await db
    .selectFrom("career_feedback_requests")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && requestRow(row);
}

export async function insertRequests(
  db: Db,
  rows: readonly Insertable<CareerFeedbackRequestsTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("career_feedback_requests")
      .values([...rows])
      .execute();
}

const queueLimit = 500;

/** The rater's requests, pending first, then newest first; bounded. */
export async function listRequestsForRater(db: Db, raterId: string): Promise<FeedbackRequestRow[]> {
  const rows = await db
    .selectFrom("career_feedback_requests")
    .selectAll()
    .where("rater_id", "=", raterId)
    .orderBy((eb) => eb.case().when("status", "=", "pending").then(0).else(1).end())
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(queueLimit)
    .execute();
  return rows.map(requestRow);
}

export async function listAssessmentsByIds(
  db: Db,
  ids: readonly string[],
): Promise<AssessmentRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("career_assessments")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
  return rows.map(assessmentRow);
}

/** Saves an answer or a decline if the request is still in one of `fromStatuses`. */
export async function updateRequestIf(
  db: Db,
  id: string,
  fromStatuses: readonly FeedbackRequestRow["status"][],
  changes: { status: "answered" | "declined"; ratings: FeedbackAnswer[] | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("career_feedback_requests")
    .set({
      status: changes.status,
      ratings: changes.ratings ? JSON.stringify(changes.ratings) : null,
      answered_at: changes.at,
    })
    .where("id", "=", id)
    .where("status", "in", [...fromStatuses])
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Pending requests to `raterId` per assessment owner, for the team view. */
export async function countPendingForRaterByOwner(
  db: Db,
  raterId: string,
  ownerIds: readonly string[],
): Promise<Map<string, number>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("career_feedback_requests")
    .innerJoin(
      "career_assessments",
      "career_assessments.id",
      "career_feedback_requests.assessment_id",
    )
    .select(["career_assessments.person_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("career_feedback_requests.rater_id", "=", raterId)
    .where("career_feedback_requests.status", "=", "pending")
    .where("career_assessments.person_id", "in", [...ownerIds])
    .groupBy("career_assessments.person_id")
    .execute();
  return new Map(rows.map((row) => [row.person_id, row.count]));
}

// ── Goals made from gaps ────────────────────────────────────────────────────────────────────

export async function listGoalLinks(
  db: Db,
  personId: string,
  frameworkIds: readonly string[],
): Promise<Selectable<CareerGoalLinksTable>[]> {
  if (frameworkIds.length === 0) return [];
  return db
    .selectFrom("career_goal_links")
    .selectAll()
    .where("person_id", "=", personId)
    .where("framework_id", "in", [...new Set(frameworkIds)])
    .orderBy("created_at")
    .orderBy("goal_id")
    .execute();
}

export async function insertGoalLinks(
  db: Db,
  rows: readonly Insertable<CareerGoalLinksTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("career_goal_links")
      .values([...rows])
      .execute();
}
