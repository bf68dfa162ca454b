import {
  anyone,
  matrixMeta,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { changePerson } from "#server/testing/factories.ts";
import { createMyFeedToken } from "./calendar.service.ts";
import { fridayBlock, memberActor, turnOnFeed } from "./calendar.testing.ts";

/**
 * The authorization matrix rows of the calendar feed. Settings routes act on the caller's own
 * feed only (there is no way to name another person's); the feed URL is public and answers for
 * whoever holds a live token, and the same 404 for a replaced one or a deactivated person's.
 */
export const calendarScenarios: Scenario[] = [
  {
    route: "GET /api/calendar/feed/:token.ics",
    description: "the subject's live URL",
    call: async ({ t, subjectId }) => ({ url: (await turnOnFeed(t.ctx, subjectId)).path }),
    expect: anyone(200),
  },
  {
    route: "GET /api/calendar/feed/:token.ics",
    description: "a URL the subject replaced",
    call: async ({ t, subjectId }) => {
      const { path } = await turnOnFeed(t.ctx, subjectId);
      await createMyFeedToken(t.ctx, memberActor(subjectId), matrixMeta);
      return { url: path };
    },
    expect: anyone(404),
  },
  {
    route: "GET /api/calendar/feed/:token.ics",
    description: "a deactivated subject's URL",
    call: async ({ t, subjectId }) => {
      const { path } = await turnOnFeed(t.ctx, subjectId);
      await changePerson(t.ctx, subjectId, { status: "deactivated" });
      return { url: path };
    },
    expect: anyone(404),
  },
  {
    route: "GET /api/account/calendar-feed",
    description: "own settings",
    call: () => ({ url: "/api/account/calendar-feed" }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/account/calendar-feed",
    description: "a stale save reaches the version check",
    call: () => ({
      url: "/api/account/calendar-feed",
      body: {
        baseVersion: 999,
        includeTitles: {
          checkIns: true,
          goals: false,
          actionSteps: false,
          feedbackRequests: false,
        },
        learningBlocks: [fridayBlock()],
      },
    }),
    expect: signedIn(409),
  },
  {
    route: "POST /api/account/calendar-feed/token",
    description: "own feed URL",
    call: () => ({ url: "/api/account/calendar-feed/token", body: {} }),
    expect: signedIn(201),
  },
  {
    route: "DELETE /api/account/calendar-feed/token",
    description: "own feed URL",
    call: () => ({ url: "/api/account/calendar-feed/token", body: {} }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/account/calendar-feed/download.ics",
    description: "own calendar",
    call: () => ({ url: "/api/account/calendar-feed/download.ics" }),
    expect: signedIn(200),
  },
];
