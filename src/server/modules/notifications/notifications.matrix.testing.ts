import {
  type CaseContext,
  type Expected,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { notify } from "./notify.ts";

/**
 * The authorization matrix rows of the notification centre: everyone signed in has their own
 * list, count and preferences; one notification is its recipient's (the subject) alone; a nudge
 * goes from the subject's manager to the subject only.
 */

const subjectNotification = async ({ t, subjectId }: CaseContext) => {
  const id = await notify(
    t.ctx.db,
    {
      personId: subjectId,
      kind: "manager_nudge",
      actorId: null,
      subject: null,
      link: "/growth-plans",
      title: "For the subject only",
      dedupeKey: null,
    },
    t.ctx.clock.now(),
  );
  if (!id) throw new Error("The subject was not notified");
  return id;
};

const subjectOnly = (status: number): Expected => ({ ...signedIn(404), self: status });

const preferencesBody = {
  kinds: [{ kind: "plan_comment", channel: "in_app" }],
  digest: { frequency: "off", hour: 8, weekday: 1 },
  quietHours: null,
  weeklyEmailCap: 5,
};

export const notificationScenarios: Scenario[] = [
  {
    route: "GET /api/notifications",
    description: "own list",
    call: () => ({ url: "/api/notifications?unread=true" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/notifications/unread-count",
    description: "own count",
    call: () => ({ url: "/api/notifications/unread-count" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/notifications/read-all",
    description: "own notifications",
    call: () => ({ url: "/api/notifications/read-all", body: {} }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/notifications/:id/read",
    description: "the subject's notification",
    call: async (context) => ({
      url: `/api/notifications/${await subjectNotification(context)}/read`,
      body: {},
    }),
    expect: subjectOnly(200),
  },
  {
    route: "POST /api/notifications/:id/read",
    description: "a notification that does not exist",
    call: () => ({
      url: "/api/notifications/0190a000-0000-7000-8000-000000000000/read",
      body: {},
    }),
    expect: signedIn(404),
  },
  {
    route: "GET /api/account/notification-preferences",
    description: "own preferences",
    call: () => ({ url: "/api/account/notification-preferences" }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/account/notification-preferences",
    description: "the first save (each caller saves once in the matrix, from version 0)",
    call: () => ({
      url: "/api/account/notification-preferences",
      body: { ...preferencesBody, baseVersion: 0 },
    }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/account/notification-preferences",
    description: "from a version never stored",
    call: () => ({
      url: "/api/account/notification-preferences",
      body: { ...preferencesBody, baseVersion: 99_999 },
    }),
    expect: signedIn(409),
  },
  {
    route: "POST /api/people/:id/nudge",
    description: "the subject, a direct report of the manager",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/nudge`, body: { about: "plan" } }),
    expect: { ...signedIn(404), manager: 201 },
  },
];
