import { DateTime } from "luxon";
import {
  adminOnly,
  type CaseContext,
  type Expected,
  matrixAdmin,
  matrixMeta,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { actorOf } from "./live-learning.testing.ts";
import { createLiveSeries } from "./live-series.service.ts";
import { rsvpToSession } from "./live-session-seats.ts";
import { cancelLiveSession, createLiveSession, presentForViewer } from "./live-sessions.service.ts";

/**
 * The authorization matrix rows of the live learning calendar. `mentor` hosts the sessions (the
 * host role); everyone signed in reads the calendar and RSVPs for themselves; administrators plan
 * sessions and series; only the host and administrators see the roster and record attendance.
 */

const local = (date: Date) =>
  DateTime.fromJSDate(date, { zone: "UTC" }).toFormat("yyyy-MM-dd'T'HH:mm");

/** A session of the matrix's own, hosted by `mentor`, that started an hour ago (so attendance can be recorded) and ends tomorrow. */
async function newSession(context: CaseContext) {
  const now = context.t.clock.now();
  return createLiveSession(
    context.t.ctx,
    matrixAdmin(context),
    {
      title: `Matrix session ${context.serial}`,
      hostId: context.fixture.mentor.id,
      startsAt: local(new Date(now.getTime() - 60 * 60_000)),
      endsAt: local(new Date(now.getTime() + 20 * 60 * 60_000)),
      timeZone: "UTC",
      capacity: 5,
    },
    matrixMeta,
  );
}

async function sessionWithSubject(context: CaseContext) {
  const session = await newSession(context);
  const subject = actorOf(context.subjectId);
  await rsvpToSession(context.t.ctx, subject, session.id, matrixMeta, (db, row) =>
    presentForViewer(db, subject, row),
  );
  return session;
}

const url = (session: { id: string }, suffix = "") => `/api/live-sessions/${session.id}${suffix}`;

const sessionBody = (context: CaseContext) => ({
  title: `Matrix session ${context.serial}`,
  hostId: context.fixture.mentor.id,
  startsAt: "2026-04-01T10:00",
  endsAt: "2026-04-01T11:00",
  timeZone: "Europe/Paris",
  capacity: 5,
});

/** The host (mentor) and administrators may; everyone else signed in gets 403. */
const hostOrAdmin = (status: number): Expected => ({
  ...signedIn(403),
  mentor: status,
  admin: status,
});

export const liveLearningScenarios: Scenario[] = [
  {
    route: "GET /api/live-sessions",
    description: "a month of the calendar",
    call: () => ({
      url: "/api/live-sessions?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z",
    }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/live-sessions",
    description: "a new session hosted by mentor",
    call: (context) => ({ url: "/api/live-sessions", body: sessionBody(context) }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/live-sessions/:id",
    description: "a scheduled session",
    call: async (context) => ({ url: url(await newSession(context)) }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/live-sessions/:id",
    description: "a session that does not exist",
    call: () => ({ url: url({ id: "019cadc6-9a80-7466-a859-97a0f202f766" }) }),
    expect: signedIn(404),
  },
  {
    route: "PUT /api/live-sessions/:id",
    description: "an edit at the current version",
    call: async (context) => ({
      url: url(await newSession(context)),
      body: { ...sessionBody(context), baseVersion: 1 },
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/live-sessions/:id/cancel",
    description: "a scheduled session",
    call: async (context) => ({
      url: url(await newSession(context), "/cancel"),
      body: { baseVersion: 1 },
    }),
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/live-sessions/:id/rsvp",
    description: "one's own seat",
    call: async (context) => ({ url: url(await newSession(context), "/rsvp"), body: {} }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/live-sessions/:id/rsvp",
    description: "a cancelled session",
    call: async (context) => {
      const session = await newSession(context);
      await cancelLiveSession(
        context.t.ctx,
        matrixAdmin(context),
        session.id,
        { baseVersion: 1 },
        matrixMeta,
      );
      return { url: url(session, "/rsvp"), body: {} };
    },
    expect: signedIn(400),
  },
  {
    route: "DELETE /api/live-sessions/:id/rsvp",
    description: "one's own RSVP (the subject's seat stays theirs)",
    call: async (context) => ({ url: url(await sessionWithSubject(context), "/rsvp"), body: {} }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/live-sessions/:id/invitation.ics",
    description: "the subject's seat: only they download it",
    call: async (context) => ({ url: url(await sessionWithSubject(context), "/invitation.ics") }),
    expect: { ...signedIn(404), self: 200 },
  },
  {
    route: "GET /api/live-sessions/:id/roster",
    description: "a session hosted by mentor",
    call: async (context) => ({ url: url(await sessionWithSubject(context), "/roster") }),
    expect: hostOrAdmin(200),
  },
  {
    route: "PUT /api/live-sessions/:id/attendance",
    description: "the subject attended a session hosted by mentor",
    call: async (context) => ({
      url: url(await sessionWithSubject(context), "/attendance"),
      body: { entries: [{ personId: context.subjectId, attended: true }] },
    }),
    expect: hostOrAdmin(200),
  },
  {
    route: "GET /api/live-series",
    description: "every series",
    call: () => ({ url: "/api/live-series" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/live-series",
    description: "a new series",
    call: ({ serial }) => ({ url: "/api/live-series", body: { title: `Series ${serial}` } }),
    expect: adminOnly(201),
  },
  {
    route: "PUT /api/live-series/:id",
    description: "an edit at the current version",
    call: async (context) => {
      const series = await createLiveSeries(
        context.t.ctx,
        matrixAdmin(context),
        { title: `Series ${context.serial}` },
        matrixMeta,
      );
      return {
        url: `/api/live-series/${series.id}`,
        body: { title: "Renamed", baseVersion: series.version },
      };
    },
    expect: adminOnly(200),
  },
];
