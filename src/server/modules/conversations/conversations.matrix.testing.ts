import type { ConversationStatus } from "#core/conversations/conversations.schemas.ts";
import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import {
  type CaseContext,
  type Expected,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { actorOf, createTestActionItem, createTestConversation } from "./conversations.testing.ts";

/**
 * The authorization matrix rows of the career conversation routes. The subject (self) is the
 * member; the conversation's manager participant is `manager` (their manager now) or, to model
 * "the manager changed", `formerManager`; `mentor` is invited as a guest. Everyone else, the
 * skip-level manager, peers and administrators included, gets 404.
 */

/** Member and manager participant may; the guest reads but may not (403); others 404. */
const participants = (status: number, guest = 403): Expected => ({
  ...signedIn(404),
  self: status,
  manager: status,
  mentor: guest,
});

/** A conversation held with the former manager: they and the member read it; nobody else. */
const heldWithFormer = (self: number, formerManager: number): Expected => ({
  ...signedIn(404),
  self,
  formerManager,
});

const withManager = (
  { t, fixture, subjectId }: CaseContext,
  status: ConversationStatus = "scheduled",
) =>
  createTestConversation(t.ctx, {
    memberId: subjectId,
    managerId: fixture.manager.id,
    status,
    guests: [fixture.mentor.id],
  });

const withFormerManager = ({ t, fixture, subjectId }: CaseContext, status: ConversationStatus) =>
  createTestConversation(t.ctx, {
    memberId: subjectId,
    managerId: fixture.formerManager.id,
    status,
    guests: [fixture.mentor.id],
  });

const url = (conversation: { id: string }, suffix = "") =>
  `/api/conversations/${conversation.id}${suffix}`;

async function itemUrl(context: CaseContext, status: ConversationStatus, suffix = "") {
  const conversation = await withManager(context, status);
  const item = await createTestActionItem(context.t.ctx, {
    id: conversation.id,
    memberId: context.subjectId,
  });
  return url(conversation, `/action-items/${item.id}${suffix}`);
}

export const conversationScenarios: Scenario[] = [
  {
    route: "GET /api/conversations",
    description: "own conversations",
    call: () => ({ url: "/api/conversations" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/conversations",
    description: "the subject's history, filtered one by one",
    prepare: async (context) => {
      await withManager(context);
    },
    call: ({ subjectId }) => ({ url: `/api/conversations?memberId=${subjectId}` }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/conversations",
    description: "with the subject as member",
    call: ({ subjectId }) => ({
      url: "/api/conversations",
      body: { memberId: subjectId, scheduledAt: "2026-03-10T10:00:00Z" },
    }),
    expect: { ...signedIn(403), self: 201, manager: 201 },
  },
  {
    route: "GET /api/conversations/:id",
    description: "scheduled with the manager, mentor invited",
    call: async (context) => ({ url: url(await withManager(context)) }),
    expect: participants(200, 200),
  },
  {
    route: "GET /api/conversations/:id",
    description: "held with the former manager",
    call: async (context) => ({ url: url(await withFormerManager(context, "held")) }),
    expect: { ...heldWithFormer(200, 200), mentor: 200 },
  },
  {
    route: "GET /api/conversations/:id",
    description: "scheduled with the former manager",
    call: async (context) => ({ url: url(await withFormerManager(context, "scheduled")) }),
    expect: { ...heldWithFormer(200, 404), mentor: 200 },
  },
  {
    route: "PATCH /api/conversations/:id",
    description: "reschedule",
    call: async (context) => ({
      url: url(await withManager(context)),
      body: { baseVersion: 1, durationMinutes: 30 },
    }),
    expect: participants(200),
  },
  {
    route: "PATCH /api/conversations/:id",
    description: "held with the former manager",
    call: async (context) => ({
      url: url(await withFormerManager(context, "held")),
      body: { baseVersion: 1, durationMinutes: 30 },
    }),
    expect: { ...heldWithFormer(403, 403), mentor: 403 },
  },
  {
    route: "PUT /api/conversations/:id/topics/:topicKey/notes",
    description: "first save of a topic",
    call: async (context) => ({
      url: url(await withManager(context), "/topics/aspirations/notes"),
      body: { baseVersion: 0, body: "Wants to lead a team" },
    }),
    expect: participants(200),
  },
  {
    route: "PUT /api/conversations/:id/private-note",
    description: "first save",
    call: async (context) => ({
      url: url(await withManager(context), "/private-note"),
      body: { baseVersion: 0, body: "My own thoughts" },
    }),
    expect: participants(200),
  },
  {
    route: "PUT /api/conversations/:id/private-note",
    description: "held with the former manager",
    call: async (context) => ({
      url: url(await withFormerManager(context, "held"), "/private-note"),
      body: { baseVersion: 0, body: "My own thoughts" },
    }),
    expect: { ...heldWithFormer(200, 200), mentor: 403 },
  },
  {
    route: "POST /api/conversations/:id/action-items",
    description: "while scheduled",
    call: async (context) => ({
      url: url(await withManager(context), "/action-items"),
      body: { owner: "member", title: "Shadow a staff engineer", dueOn: "2026-05-01" },
    }),
    expect: participants(201),
  },
  {
    route: "PATCH /api/conversations/:id/action-items/:itemId",
    description: "rename while scheduled",
    call: async (context) => ({
      url: await itemUrl(context, "scheduled"),
      body: { baseVersion: 1, title: "Shadow two staff engineers" },
    }),
    expect: participants(200),
  },
  {
    route: "PATCH /api/conversations/:id/action-items/:itemId",
    description: "tick off after it was held",
    call: async (context) => ({
      url: await itemUrl(context, "held"),
      body: { baseVersion: 1, done: true },
    }),
    expect: participants(200),
  },
  {
    route: "DELETE /api/conversations/:id/action-items/:itemId",
    description: "while scheduled",
    call: async (context) => ({
      url: await itemUrl(context, "scheduled"),
      body: { baseVersion: 1 },
    }),
    expect: participants(204),
  },
  {
    route: "POST /api/conversations/:id/action-items/:itemId/to-plan",
    description: "a member-owned item into the subject's active plan",
    prepare: async (context) => {
      await createPlan(context.t.ctx, actorOf(context.subjectId), {
        title: `Plan ${context.serial}`,
        templateId: null,
        activate: true,
      });
    },
    call: async (context) => ({
      url: await itemUrl(context, "scheduled", "/to-plan"),
      body: { as: "goal" },
    }),
    expect: { ...participants(403), self: 200 },
  },
  {
    route: "POST /api/conversations/:id/finish",
    description: "with the next date",
    call: async (context) => ({
      url: url(await withManager(context), "/finish"),
      body: { baseVersion: 1, nextDate: "2026-09-01" },
    }),
    expect: participants(200),
  },
  {
    route: "POST /api/conversations/:id/acknowledge",
    description: "awaiting the member's confirmation",
    call: async (context) => ({
      url: url(await withManager(context, "awaiting_acknowledgement"), "/acknowledge"),
      body: { baseVersion: 1 },
    }),
    expect: { ...participants(403), self: 200 },
  },
  {
    route: "POST /api/conversations/:id/cancel",
    description: "while scheduled",
    call: async (context) => ({
      url: url(await withManager(context), "/cancel"),
      body: { baseVersion: 1, reason: "Travelling" },
    }),
    expect: participants(200),
  },
  {
    route: "POST /api/conversations/:id/guests",
    description: "invite a colleague",
    call: async (context) => ({
      url: url(await withManager(context), "/guests"),
      body: { personId: context.fixture.member.id },
    }),
    expect: participants(201),
  },
  {
    route: "DELETE /api/conversations/:id/guests/:personId",
    description: "remove the mentor",
    call: async (context) => ({
      url: url(await withManager(context), `/guests/${context.fixture.mentor.id}`),
      body: {},
    }),
    expect: participants(200),
  },
];
