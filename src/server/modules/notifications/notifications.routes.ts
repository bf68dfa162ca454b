import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  NotificationIdParams,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  NotificationPreferencesConflict,
  NotificationView,
  SaveNotificationPreferencesBody,
  UnreadCount,
} from "#core/notifications/notifications.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { notificationNudgeRoutes } from "./notification-nudges.routes.ts";
import { notificationPolicies } from "./notifications.policy.ts";
import {
  getMyNotificationPreferences,
  getMyUnreadCount,
  listMyNotifications,
  readAllNotifications,
  readNotification,
  saveMyNotificationPreferences,
} from "./notifications.service.ts";

const tags = ["notifications"];

const NotModified = z.null().describe("Unchanged since the ETag sent in If-None-Match; no body");

/** A weak validator of what the badge shows: the count and the newest notification. */
export function unreadEtag(count: UnreadCount): string {
  return `W/"${count.unreadCount}-${count.latestId ?? "none"}"`;
}

function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  const values = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((value) => value.trim());
  return values.includes(etag) || values.includes("*");
}

/** The notification centre (docs/api/notifications.md): one's own notifications only. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/notifications",
    {
      config: { access: "signed-in", policy: notificationPolicies.listOwn },
      schema: {
        tags,
        summary: "My notifications, newest first, with the unread count",
        querystring: NotificationListQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) => listMyNotifications(ctx, actorOf(request), request.query),
  );

  app.get(
    "/api/notifications/unread-count",
    {
      config: { access: "signed-in", policy: notificationPolicies.listOwn },
      schema: {
        tags,
        summary:
          "How many of my notifications are unread; polled with If-None-Match, 304 when unchanged",
        response: { 200: UnreadCount, 304: NotModified },
      },
    },
    async (request, reply) => {
      const count = await getMyUnreadCount(ctx, actorOf(request));
      const etag = unreadEtag(count);
      reply.header("etag", etag);
      if (matchesEtag(request.headers["if-none-match"], etag)) {
        return reply.status(304).send(null);
      }
      return count;
    },
  );

  app.post(
    "/api/notifications/read-all",
    {
      config: { access: "signed-in", policy: notificationPolicies.listOwn },
      schema: {
        tags,
        summary: "Mark all my notifications read",
        body: EmptyBody,
        response: { 200: UnreadCount },
      },
    },
    async (request) => readAllNotifications(ctx, actorOf(request)),
  );

  app.post(
    "/api/notifications/:id/read",
    {
      config: { access: "signed-in", policy: notificationPolicies.readOne },
      schema: {
        tags,
        summary: "Mark one of my notifications read (404 for anyone else's)",
        params: NotificationIdParams,
        body: EmptyBody,
        response: { 200: NotificationView },
      },
    },
    async (request) => readNotification(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/account/notification-preferences",
    {
      config: { access: "signed-in", policy: notificationPolicies.ownPreferences },
      schema: {
        tags,
        summary: "How each kind of notification reaches me, digest, quiet hours and weekly cap",
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => getMyNotificationPreferences(ctx, actorOf(request)),
  );

  app.put(
    "/api/account/notification-preferences",
    {
      config: { access: "signed-in", policy: notificationPolicies.ownPreferences },
      schema: {
        tags,
        summary: "Save my notification preferences (409 when saved since baseVersion)",
        body: SaveNotificationPreferencesBody,
        response: { 200: NotificationPreferences, 409: NotificationPreferencesConflict },
      },
    },
    async (request) => saveMyNotificationPreferences(ctx, actorOf(request), request.body),
  );

  await app.register(notificationNudgeRoutes, { ctx });
};
