import type { z } from "zod";
import type {
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  NotificationView,
  SaveNotificationPreferencesBody,
  UnreadCount,
} from "#core/notifications/notifications.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { NotificationPreferencesConflictError, stalePreferences } from "./notifications.errors.ts";
import {
  assertCanReadNotification,
  noSuchNotification,
  notificationPolicies,
} from "./notifications.policy.ts";
import { presentNotification, presentPreferences } from "./notifications.presenters.ts";
import {
  countUnreadNotifications,
  findLatestNotificationId,
  findNotification,
  findNotificationSettings,
  insertNotificationSettings,
  listNotificationPreferences,
  listNotificationsOfPerson,
  markAllNotificationsRead,
  markNotificationRead,
  replaceNotificationPreferences,
  updateNotificationSettingsIf,
} from "./notifications.queries.ts";

const defaultPageSize = 30;

/** My notifications, newest first, a page at a time. */
export async function listMyNotifications(
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof NotificationListQuery>,
): Promise<NotificationList> {
  if (!notificationPolicies.listOwn(actor)) return { items: [], unreadCount: 0, nextBefore: null };
  const limit = query.limit ?? defaultPageSize;
  const rows = await listNotificationsOfPerson(ctx.db, actor.personId, {
    before: query.before,
    unreadOnly: query.unread === "true",
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map(presentNotification),
    unreadCount: await countUnreadNotifications(ctx.db, actor.personId),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** What the navigation badge shows; the route turns it into an ETag. */
export async function getMyUnreadCount(ctx: AppContext, actor: Actor): Promise<UnreadCount> {
  if (!notificationPolicies.listOwn(actor)) return { unreadCount: 0, latestId: null };
  return {
    unreadCount: await countUnreadNotifications(ctx.db, actor.personId),
    latestId: await findLatestNotificationId(ctx.db, actor.personId),
  };
}

export async function readNotification(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<NotificationView> {
  const found = await findNotification(ctx.db, id);
  if (!found) throw new AppError("not_found", noSuchNotification);
  assertCanReadNotification(actor, { id, personId: found.person_id });
  await markNotificationRead(ctx.db, id, ctx.clock.now().toISOString());
  const updated = await findNotification(ctx.db, id);
  if (!updated) throw new AppError("not_found", noSuchNotification);
  return presentNotification(updated);
}

export async function readAllNotifications(ctx: AppContext, actor: Actor): Promise<UnreadCount> {
  if (notificationPolicies.listOwn(actor)) {
    await markAllNotificationsRead(ctx.db, actor.personId, ctx.clock.now().toISOString());
  }
  return getMyUnreadCount(ctx, actor);
}

async function preferencesOf(db: Db, personId: string): Promise<NotificationPreferences> {
  const person = await findPersonById(db, personId);
  return presentPreferences(
    await findNotificationSettings(db, personId),
    await listNotificationPreferences(db, personId),
    person?.time_zone ?? null,
  );
}

export async function getMyNotificationPreferences(
  ctx: AppContext,
  actor: Actor,
): Promise<NotificationPreferences> {
  if (!notificationPolicies.ownPreferences(actor)) {
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
  return preferencesOf(ctx.db, actor.personId);
}

function checkPreferences(input: SaveNotificationPreferencesBody): void {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.kinds.forEach((entry, index) => {
    if (seen.has(entry.kind)) fields[`kinds.${index}.kind`] = "Listed twice";
    seen.add(entry.kind);
  });
  if (input.quietHours && input.quietHours.start === input.quietHours.end) {
    fields["quietHours.end"] = "Must differ from the start";
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", "Some preferences cannot be saved.", fields);
  }
}

/** Saves every preference at once; a save from an outdated version changes nothing (409). */
export async function saveMyNotificationPreferences(
  ctx: AppContext,
  actor: Actor,
  input: SaveNotificationPreferencesBody,
): Promise<NotificationPreferences> {
  if (!notificationPolicies.ownPreferences(actor)) {
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
  checkPreferences(input);
  const values = {
    digest: input.digest.frequency,
    digest_hour: input.digest.hour,
    digest_weekday: input.digest.weekday,
    quiet_start: input.quietHours?.start ?? null,
    quiet_end: input.quietHours?.end ?? null,
    weekly_email_cap: input.weeklyEmailCap,
    updated_at: ctx.clock.now().toISOString(),
  };
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const written =
      input.baseVersion === 0
        ? await insertNotificationSettings(trx, actor.personId, values)
        : await updateNotificationSettingsIf(trx, actor.personId, input.baseVersion, values);
    if (!written) return false;
    await replaceNotificationPreferences(trx, actor.personId, input.kinds);
    return true;
  });
  const current = await preferencesOf(ctx.db, actor.personId);
  if (!saved) throw new NotificationPreferencesConflictError(stalePreferences, current);
  return current;
}
