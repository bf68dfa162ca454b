import {
  adminOnly,
  type CaseContext,
  type Expected,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { changePerson } from "#server/testing/factories.ts";
import { effectiveSettings } from "./benefit-budget.ts";
import { decideAsManager } from "./benefit-decisions.service.ts";
import { actorOf, createTestBenefitRequest, testMeta } from "./benefits.testing.ts";

/**
 * The authorization matrix rows of the benefit routes. The subject (self) is the requester; their
 * manager is `manager`, who reports to `skipLevel`. A request is read by the requester, the
 * current manager and administrators (L&D); the former manager, the skip-level manager, peers
 * and colleagues (`member`, `mentor`) get 404.
 */

const readers = (status: number): Expected => ({
  ...signedIn(404),
  self: status,
  manager: status,
  admin: status,
});

const requestOf = (
  { t, fixture, subjectId }: CaseContext,
  stage: "submitted" | "manager_approved" | "approved" = "submitted",
) =>
  createTestBenefitRequest(t.ctx, {
    memberId: subjectId,
    managerId: fixture.manager.id,
    adminId: fixture.admin.id,
    stage,
  });

const url = (request: { id: string }, suffix = "") =>
  `/api/benefits/requests/${request.id}${suffix}`;

/** Decided by the subject's manager of then, who is the former manager now. */
async function decidedByFormerManager(context: CaseContext) {
  const { t, fixture, subjectId } = context;
  await changePerson(t.ctx, subjectId, { managerId: fixture.formerManager.id });
  const request = await createTestBenefitRequest(t.ctx, { memberId: subjectId });
  await decideAsManager(
    t.ctx,
    actorOf(fixture.formerManager.id),
    request.id,
    { decision: "approve" },
    testMeta,
  );
  await changePerson(t.ctx, subjectId, { managerId: fixture.manager.id });
  return request;
}

export const benefitScenarios: Scenario[] = [
  {
    route: "GET /api/benefits/settings",
    description: "the same for everyone",
    call: () => ({ url: "/api/benefits/settings" }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/benefits/settings",
    description: "L&D changes the amount",
    call: async ({ t }) => {
      const current = await effectiveSettings(t.ctx.db);
      return {
        url: "/api/benefits/settings",
        body: {
          baseVersion: current.version,
          amountMinor: 150_000,
          currency: current.currency,
          fiscalYearStartMonth: 1,
          fiscalYearStartDay: 1,
        },
      };
    },
    expect: adminOnly(200),
  },
  {
    route: "GET /api/benefits/overrides",
    description: "people with an amount of their own",
    call: () => ({ url: "/api/benefits/overrides" }),
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/benefits/overrides/:personId",
    description: "the subject's own amount",
    call: ({ subjectId }) => ({
      url: `/api/benefits/overrides/${subjectId}`,
      body: { baseVersion: 0, amountMinor: 200_000 },
    }),
    expect: adminOnly(200),
  },
  {
    route: "GET /api/benefits/budget",
    description: "one's own",
    call: () => ({ url: "/api/benefits/budget" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/benefits/budget",
    description: "the subject's",
    call: ({ subjectId }) => ({ url: `/api/benefits/budget?personId=${subjectId}&year=2026` }),
    expect: readers(200),
  },
  {
    route: "GET /api/benefits/goal-options",
    description: "one's own plan goals",
    call: () => ({ url: "/api/benefits/goal-options" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/benefits/requests",
    description: "one's own",
    prepare: async (context) => {
      await requestOf(context);
    },
    call: () => ({ url: "/api/benefits/requests" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/benefits/approvals",
    description: "requests of one's reports",
    prepare: async (context) => {
      await requestOf(context);
    },
    call: () => ({ url: "/api/benefits/approvals" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/benefits/queue",
    description: "the L&D queue",
    call: () => ({ url: "/api/benefits/queue?status=pending_ld" }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/benefits/requests",
    description: "for oneself",
    call: async ({ t }) => ({
      url: "/api/benefits/requests",
      body: {
        title: "Conference ticket",
        provider: "A conference",
        costMinor: 10_000,
        currency: (await effectiveSettings(t.ctx.db)).currency,
        startsOn: "2026-05-01",
      },
    }),
    expect: signedIn(201),
  },
  {
    route: "GET /api/benefits/requests/:id",
    description: "waiting for the manager",
    call: async (context) => ({ url: url(await requestOf(context)) }),
    expect: readers(200),
  },
  {
    route: "GET /api/benefits/requests/:id",
    description: "decided by the manager of then, the former manager now",
    call: async (context) => ({ url: url(await decidedByFormerManager(context)) }),
    expect: readers(200),
  },
  {
    route: "POST /api/benefits/requests/:id/manager-decision",
    description: "approve",
    call: async (context) => ({
      url: url(await requestOf(context), "/manager-decision"),
      body: { decision: "approve", note: "Go for it" },
    }),
    expect: { ...readers(403), manager: 200 },
  },
  {
    route: "POST /api/benefits/requests/:id/ld-decision",
    description: "decline after the manager approved",
    call: async (context) => ({
      url: url(await requestOf(context, "manager_approved"), "/ld-decision"),
      body: { decision: "decline", note: "Out of scope" },
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/benefits/requests/:id/paid",
    description: "approved by L&D",
    call: async (context) => ({ url: url(await requestOf(context, "approved"), "/paid") }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/benefits/requests/:id/withdraw",
    description: "while pending",
    call: async (context) => ({ url: url(await requestOf(context), "/withdraw") }),
    expect: { ...readers(403), self: 200 },
  },
  {
    route: "POST /api/benefits/requests/:id/receipts",
    description: "after the approval",
    call: async (context) => ({
      url: url(await requestOf(context, "approved"), "/receipts"),
      body: { url: "https://example.com/receipt.pdf" },
    }),
    expect: { ...readers(403), self: 201, admin: 201 },
  },
];
