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
import { listGoingSessionRowsOfPerson } from "#server/modules/live-learning/live-learning.queries.ts";
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
  listFeedConversationsOf,
  listFeedEventStates,
  markFeedEventsRemoved,
  replaceFeedEventStates,
} from "./calendar.queries.ts";
import { feedTimeZone } from "./calendar.service.ts";
import {
  contentHash,
  conversationRange,
  type FeedConversation,
  type FeedEventDraft,
  type FeedLiveSession,
  type FeedSources,
  feedEventDrafts,
  localDay,
} from "./calendar-feed-events.ts";
import { cachedFeed, feedDigest, rememberFeed } from "./feed-render-cache.ts";

const calendarName = "Trellis";

/** Live sessions a feed holds at most: a person rarely has more than a few seats ahead. */
const feedLiveSessionLimit = 200;

/** Subscribed calendars are asked to refresh about this often. */
const refreshMinutes = 60;

/** Same answer for a token that never existed, was revoked or belongs to a deactivated person. */
const noSuchFeed = () => notFound("No such calendar feed.");

type FeedBasics = {
  defaultTimeZone: string;
  today: string;
  plan: Awaited<ReturnType<typeof findActivePlanOfOwner>>;
  feedbackRequests: FeedSources["feedbackRequests"];
  conversations: (FeedConversation & { version: number; updatedAt: string })[];
  liveSessions: (FeedLiveSession & { version: number })[];
};

/** The small rows that say whether anything in the feed can have changed. */
async function feedBasics(
  ctx: AppContext,
  personId: string,
  personTimeZone: string | null,
): Promise<FeedBasics> {
  const defaultTimeZone = feedTimeZone(personTimeZone);
  const today = localDay(ctx.clock.now(), defaultTimeZone);
  const [plan, feedbackRequests, conversations, liveSessions] = await Promise.all([
    findActivePlanOfOwner(ctx.db, personId),
    listDueFeedbackRequestsOfRater(ctx.db, personId),
    listFeedConversationsOf(ctx.db, personId, conversationRange(today)),
    listGoingSessionRowsOfPerson(ctx.db, personId, {
      after: conversationRange(today).from,
      limit: feedLiveSessionLimit,
    }),
  ]);
  return {
    defaultTimeZone,
    today,
    plan,
    conversations: conversations
      // A former manager keeps only the conversations already held with them (the policy).
      .filter(
        (row) =>
          row.manager_id !== personId ||
          row.member_manager_id === personId ||
          row.status === "held",
      )
      .map((row) => ({
        id: row.id,
        scheduledAt: row.scheduled_at,
        durationMinutes: row.duration_minutes,
        otherPerson: row.member_id === personId ? row.manager_name : row.member_name,
        version: row.version,
        updatedAt: row.updated_at,
      })),
    liveSessions: liveSessions.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      version: row.version,
    })),
    feedbackRequests: feedbackRequests.map((request) => ({
      id: request.id,
      dueOn: request.due_on ?? "",
      askedBy: request.owner_preferred_name || request.owner_name,
    })),
  };
}

/**
 * Everything the feed is made from, by version: every write to a plan raises its version, and
 * every settings save the feed's, so an equal fingerprint means equal events.
 */
function fingerprintOf(basics: FeedBasics, feed: CalendarFeedRow | undefined): string {
  return feedDigest([
    calendarName,
    String(refreshMinutes),
    basics.defaultTimeZone,
    basics.today,
    `settings ${feed?.version ?? 0} ${feed?.updated_at ?? ""}`,
    basics.plan
      ? `plan ${basics.plan.id} ${basics.plan.version} ${basics.plan.updated_at}`
      : "no plan",
    ...basics.feedbackRequests.map(
      (request) => `${request.id} ${request.dueOn} ${request.askedBy}`,
    ),
    ...basics.conversations.map(
      (conversation) =>
        `conversation ${conversation.id} ${conversation.version} ${conversation.updatedAt} ${conversation.otherPerson}`,
    ),
    ...basics.liveSessions.map((session) => `live-session ${session.id} ${session.version}`),
  ]);
}

async function feedSources(
  ctx: AppContext,
  basics: FeedBasics,
  feed: CalendarFeedRow | undefined,
): Promise<FeedSources> {
  const { plan } = basics;
  const [tracking, goals] = plan
    ? await Promise.all([findSection(ctx.db, plan.id, "tracking"), listGoals(ctx.db, plan.id)])
    : [undefined, []];
  return {
    defaultTimeZone: basics.defaultTimeZone,
    today: basics.today,
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
    feedbackRequests: basics.feedbackRequests,
    conversations: basics.conversations.map(
      ({ version: _version, updatedAt: _updatedAt, ...conversation }) => conversation,
    ),
    liveSessions: basics.liveSessions.map(({ version: _version, ...session }) => session),
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
): Promise<IcsEvent[]> {
  const states = new Map<string, FeedEventStateRow>(
    (await listFeedEventStates(db, personId)).map((row) => [row.uid, row]),
  );
  const inserts: FeedEventStateRow[] = [];
  const changes: FeedEventStateRow[] = [];
  const events = drafts.map((draft): IcsEvent => {
    const hash = contentHash(draft);
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
    changes.push({
      ...state,
      content_hash: hash,
      sequence: state.sequence + 1,
      changed_at: at,
      removed_at: null,
    });
    return { ...draft, sequence: state.sequence + 1, stamp: at };
  });
  const produced = new Set(drafts.map((draft) => draft.uid));
  const removed = [...states.values()]
    .filter((row) => row.removed_at === null && !produced.has(row.uid))
    .map((row) => row.uid);
  if (inserts.length > 0 || changes.length > 0 || removed.length > 0) {
    await db.transaction().execute(async (trx) => {
      await insertFeedEventStates(trx, inserts);
      await replaceFeedEventStates(trx, personId, changes);
      await markFeedEventsRemoved(trx, personId, removed, at);
    });
  }
  return events;
}

/**
 * The feed's iCalendar bytes. An unchanged feed (same fingerprint) is answered from the last
 * rendering; otherwise its events are rebuilt, their sequences brought up to date and rendered.
 */
async function feedText(
  ctx: AppContext,
  personId: string,
  feed: CalendarFeedRow | undefined,
  personTimeZone: string | null,
): Promise<Buffer> {
  const basics = await feedBasics(ctx, personId, personTimeZone);
  const fingerprint = fingerprintOf(basics, feed);
  const cached = cachedFeed(personId, fingerprint);
  if (cached !== null) return cached;
  const drafts = feedEventDrafts(await feedSources(ctx, basics, feed));
  const events = await withSequences(ctx.db, personId, drafts, ctx.clock.now().toISOString());
  const text = Buffer.from(buildCalendar({ name: calendarName, events, refreshMinutes }));
  rememberFeed(personId, fingerprint, text);
  return text;
}

/** The feed a secret URL opens; anything else answers the same 404, with no hint why. */
export async function readFeedByToken(ctx: AppContext, token: string): Promise<Buffer> {
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
