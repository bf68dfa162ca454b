import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  CancelLiveSessionBody,
  CreateLiveSeriesBody,
  CreateLiveSessionBody,
  LiveSeriesConflict,
  LiveSeriesIdParams,
  LiveSeriesList,
  LiveSeriesView,
  LiveSessionConflict,
  LiveSessionIdParams,
  LiveSessionList,
  LiveSessionListQuery,
  LiveSessionRoster,
  LiveSessionView,
  RecordAttendanceBody,
  UpdateLiveSeriesBody,
  UpdateLiveSessionBody,
} from "#core/live-learning.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { icsContentType } from "#server/shared/icalendar.ts";
import { liveSeriesPolicies, liveSessionPolicies } from "./live-learning.policy.ts";
import { createLiveSeries, listLiveSeries, updateLiveSeries } from "./live-series.service.ts";
import { getRoster, recordAttendance } from "./live-session-attendance.ts";
import { cancelRsvp, downloadOwnInvitation, rsvpToSession } from "./live-session-seats.ts";
import {
  cancelLiveSession,
  createLiveSession,
  getLiveSession,
  listLiveSessions,
  presentForViewer,
  updateLiveSession,
} from "./live-sessions.service.ts";

const tags = ["live learning"];

/** The live learning calendar (docs/api/live-learning.md). */
export const liveLearningRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/live-sessions",
    {
      config: { access: "signed-in", policy: liveSessionPolicies.read },
      schema: {
        tags,
        summary: "Sessions starting in [from, to), with the viewer's own RSVP and time zone",
        querystring: LiveSessionListQuery,
        response: { 200: LiveSessionList },
      },
    },
    async (request) => listLiveSessions(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/live-sessions",
    {
      config: { access: "admin", policy: liveSessionPolicies.manage },
      schema: {
        tags,
        summary: "Plan a session and name its host",
        body: CreateLiveSessionBody,
        response: { 201: LiveSessionView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createLiveSession(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    "/api/live-sessions/:id",
    {
      config: { access: "signed-in", policy: liveSessionPolicies.read },
      schema: {
        tags,
        summary: "One session",
        params: LiveSessionIdParams,
        response: { 200: LiveSessionView },
      },
    },
    async (request) => getLiveSession(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/live-sessions/:id",
    {
      config: { access: "admin", policy: liveSessionPolicies.manage },
      schema: {
        tags,
        summary: "Edit a session; 409 when saved since baseVersion",
        params: LiveSessionIdParams,
        body: UpdateLiveSessionBody,
        response: { 200: LiveSessionView, 409: LiveSessionConflict },
      },
    },
    async (request) =>
      updateLiveSession(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    "/api/live-sessions/:id/cancel",
    {
      config: { access: "admin", policy: liveSessionPolicies.manage },
      schema: {
        tags,
        summary: "Cancel a session: CANCEL invitations to everyone going",
        params: LiveSessionIdParams,
        body: CancelLiveSessionBody,
        response: { 200: LiveSessionView, 409: LiveSessionConflict },
      },
    },
    async (request) =>
      cancelLiveSession(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  app.put(
    "/api/live-sessions/:id/rsvp",
    {
      config: { access: "signed-in", policy: liveSessionPolicies.rsvp },
      schema: {
        tags,
        summary: "RSVP: going while seats are free, else on the waitlist",
        params: LiveSessionIdParams,
        body: EmptyBody,
        response: { 200: LiveSessionView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return rsvpToSession(ctx, actor, request.params.id, requestMeta(request), (db, row) =>
        presentForViewer(db, actor, row),
      );
    },
  );

  app.delete(
    "/api/live-sessions/:id/rsvp",
    {
      config: { access: "signed-in", policy: liveSessionPolicies.cancelRsvp },
      schema: {
        tags,
        summary: "Cancel my RSVP; the first on the waitlist takes the seat",
        params: LiveSessionIdParams,
        body: EmptyBody.optional(),
        response: { 200: LiveSessionView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return cancelRsvp(ctx, actor, request.params.id, requestMeta(request), (db, row) =>
        presentForViewer(db, actor, row),
      );
    },
  );

  app.get(
    "/api/live-sessions/:id/invitation.ics",
    {
      config: { access: "signed-in", policy: liveSessionPolicies.downloadInvitation },
      schema: {
        tags,
        summary: "Download the calendar invitation of my seat (METHOD:REQUEST)",
        params: LiveSessionIdParams,
      },
    },
    async (request, reply) => {
      const { ics, fileName } = await downloadOwnInvitation(
        ctx,
        actorOf(request),
        request.params.id,
      );
      return sendDownload(reply, {
        body: ics,
        contentType: `${icsContentType}; method=REQUEST`,
        fileName,
      });
    },
  );

  app.get(
    "/api/live-sessions/:id/roster",
    {
      config: { access: "signed-in", policy: liveSessionPolicies.readRoster },
      schema: {
        tags,
        summary: "Who is going and waiting, with attendance (host and admins)",
        params: LiveSessionIdParams,
        response: { 200: LiveSessionRoster },
      },
    },
    async (request) => getRoster(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/live-sessions/:id/attendance",
    {
      config: { access: "signed-in", policy: liveSessionPolicies.recordAttendance },
      schema: {
        tags,
        summary: "Record who attended (host and admins); completes their pathway items",
        params: LiveSessionIdParams,
        body: RecordAttendanceBody,
        response: { 200: LiveSessionRoster },
      },
    },
    async (request) =>
      recordAttendance(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  app.get(
    "/api/live-series",
    {
      config: { access: "signed-in", policy: liveSeriesPolicies.read },
      schema: { tags, summary: "Every series", response: { 200: LiveSeriesList } },
    },
    async (request) => listLiveSeries(ctx, actorOf(request)),
  );

  app.post(
    "/api/live-series",
    {
      config: { access: "admin", policy: liveSeriesPolicies.manage },
      schema: {
        tags,
        summary: "Add a series",
        body: CreateLiveSeriesBody,
        response: { 201: LiveSeriesView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createLiveSeries(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.put(
    "/api/live-series/:id",
    {
      config: { access: "admin", policy: liveSeriesPolicies.manage },
      schema: {
        tags,
        summary: "Edit a series; 409 when saved since baseVersion",
        params: LiveSeriesIdParams,
        body: UpdateLiveSeriesBody,
        response: { 200: LiveSeriesView, 409: LiveSeriesConflict },
      },
    },
    async (request) =>
      updateLiveSeries(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );
};
