import type { Transaction } from "kysely";
import { cadenceOf, defaultCadence } from "#core/conversations/cadence.ts";
import type {
  ConversationCadence,
  ConversationList,
  ConversationView,
  CreateConversationBody,
  UpdateConversationBody,
} from "#core/conversations/conversations.schemas.ts";
import { newId } from "#core/ids.ts";
import { localDateIn } from "#core/pathway/tenure.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import type { Database } from "#server/db/schema.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import {
  findPersonById,
  listPeopleByIds,
  type PersonRow,
} from "#server/modules/people/people.queries.ts";
import { countOpenItemsOfConversations } from "./conversation-action-items.queries.ts";
import { ensureDefaultTemplate } from "./conversation-defaults.queries.ts";
import { conversationChanged } from "./conversation-invitations.ts";
import { notifyAboutConversation, otherParticipant } from "./conversation-notices.ts";
import { buildConversationView } from "./conversation-view.ts";
import {
  conversationFacts,
  loadConversation,
  loadConversationFor,
  loadReadableConversation,
  memberFacts,
} from "./conversations.access.ts";
import { ConversationConflictError } from "./conversations.errors.ts";
import {
  conversationPolicies,
  type PolicyActor,
  readsCadence,
  roleIn,
} from "./conversations.policy.ts";
import { presentConversationSummary } from "./conversations.presenters.ts";
import {
  type ConversationChanges,
  type ConversationRow,
  findCadenceFacts,
  findConversationSettings,
  findTemplateAgenda,
  insertConversation,
  listConversationsOfMember,
  listConversationsOfParticipant,
  listGuestsOfConversations,
  updateConversationIfAt,
} from "./conversations.queries.ts";

export const defaultDurationMinutes = 45;

/** The day of an instant in the member's own calendar. */
export const dayOfConversation = (member: Pick<PersonRow, "time_zone">, scheduledAt: string) =>
  localDateIn(member.time_zone, new Date(scheduledAt));

/** Every write of a conversation runs in a real transaction, as its invitations need one. */
export function writeTransaction<T>(
  ctx: AppContext,
  work: (trx: Transaction<Database>) => Promise<T>,
) {
  return ctx.db.transaction().execute(work);
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

export async function getConversation(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ConversationView> {
  return buildConversationView(ctx.db, actor, await loadReadableConversation(ctx.db, actor, id));
}

/** The view as it is stored now, for the caller; after a write or in a 409. */
export async function currentView(db: Db, actor: PolicyActor, id: string) {
  return buildConversationView(db, actor, await loadConversation(db, id));
}

/**
 * The caller's own conversations (as member, manager participant or guest), or one member's
 * history as far as the caller may read it, newest first; each passes `read` one by one.
 */
export async function listConversations(
  ctx: AppContext,
  actor: Actor,
  query: { memberId?: string | undefined },
): Promise<ConversationList> {
  if (!conversationPolicies.list(actor)) return { items: [], cadence: null };
  const member = query.memberId ? await findPersonById(ctx.db, query.memberId) : undefined;
  if (query.memberId && !member) return { items: [], cadence: null };
  const rows = member
    ? await listConversationsOfMember(ctx.db, member.id)
    : await listConversationsOfParticipant(ctx.db, actor.personId);
  const [members, guests, open] = await Promise.all([
    listPeopleByIds(ctx.db, [...new Set(rows.map((row) => row.member_id))]),
    listGuestsOfConversations(
      ctx.db,
      rows.map((row) => row.id),
    ),
    countOpenItemsOfConversations(
      ctx.db,
      rows.map((row) => row.id),
    ),
  ]);
  const memberById = new Map(members.map((person) => [person.id, person]));
  const readable = rows.flatMap((row) => {
    const person = memberById.get(row.member_id);
    if (!person) return [];
    const facts = conversationFacts(row, person, guests.get(row.id) ?? []);
    const role = roleIn(actor, facts);
    if (!role || !conversationPolicies.read(actor, facts)) return [];
    return [{ row, role }];
  });
  const people = new Map(
    (
      await listPeopleByIds(ctx.db, [
        ...new Set(readable.flatMap(({ row }) => [row.member_id, row.manager_id])),
      ])
    ).map((person) => [person.id, person]),
  );
  const cadence =
    member && readsCadence(actor, memberFacts(member)) ? await cadenceOfMember(ctx, member) : null;
  return {
    items: readable.map(({ row, role }) =>
      presentConversationSummary(row, people, role, open.get(row.id) ?? 0),
    ),
    cadence,
  };
}

/** When the member's last conversation was held and when the next is due, by the settings. */
export async function cadenceOfMember(
  ctx: AppContext,
  member: PersonRow,
): Promise<ConversationCadence> {
  const [facts, settings] = await Promise.all([
    findCadenceFacts(ctx.db, member.id),
    findConversationSettings(ctx.db),
  ]);
  const lastHeldOn = facts.lastHeld ? dayOfConversation(member, facts.lastHeld.scheduled_at) : null;
  const nextScheduledAt = facts.nextScheduled?.scheduled_at ?? null;
  const { nextDueOn, overdue } = cadenceOf(
    {
      hireDate: member.hire_date,
      lastHeldOn,
      agreedNextDate: facts.lastHeld?.next_date ?? null,
      nextScheduledOn: nextScheduledAt ? dayOfConversation(member, nextScheduledAt) : null,
      today: localDateIn(member.time_zone, ctx.clock.now()),
    },
    settings
      ? { firstAfterDays: settings.first_after_days, intervalMonths: settings.interval_months }
      : defaultCadence,
  );
  return { memberId: member.id, lastHeldOn, nextDueOn, nextScheduledAt, overdue };
}

// ── Starting and changing ───────────────────────────────────────────────────────────────────

const noSuchMember = () =>
  new AppError("validation_failed", "There is no such person.", {
    memberId: "No person with this id",
  });

async function agendaFor(trx: Db, templateId: string | undefined, now: Date) {
  const id = templateId ?? (await ensureDefaultTemplate(trx, now));
  const template = await findTemplateAgenda(trx, id);
  if (!template || (templateId && template.archived)) {
    throw new AppError("validation_failed", "There is no such agenda template.", {
      templateId: "No active template with this id",
    });
  }
  return template;
}

export async function createConversation(
  ctx: AppContext,
  actor: Actor,
  input: CreateConversationBody,
  meta: RequestMeta,
): Promise<ConversationView> {
  const member = await findPersonById(ctx.db, input.memberId);
  if (!member) throw noSuchMember();
  const facts = memberFacts(member);
  if (!conversationPolicies.create(actor, facts) || !facts.memberManagerId) {
    throw new AppError(
      "forbidden",
      facts.memberManagerId === null && actor.personId === member.id
        ? "You have no manager to hold a career conversation with."
        : "You can start a career conversation with your manager or with one of your direct reports.",
    );
  }
  const managerId = facts.memberManagerId;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId(now.getTime());
  await writeTransaction(ctx, async (trx) => {
    const template = await agendaFor(trx, input.templateId, now);
    const row = {
      id,
      member_id: member.id,
      manager_id: managerId,
      started_by: actor.personId,
      status: "scheduled" as const,
      scheduled_at: new Date(input.scheduledAt).toISOString(),
      duration_minutes: input.durationMinutes ?? defaultDurationMinutes,
      template_id: template.id,
      topics: template.topics,
      next_date: null,
      finished_at: null,
      acknowledged_at: null,
      acknowledgement_comment: null,
      cancelled_at: null,
      cancel_reason: null,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await insertConversation(trx, row);
    await conversationChanged(trx, { conversationId: id, change: "scheduled" }, now);
    await notifyAboutConversation(
      trx,
      row,
      {
        kind: "conversation_scheduled",
        recipients: [otherParticipant(row, actor.personId)],
        actorId: actor.personId,
        title: ({ actor, day }) => `${actor} scheduled a career conversation with you on ${day}`,
      },
      now,
    );
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "conversation.created",
      actorId: actor.personId,
      target: { type: "career-conversation", id },
      details: { memberId: member.id, managerId, scheduledAt: row.scheduled_at },
    });
  });
  return currentView(ctx.db, actor, id);
}

/**
 * Writes `changes` made from `baseVersion`, in `statuses` only; a stale save answers 409 with
 * the conversation as it is now.
 */
export async function writeConversationAt(
  trx: Db,
  actor: PolicyActor,
  target: { id: string; baseVersion: number; statuses: readonly ConversationRow["status"][] },
  changes: ConversationChanges,
): Promise<void> {
  if (await updateConversationIfAt(trx, target, changes)) return;
  throw new ConversationConflictError(await currentView(trx, actor, target.id));
}

export async function updateConversation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateConversationBody,
): Promise<ConversationView> {
  const { conversation, facts } = await loadConversationFor(
    ctx.db,
    actor,
    id,
    "edit",
    "Only the member and their manager change a conversation, and only until it is held.",
  );
  const changes: ConversationChanges = {};
  if (input.scheduledAt !== undefined)
    changes.scheduled_at = new Date(input.scheduledAt).toISOString();
  if (input.durationMinutes !== undefined) changes.duration_minutes = input.durationMinutes;
  if (input.topics !== undefined) changes.topics = input.topics;
  if (Object.keys(changes).length === 0) return currentView(ctx.db, actor, id);
  const now = ctx.clock.now();
  changes.updated_at = now.toISOString();
  await writeTransaction(ctx, async (trx) => {
    await writeConversationAt(
      trx,
      actor,
      { id, baseVersion: input.baseVersion, statuses: ["scheduled", "awaiting_acknowledgement"] },
      changes,
    );
    await conversationChanged(trx, { conversationId: id, change: "changed" }, now);
    await notifyAboutConversation(
      trx,
      { id, scheduled_at: changes.scheduled_at ?? conversation.scheduled_at },
      {
        kind: "conversation_changed",
        recipients: [otherParticipant(conversation, actor.personId), ...facts.guestIds],
        actorId: actor.personId,
        title: ({ actor, day }) =>
          changes.scheduled_at || changes.duration_minutes
            ? `${actor} moved your career conversation to ${day}`
            : `${actor} changed the agenda of your career conversation on ${day}`,
      },
      now,
    );
  });
  return currentView(ctx.db, actor, id);
}
