import { removeUnsafeLinks, sanitizeMarkdown } from "#core/safe-markdown.ts";
import { type PdfBlock, pdfBlock, renderBlocksPdf } from "#server/shared/pdf/pdf-document.ts";

/**
 * A career conversation as Markdown and PDF, rendered from what the requester may read: the
 * agenda with the shared notes per topic, the action items, the acknowledgement and the
 * requester's own private note, never anyone else's. Member text is made inert as in the growth
 * plan export: Markdown escapes raw HTML and drops links other than http(s)/mailto; the PDF is
 * plain text without links.
 */

export type ConversationExport = {
  id: string;
  status: "scheduled" | "awaiting_acknowledgement" | "held" | "cancelled";
  scheduledAt: string;
  durationMinutes: number;
  member: string;
  manager: string;
  guests: string[];
  topics: { key: string; title: string; prompt: string; notes: string }[];
  actionItems: {
    owner: "member" | "manager";
    ownerName: string;
    title: string;
    dueOn: string | null;
    doneOn: string | null;
    /** Path of the plan goal the item became. */
    planPath: string | null;
  }[];
  nextDate: string | null;
  acknowledgedAt: string | null;
  acknowledgementComment: string | null;
  cancelledAt: string | null;
  /** The requester's own private note; null when they wrote none. */
  privateNote: string | null;
};

const statusLabels: Record<ConversationExport["status"], string> = {
  scheduled: "Scheduled",
  awaiting_acknowledgement: "Finished, waiting for the member's confirmation",
  held: "Held",
  cancelled: "Cancelled",
};

/** "2026-03-10 14:00 UTC": the day and time as stored, an instant in UTC. */
export function conversationTime(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}

export const exportTitle = (view: ConversationExport) =>
  `Career conversation: ${view.member} and ${view.manager}`;

function itemLine(item: ConversationExport["actionItems"][number]): string {
  const parts = [`owner ${item.ownerName} (${item.owner})`];
  if (item.dueOn) parts.push(`due ${item.dueOn}`);
  parts.push(item.doneOn ? `done ${item.doneOn}` : "open");
  return parts.join(", ");
}

// ── Markdown ────────────────────────────────────────────────────────────────────────────────

const inline = (text: string) =>
  sanitizeMarkdown(text)
    .replace(/\s*\r?\n\s*/g, " ")
    .trim();
const block = (text: string, empty = "_Nothing written._") =>
  text.trim() === "" ? empty : sanitizeMarkdown(text.trim());

export function renderConversationMarkdown(view: ConversationExport, exportedAt: string): string {
  const lines = [
    `# ${inline(exportTitle(view))}`,
    "",
    `- Date: ${conversationTime(view.scheduledAt)}, ${view.durationMinutes} minutes`,
    `- Status: ${statusLabels[view.status]}`,
    `- Member: ${inline(view.member)}`,
    `- Manager: ${inline(view.manager)}`,
  ];
  if (view.guests.length > 0) lines.push(`- Guests: ${view.guests.map(inline).join(", ")}`);
  if (view.nextDate) lines.push(`- Next conversation agreed for ${view.nextDate}`);
  lines.push(`- Exported ${exportedAt.slice(0, 10)}`, "", "## Agenda and shared notes", "");
  for (const topic of view.topics) {
    lines.push(`### ${inline(topic.title)}`, "");
    if (topic.prompt.trim()) lines.push(`> ${inline(topic.prompt)}`, "");
    lines.push(block(topic.notes), "");
  }
  lines.push("## Action items", "");
  if (view.actionItems.length === 0) lines.push("_No action items._");
  for (const item of view.actionItems) {
    const box = item.doneOn ? "☑" : "☐";
    const plan = item.planPath ? ` · in the growth plan: ${item.planPath}` : "";
    lines.push(`- ${box} ${inline(item.title)} (${itemLine(item)})${plan}`);
  }
  lines.push("", "## Acknowledgement", "");
  lines.push(acknowledgementLine(view), "");
  if (view.acknowledgementComment?.trim()) {
    lines.push("Comment from the member:", "", block(view.acknowledgementComment), "");
  }
  if (view.privateNote !== null) {
    lines.push("## Your private note", "", "_Only you see this note._", "");
    lines.push(block(view.privateNote), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function acknowledgementLine(view: ConversationExport): string {
  if (view.acknowledgedAt) {
    return `${view.member} confirmed on ${view.acknowledgedAt.slice(0, 10)} that the conversation happened and the notes are accurate.`;
  }
  if (view.status === "cancelled") return "The conversation was cancelled.";
  return "Not confirmed by the member yet.";
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────

const plain = (text: string) => removeUnsafeLinks(text.trim());
const written = (text: string, empty = "Nothing written.") =>
  plain(text) ? pdfBlock("text", plain(text)) : pdfBlock("empty", empty);

export function conversationPdfBlocks(view: ConversationExport, exportedAt: string): PdfBlock[] {
  const guests = view.guests.length > 0 ? ` · guests: ${view.guests.map(plain).join(", ")}` : "";
  const blocks: PdfBlock[] = [
    pdfBlock("title", plain(exportTitle(view))),
    pdfBlock(
      "muted",
      `${conversationTime(view.scheduledAt)}, ${view.durationMinutes} minutes · ${statusLabels[view.status]} · exported ${exportedAt.slice(0, 10)}`,
    ),
    pdfBlock("muted", `Member: ${plain(view.member)} · manager: ${plain(view.manager)}${guests}`),
  ];
  if (view.nextDate)
    blocks.push(pdfBlock("muted", `Next conversation agreed for ${view.nextDate}`));
  blocks.push(pdfBlock("heading", "Agenda and shared notes"));
  for (const topic of view.topics) {
    blocks.push(pdfBlock("strong", plain(topic.title)));
    if (topic.prompt.trim()) blocks.push(pdfBlock("muted", plain(topic.prompt)));
    blocks.push(written(topic.notes));
  }
  blocks.push(pdfBlock("heading", "Action items"));
  if (view.actionItems.length === 0) blocks.push(pdfBlock("empty", "No action items."));
  for (const item of view.actionItems) {
    blocks.push(pdfBlock("text", `${item.doneOn ? "■" : "□"} ${plain(item.title)}`));
    const plan = item.planPath ? ` · in the growth plan: ${item.planPath}` : "";
    blocks.push(pdfBlock("muted", `${itemLine(item)}${plan}`));
  }
  blocks.push(pdfBlock("heading", "Acknowledgement"), pdfBlock("text", acknowledgementLine(view)));
  if (view.acknowledgementComment?.trim()) {
    blocks.push(pdfBlock("label", "Comment from the member"), written(view.acknowledgementComment));
  }
  if (view.privateNote !== null) {
    blocks.push(
      pdfBlock("heading", "Your private note"),
      pdfBlock("muted", "Only you see this note."),
      written(view.privateNote),
    );
  }
  return blocks;
}

export function renderConversationPdf(
  view: ConversationExport,
  exportedAt: string,
): Promise<Uint8Array> {
  return renderBlocksPdf(plain(exportTitle(view)), conversationPdfBlocks(view, exportedAt));
}
