import rateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CalendarFeedBody,
  CalendarFeedTokenCreated,
  CalendarFeedTokenParams,
  CalendarFeedView,
} from "#core/calendar.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { icsContentType } from "#server/shared/icalendar.ts";
import { calendarPolicies } from "./calendar.policy.ts";
import {
  createMyFeedToken,
  getMyCalendarFeed,
  revokeMyFeedToken,
  saveMyCalendarFeed,
} from "./calendar.service.ts";
import { downloadMyFeed, readFeedByToken } from "./calendar-feed.service.ts";

const tags = ["calendar"];

export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Per-address limit (per instance) on the public feed URL, as on sign-in.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        "rate_limited",
        `Too many calendar requests from this address. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      ),
  });

  app.get(
    "/api/calendar/feed/:token.ics",
    {
      config: {
        access: "public",
        policy: calendarPolicies.readByToken,
        rateLimit: { max: ctx.config.calendarFeed.maxRequestsPerAddress, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: "A person's calendar feed (iCalendar), opened by its secret URL",
        params: CalendarFeedTokenParams,
      },
    },
    async (request, reply) =>
      reply
        .header("content-type", icsContentType)
        .header("x-content-type-options", "nosniff")
        .header("referrer-policy", "no-referrer")
        .send(await readFeedByToken(ctx, request.params.token)),
  );

  app.get(
    "/api/account/calendar-feed",
    {
      config: { access: "signed-in", policy: calendarPolicies.ownFeed },
      schema: {
        tags,
        summary: "My calendar feed settings",
        response: { 200: CalendarFeedView },
      },
    },
    async (request) => getMyCalendarFeed(ctx, actorOf(request)),
  );

  app.put(
    "/api/account/calendar-feed",
    {
      config: { access: "signed-in", policy: calendarPolicies.ownFeed },
      schema: {
        tags,
        summary: "Save my calendar feed settings (409 with the current ones when outdated)",
        body: CalendarFeedBody,
        response: { 200: CalendarFeedView },
      },
    },
    async (request) => saveMyCalendarFeed(ctx, actorOf(request), request.body),
  );

  app.post(
    "/api/account/calendar-feed/token",
    {
      config: { access: "signed-in", policy: calendarPolicies.ownFeed },
      schema: {
        tags,
        summary:
          "Turn my feed on, or replace its URL (the old one stops at once); answers the URL once",
        body: EmptyBody,
        response: { 201: CalendarFeedTokenCreated },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMyFeedToken(ctx, actorOf(request), requestMeta(request))),
  );

  app.delete(
    "/api/account/calendar-feed/token",
    {
      config: { access: "signed-in", policy: calendarPolicies.ownFeed },
      schema: {
        tags,
        summary: "Turn my feed off: its URL answers 404 from now on",
        body: EmptyBody,
        response: { 200: CalendarFeedView },
      },
    },
    async (request) => revokeMyFeedToken(ctx, actorOf(request), requestMeta(request)),
  );

  app.get(
    "/api/account/calendar-feed/download.ics",
    {
      config: { access: "signed-in", policy: calendarPolicies.ownFeed },
      schema: { tags, summary: "Download my calendar (the feed's events) as an .ics file" },
    },
    async (request, reply) => sendDownload(reply, await downloadMyFeed(ctx, actorOf(request))),
  );
};
