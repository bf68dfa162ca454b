import { noTitles } from "#core/calendar.schemas.ts";
import type { TrackingContent } from "#core/growth-plan/sections.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { notFound } from "#server/errors.ts";
import type { Download } from "#server/http/download.ts";
import { hashSessionToken, isWellFormedSessionToken } from "#server/modules/auth/session-tokens.ts";
import {
  findActivePlanOfOwner,
  findSection,
  listGoals,
} from "#server/modules/growth-plans/growth-plans.queries.ts";
import { buildCalendar, type IcsEvent, icsContentType } from "#server/shared/icalendar.ts";
import { assertOwnFeed, calendarPolicies } from "./calendar.policy.ts";
import {
  type CalendarFeedRow,
  type FeedEventStateRow,
  findFeedByTokenHash,
  findFeedOfPerson,
  findPersonTimeZone,
  insertFeedEventStates,
  listDueFeedbackRequestsOfRater,
  listFeedEventStates,
  markFeedEventsRemoved,
  updateFeedEventState,
} from "./calendar.queries.ts";
import { feedTimeZone } from "./calendar.service.ts";
import {
  contentHash,
  type FeedEventDraft,
  type FeedSources,
  feedEventDrafts,
  localDay,
} from "./calendar-feed-events.ts";
import { cachedFeed, feedDigest, rememberFeed } from "./feed-render-cache.ts";

const calendarName = "Trellis";

/** Subscribed calendars are asked to refresh about this often. */
const refreshMinutes = 60;

/** Same answer for a token that never existed, was revoked or belongs to a deactivated person. */
const noSuchFeed = () => notFound("No such calendar feed.");

async function feedSources(
  ctx: AppContext,
  personId: string,
  feed: CalendarFeedRow | undefined,
  personTimeZone: string | null,
): Promise<FeedSources> {
  const defaultTimeZone = feedTimeZone(personTimeZone);
  const [plan, feedbackRequests] = await Promise.all([
    findActivePlanOfOwner(ctx.db, personId),
    listDueFeedbackRequestsOfRater(ctx.db, personId),
  ]);
  const [tracking, goals] = plan
    ? await Promise.all([findSection(ctx.db, plan.id, "tracking"), listGoals(ctx.db, plan.id)])
    : [undefined, []];
  return {
    defaultTimeZone,
    today: localDay(ctx.clock.now(), defaultTimeZone),
    appUrl: ctx.config.publicUrl,
    includeTitles: { ...noTitles, ...feed?.include_titles },
    learningBlocks: feed?.learning_blocks ?? [],
    plan: plan
      ? {
          id: plan.id,
          tracking: (tracking?.content as TrackingContent | undefined) ?? null,
          goals: goals.map((goal) => ({ id: goal.id, content: goal.content })),
        }
      : null,
    feedbackRequests: feedbackRequests.map((request) => ({
      id: request.id,
      dueOn: request.due_on ?? "",
      askedBy: request.owner_preferred_name || request.owner_name,
    })),
  };
}

/**
 * Gives each event its SEQUENCE and DTSTAMP from the served-event table: unchanged content keeps
 * both; changed content (or an event coming back) gets the next sequence and a new stamp; an event
 * no longer produced is marked removed and simply left out (decision 020). Writes happen only when
 * something changed, so an unchanged feed is one read.
 */
async function withSequences(
  db: Db,
  personId: string,
  drafts: readonly FeedEventDraft[],
  at: string,
): Promise<{ events: IcsEvent[]; hashes: string[] }> {
  const states = new Map<string, FeedEventStateRow>(
    (await listFeedEventStates(db, personId)).map((row) => [row.uid, row]),
  );
  const inserts: FeedEventStateRow[] = [];
  const changes: { row: FeedEventStateRow; contentHash: string }[] = [];
  const hashes = drafts.map(contentHash);
  const events = drafts.map((draft, index): IcsEvent => {
    const hash = hashes[index] ?? "";
    const state = states.get(draft.uid);
    if (!state) {
      inserts.push({
        person_id: personId,
        uid: draft.uid,
        content_hash: hash,
        sequence: 0,
        changed_at: at,
        removed_at: null,
      });
      return { ...draft, sequence: 0, stamp: at };
    }
    if (state.content_hash === hash && state.removed_at === null) {
      return { ...draft, sequence: state.sequence, stamp: state.changed_at };
    }
    changes.push({ row: state, contentHash: hash });
    return { ...draft, sequence: state.sequence + 1, stamp: at };
  });
  const produced = new Set(drafts.map((draft) => draft.uid));
  const removed = [...states.values()]
    .filter((row) => row.removed_at === null && !produced.has(row.uid))
    .map((row) => row.uid);
  if (inserts.length > 0 || changes.length > 0 || removed.length > 0) {
    await db.transaction().execute(async (trx) => {
      await insertFeedEventStates(trx, inserts);
      for (const change of changes) {
        await updateFeedEventState(trx, change.row, { contentHash: change.contentHash, at });
      }
      await markFeedEventsRemoved(trx, personId, removed, at);
    });
  }
  return { events, hashes };
}

async function feedText(
  ctx: AppContext,
  personId: string,
  feed: CalendarFeedRow | undefined,
  personTimeZone: string | null,
): Promise<string> {
  const sources = await feedSources(ctx, personId, feed, personTimeZone);
  const drafts = feedEventDrafts(sources);
  const at = ctx.clock.now().toISOString();
  const { events, hashes } = await withSequences(ctx.db, personId, drafts, at);
  const digest = feedDigest(
    events.map((event, index) => `${event.uid} ${hashes[index]} ${event.sequence} ${event.stamp}`),
  );
  const cached = cachedFeed(personId, digest);
  if (cached !== null) return cached;
  const text = buildCalendar({ name: calendarName, events, refreshMinutes });
  rememberFeed(personId, digest, text);
  return text;
}

/** The feed a secret URL opens; anything else answers the same 404, with no hint why. */
export async function readFeedByToken(ctx: AppContext, token: string): Promise<string> {
  if (!isWellFormedSessionToken(token)) throw noSuchFeed();
  const found = await findFeedByTokenHash(ctx.db, hashSessionToken(token));
  if (!found || !calendarPolicies.readByToken({ status: found.personStatus })) throw noSuchFeed();
  return feedText(ctx, found.feed.person_id, found.feed, found.personTimeZone);
}

/** The same calendar, downloaded by its signed-in person, whether or not the URL is on. */
export async function downloadMyFeed(ctx: AppContext, actor: Actor): Promise<Download> {
  assertOwnFeed(actor, actor.personId);
  const [feed, person] = await Promise.all([
    findFeedOfPerson(ctx.db, actor.personId),
    findPersonTimeZone(ctx.db, actor.personId),
  ]);
  return {
    body: await feedText(ctx, actor.personId, feed, person?.time_zone ?? null),
    contentType: icsContentType,
    fileName: "trellis-calendar.ics",
  };
}
