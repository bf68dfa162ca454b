import {
  type CalendarFeedBody,
  type CalendarFeedTokenCreated,
  type CalendarFeedView,
  noTitles,
} from "#core/calendar.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { hashSessionToken, newSessionToken } from "#server/modules/auth/session-tokens.ts";
import { hasTimeZoneDefinition } from "#server/shared/icalendar.ts";
import { CalendarFeedConflictError } from "./calendar.errors.ts";
import { assertOwnFeed } from "./calendar.policy.ts";
import { presentFeed } from "./calendar.presenters.ts";
import {
  type CalendarFeedRow,
  findFeedOfPerson,
  findPersonTimeZone,
  insertFeed,
  setFeedToken,
  updateFeedSettingsIfAt,
} from "./calendar.queries.ts";
import { localDay, type StoredLearningBlock } from "./calendar-feed-events.ts";

/** The zone blocks without their own use: the person's, when a VTIMEZONE can be written for it. */
export function feedTimeZone(personTimeZone: string | null | undefined): string {
  return personTimeZone && hasTimeZoneDefinition(personTimeZone) ? personTimeZone : "UTC";
}

async function currentView(db: Db, personId: string): Promise<CalendarFeedView> {
  const [row, person] = await Promise.all([
    findFeedOfPerson(db, personId),
    findPersonTimeZone(db, personId),
  ]);
  return presentFeed(row, feedTimeZone(person?.time_zone));
}

export async function getMyCalendarFeed(ctx: AppContext, actor: Actor): Promise<CalendarFeedView> {
  assertOwnFeed(actor, actor.personId);
  return currentView(ctx.db, actor.personId);
}

/**
 * A block keeps the day it repeats from while its days, times and zone stay the same; a changed
 * block starts again from today, so its SEQUENCE rises and calendars move it.
 */
function storedBlocks(
  input: CalendarFeedBody["learningBlocks"],
  previous: readonly StoredLearningBlock[],
  defaultTimeZone: string,
  now: Date,
): StoredLearningBlock[] {
  const before = new Map(previous.map((block) => [block.id, block]));
  return input.map((block) => {
    const old = before.get(block.id);
    const same =
      old &&
      old.start === block.start &&
      old.end === block.end &&
      old.timeZone === block.timeZone &&
      old.weekdays.join() === block.weekdays.join();
    return {
      ...block,
      startsOn: same ? old.startsOn : localDay(now, block.timeZone ?? defaultTimeZone),
    };
  });
}

function assertDescribableZones(input: CalendarFeedBody): void {
  const fields: Record<string, string> = {};
  input.learningBlocks.forEach((block, index) => {
    if (block.timeZone && !hasTimeZoneDefinition(block.timeZone)) {
      fields[`learningBlocks.${index}.timeZone`] =
        "This time zone cannot be written into calendars; choose the city it follows";
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", "Choose another time zone.", fields);
  }
}

export async function saveMyCalendarFeed(
  ctx: AppContext,
  actor: Actor,
  input: CalendarFeedBody,
): Promise<CalendarFeedView> {
  assertOwnFeed(actor, actor.personId);
  assertDescribableZones(input);
  const personId = actor.personId;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const [row, person] = await Promise.all([
    findFeedOfPerson(ctx.db, personId),
    findPersonTimeZone(ctx.db, personId),
  ]);
  const defaultTimeZone = feedTimeZone(person?.time_zone);
  const blocks = storedBlocks(
    input.learningBlocks,
    row?.learning_blocks ?? [],
    defaultTimeZone,
    now,
  );
  const values = {
    include_titles: JSON.stringify(input.includeTitles),
    learning_blocks: JSON.stringify(blocks),
    updated_at: at,
  };
  const saved = row
    ? await updateFeedSettingsIfAt(ctx.db, personId, input.baseVersion, values)
    : input.baseVersion === 0 &&
      (await insertFeed(ctx.db, {
        person_id: personId,
        token_hash: null,
        token_created_at: null,
        ...values,
        version: 1,
        created_at: at,
      }));
  if (!saved) throw new CalendarFeedConflictError(await currentView(ctx.db, personId));
  return currentView(ctx.db, personId);
}

async function ensureFeedRow(
  db: Db,
  personId: string,
  at: string,
): Promise<CalendarFeedRow | undefined> {
  await insertFeed(db, {
    person_id: personId,
    token_hash: null,
    token_created_at: null,
    include_titles: JSON.stringify(noTitles),
    learning_blocks: "[]",
    version: 0,
    created_at: at,
    updated_at: at,
  });
  return findFeedOfPerson(db, personId);
}

export function feedUrl(ctx: AppContext, token: string): string {
  return new URL(`/api/calendar/feed/${token}.ics`, ctx.config.publicUrl).toString();
}

/**
 * Makes the secret feed URL, or a new one in place of the old, which stops working at once. The
 * URL is answered only here: the database keeps the token's SHA-256.
 */
export async function createMyFeedToken(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
): Promise<CalendarFeedTokenCreated> {
  assertOwnFeed(actor, actor.personId);
  const token = newSessionToken();
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await ensureFeedRow(trx, actor.personId, at);
    await setFeedToken(trx, actor.personId, { hash: hashSessionToken(token), at });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "calendar_feed.url_created",
      actorId: actor.personId,
      target: { type: "person", id: actor.personId },
      details: { replacedEarlierUrl: before?.token_hash != null },
    });
  });
  return { url: feedUrl(ctx, token), feed: await currentView(ctx.db, actor.personId) };
}

/** Turns the feed off: its URL answers 404 from now on. Settings are kept for next time. */
export async function revokeMyFeedToken(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
): Promise<CalendarFeedView> {
  assertOwnFeed(actor, actor.personId);
  const row = await findFeedOfPerson(ctx.db, actor.personId);
  if (row?.token_hash) {
    await ctx.db.transaction().execute(async (trx) => {
      await setFeedToken(trx, actor.personId, null);
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "calendar_feed.url_revoked",
        actorId: actor.personId,
        target: { type: "person", id: actor.personId },
      });
    });
  }
  return currentView(ctx.db, actor.personId);
}
