import type { Actor, AppContext } from "#server/context.ts";
import type { Download } from "#server/http/download.ts";
import { renderExportInWorker } from "#server/modules/growth-plans/growth-plan-exports.service.ts";
import {
  type ExportConversationRow,
  findExportConversation,
  findOwnPrivateNoteBody,
  listActionItemsOf,
  listGuestsOf,
  listSharedNoteBodies,
} from "./conversation-exports.queries.ts";
import type { ConversationExport } from "./conversation-exports.ts";
import {
  assertConversationRule,
  type ConversationFacts,
  conversationNotFound,
} from "./conversations.policy.ts";

export type ConversationExportFormat = "markdown" | "pdf";

const contentTypes: Record<ConversationExportFormat, string> = {
  markdown: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
};
const extensions: Record<ConversationExportFormat, string> = { markdown: "md", pdf: "pdf" };

function factsOf(row: ExportConversationRow, guestIds: string[]): ConversationFacts {
  return {
    conversationId: row.id,
    memberId: row.member_id,
    memberActive: row.member_status === "active",
    managerId: row.manager_id,
    memberManagerId: row.member_manager_id,
    status: row.status as ConversationFacts["status"],
    guestIds,
  };
}

/**
 * The member, the current manager participant, or a former manager of a held one; everyone
 * else gets the same 404 as for a conversation that does not exist. The export holds the
 * requester's own private note and no one else's.
 */
export async function exportConversation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  format: ConversationExportFormat,
): Promise<Download> {
  const row = await findExportConversation(ctx.db, conversationId);
  if (!row) throw conversationNotFound();
  const guests = await listGuestsOf(ctx.db, conversationId);
  assertConversationRule(
    "export",
    actor,
    factsOf(
      row,
      guests.map((guest) => guest.id),
    ),
    "Guests read the shared notes in Trellis; only the member and the manager export a conversation.",
  );
  const view = await buildExport(ctx, actor, row, guests);
  const exportedAt = ctx.clock.now().toISOString();
  const job =
    format === "pdf"
      ? { format: "conversation-pdf" as const, conversation: view, exportedAt }
      : { format: "conversation-md" as const, conversation: view, exportedAt };
  return {
    body: await renderExportInWorker(
      ctx,
      job,
      format === "pdf" ? "Try again later, or export as Markdown." : "Try again later.",
    ),
    contentType: contentTypes[format],
    fileName: `Career conversation ${row.scheduled_at.slice(0, 10)} - ${row.member_name} and ${row.manager_name}.${extensions[format]}`,
  };
}

/** What `actor` reads of a conversation they take part in: the shared notes and their own private note. */
export async function buildExport(
  ctx: AppContext,
  actor: Actor,
  row: ExportConversationRow,
  guests: { id: string; name: string }[],
): Promise<ConversationExport> {
  const [notes, items, privateNote] = await Promise.all([
    listSharedNoteBodies(ctx.db, row.id),
    listActionItemsOf(ctx.db, row.id),
    findOwnPrivateNoteBody(ctx.db, row.id, actor.personId),
  ]);
  const notesByTopic = new Map(notes.map((note) => [note.topic_key, note.body]));
  return {
    id: row.id,
    status: row.status as ConversationExport["status"],
    scheduledAt: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    member: row.member_name,
    manager: row.manager_name,
    guests: guests.map((guest) => guest.name),
    topics: row.topics.map((topic) => ({
      key: topic.key,
      title: topic.title,
      prompt: topic.prompt,
      notes: notesByTopic.get(topic.key) ?? "",
    })),
    actionItems: items.map((item) => {
      const owner = item.owner === "manager" ? "manager" : "member";
      return {
        owner,
        ownerName: owner === "manager" ? row.manager_name : row.member_name,
        title: item.title,
        dueOn: item.due_on,
        doneOn: item.done_on,
        planPath: item.plan_id ? `/growth-plans/${item.plan_id}` : null,
      };
    }),
    nextDate: row.next_date,
    acknowledgedAt: row.acknowledged_at,
    acknowledgementComment: row.acknowledgement_comment,
    cancelledAt: row.cancelled_at,
    privateNote,
  };
}
