import type { LightMyRequestResponse } from "fastify";
import type {
  ConversationStatus,
  ConversationTopic,
  ConversationView,
} from "#core/conversations/conversations.schemas.ts";
import { defaultTemplate } from "#core/conversations/default-template.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import type { TestApp } from "#server/testing/test-app.ts";
import { insertActionItem } from "./conversation-action-items.queries.ts";
import { insertConversation, insertGuest } from "./conversations.queries.ts";

/** Helpers only tests import. */

export type TestConversation = {
  id: string;
  memberId: string;
  managerId: string;
  /** Send back as `baseVersion`. */
  version: number;
  topics: ConversationTopic[];
  scheduledAt: string;
};

export const actorOf = (personId: string, role: Actor["role"] = "member"): Actor => ({
  personId,
  role,
  sessionId: "test",
});

/**
 * A conversation as the service would have left it in `status` (default "scheduled"), with the
 * shipped default agenda, one day after the test clock's now. `managerId` need not be the
 * member's current manager: a conversation with a former manager is made the same way.
 */
export async function createTestConversation(
  ctx: AppContext,
  setup: {
    memberId: string;
    managerId: string;
    status?: ConversationStatus;
    guests?: readonly string[];
    scheduledAt?: string;
    durationMinutes?: number;
    nextDate?: string | null;
    acknowledgementComment?: string | null;
  },
): Promise<TestConversation> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const status = setup.status ?? "scheduled";
  const scheduledAt = setup.scheduledAt ?? new Date(now.getTime() + 86_400_000).toISOString();
  const finished = status === "awaiting_acknowledgement" || status === "held";
  const id = newId();
  const topics = defaultTemplate.topics.map((topic) => ({ ...topic }));
  await insertConversation(ctx.db, {
    id,
    member_id: setup.memberId,
    manager_id: setup.managerId,
    started_by: setup.managerId,
    status,
    scheduled_at: scheduledAt,
    duration_minutes: setup.durationMinutes ?? 45,
    template_id: null,
    topics,
    next_date: setup.nextDate !== undefined ? setup.nextDate : finished ? "2026-12-01" : null,
    finished_at: finished ? at : null,
    acknowledged_at: status === "held" ? at : null,
    acknowledgement_comment: setup.acknowledgementComment ?? null,
    cancelled_at: status === "cancelled" ? at : null,
    cancel_reason: status === "cancelled" ? "Test" : null,
    version: 1,
    created_at: at,
    updated_at: at,
  });
  for (const personId of setup.guests ?? []) {
    await insertGuest(ctx.db, {
      conversation_id: id,
      person_id: personId,
      invited_by: setup.managerId,
      created_at: at,
    });
  }
  return {
    id,
    version: 1,
    topics,
    scheduledAt,
    memberId: setup.memberId,
    managerId: setup.managerId,
  };
}

/** An open action item (version 1) on a conversation of `memberId`. */
export async function createTestActionItem(
  ctx: AppContext,
  conversation: { id: string; memberId: string },
  item: {
    owner?: "member" | "manager";
    title?: string;
    dueOn?: string | null;
    doneOn?: string | null;
    position?: number;
    planLink?: { planId: string; goalId: string; actionStepId?: string | null };
  } = {},
): Promise<{ id: string; version: number }> {
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await insertActionItem(ctx.db, {
    id,
    conversation_id: conversation.id,
    member_id: conversation.memberId,
    owner: item.owner ?? "member",
    title: item.title ?? "Read the staff engineer book",
    due_on: item.dueOn ?? null,
    done_on: item.doneOn ?? null,
    position: item.position ?? 1,
    plan_id: item.planLink?.planId ?? null,
    goal_id: item.planLink?.goalId ?? null,
    action_step_id: item.planLink?.actionStepId ?? null,
    version: 1,
    created_by: conversation.memberId,
    created_at: at,
    updated_at: at,
  });
  return { id, version: 1 };
}

export type CircleRole = "member" | "manager" | "mentor" | "skip" | "peer" | "admin" | "newManager";

/**
 * A member with their manager, the manager's manager (skip), a peer, an unrelated colleague to
 * invite (mentor), a manager-to-be and an admin, each signed in; with the calls tests repeat.
 */
export async function createConversationCircle(t: TestApp) {
  const skip = await createPersonWithoutPassword(t.ctx, { name: "Skip Level" });
  const manager = await createPersonWithoutPassword(t.ctx, {
    name: "Mona Manager",
    managerId: skip.id,
  });
  const member = await createPersonWithoutPassword(t.ctx, {
    name: "Mia Member",
    managerId: manager.id,
    hireDate: "2025-10-02",
  });
  const peer = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
  const mentor = await createPersonWithoutPassword(t.ctx, { name: "Mentor Mei" });
  const newManager = await createPersonWithoutPassword(t.ctx, { name: "Nico New" });
  const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
  const ids: Record<CircleRole, string> = {
    member: member.id,
    manager: manager.id,
    mentor: mentor.id,
    skip: skip.id,
    peer: peer.id,
    admin: admin.id,
    newManager: newManager.id,
  };
  const sessions = {} as Record<CircleRole, Session>;
  for (const who of Object.keys(ids) as CircleRole[]) {
    sessions[who] = await createSession(t.ctx, ids[who]);
  }
  const expectStatus = (response: LightMyRequestResponse, status: number) => {
    if (response.statusCode !== status) {
      throw new Error(`Expected ${status}, got ${response.statusCode}: ${response.body}`);
    }
    return response;
  };
  return {
    ids,
    sessions,
    /** A conversation of the member, started through the API. */
    schedule: async (as: CircleRole = "manager", at = "2026-03-10T10:00:00.000Z") => {
      const response = await postJson(
        t.app,
        "/api/conversations",
        { memberId: ids.member, scheduledAt: at },
        { session: sessions[as] },
      );
      return expectStatus(response, 201).json() as ConversationView;
    },
    view: (id: string, as: CircleRole) =>
      getJson(t.app, `/api/conversations/${id}`, { session: sessions[as] }),
    savePrivate: (id: string, as: CircleRole, body: string, baseVersion = 0) =>
      sendJson(
        t.app,
        "PUT",
        `/api/conversations/${id}/private-note`,
        { baseVersion, body },
        { session: sessions[as] },
      ),
    /** The admin gives the member another manager, through the API. */
    changeManager: async (managerId: string) => {
      const response = await sendJson(
        t.app,
        "PATCH",
        `/api/people/${ids.member}`,
        { managerId },
        { session: sessions.admin },
      );
      expectStatus(response, 200);
    },
  };
}

export type ConversationCircle = Awaited<ReturnType<typeof createConversationCircle>>;

export async function insertTestGuest(
  ctx: AppContext,
  conversationId: string,
  personId: string,
  invitedBy: string,
): Promise<void> {
  await ctx.db
    .insertInto("conversation_guests")
    .values({
      conversation_id: conversationId,
      person_id: personId,
      invited_by: invitedBy,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

export async function insertTestSharedNote(
  ctx: AppContext,
  conversationId: string,
  topicKey: string,
  body: string,
  updatedBy: string,
): Promise<void> {
  await ctx.db
    .insertInto("conversation_shared_notes")
    .values({
      conversation_id: conversationId,
      topic_key: topicKey,
      body,
      version: 1,
      updated_by: updatedBy,
      updated_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

export async function insertTestPrivateNote(
  ctx: AppContext,
  conversationId: string,
  authorId: string,
  body: string,
): Promise<void> {
  await ctx.db
    .insertInto("conversation_private_notes")
    .values({
      conversation_id: conversationId,
      author_id: authorId,
      body,
      version: 1,
      updated_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

/** Changes a conversation's row as the conversations service would (time, status). */
export async function changeTestConversation(
  ctx: AppContext,
  id: string,
  changes: Partial<{ scheduledAt: string; status: string; durationMinutes: number }>,
): Promise<void> {
  await ctx.db
    .updateTable("career_conversations")
    .set((eb) => ({
      ...(changes.scheduledAt ? { scheduled_at: changes.scheduledAt } : {}),
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.status === "cancelled" ? { cancelled_at: ctx.clock.now().toISOString() } : {}),
      ...(changes.durationMinutes ? { duration_minutes: changes.durationMinutes } : {}),
      version: eb("version", "+", 1),
      updated_at: ctx.clock.now().toISOString(),
    }))
    .where("id", "=", id)
    .execute();
}
