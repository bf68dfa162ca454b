import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import {
  ActionItemConflict,
  type ActionItemToPlanBody,
  ActionItemToPlanResult,
  ActionItemView,
  ConversationConflict,
  ConversationList,
  ConversationView,
  type CreateActionItemBody,
  type CreateConversationBody,
  PrivateNoteConflict,
  PrivateNoteView,
  SharedNoteConflict,
  SharedNoteView,
  type UpdateActionItemBody,
} from "#core/conversations/conversations.schemas.ts";
import {
  ContentPageConflict,
  ContentPageView,
  ConversationSettingsConflict,
  ConversationSettingsView,
  ConversationTemplateConflict,
  ConversationTemplateList,
  ConversationTemplateView,
  type CreateConversationTemplateBody,
  type SaveContentPageBody,
  type SaveConversationSettingsBody,
  type UpdateConversationTemplateBody,
} from "#core/conversations/templates.schemas.ts";
import {
  ManagerWorkspace,
  SubtreeSummary,
  type WorkspaceRow,
} from "#core/conversations/workspace.schemas.ts";
import { ApiError } from "./api-error.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** A write with a base version either lands or meets what was stored meanwhile (409 `current`). */
export type Versioned<Saved, Current> =
  | { outcome: "saved"; saved: Saved }
  | { outcome: "conflict"; current: Current };

async function sendVersioned<
  Saved extends z.ZodType,
  Conflict extends z.ZodType<{ current: unknown }>,
>(
  path: string,
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  body: unknown,
  savedSchema: Saved | undefined,
  conflictSchema: Conflict,
): Promise<Versioned<z.output<Saved>, z.output<Conflict>["current"]>> {
  try {
    const saved = savedSchema
      ? await apiRequest(path, { method, body, response: savedSchema })
      : await apiRequest(path, { method, body });
    return { outcome: "saved", saved: saved as z.output<Saved> };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const conflict = conflictSchema.safeParse(error.body);
      if (conflict.success) return { outcome: "conflict", current: conflict.data.current };
    }
    throw error;
  }
}

/** A conflict the page cannot resolve by itself becomes an error with the server's words. */
function orThrow<Saved, Current>(result: Versioned<Saved, Current>): Saved {
  if (result.outcome === "saved") return result.saved;
  throw new ApiError({
    status: 409,
    code: "conflict",
    message: "Someone else changed this conversation meanwhile. Reload to see the latest version.",
  });
}

// ── Conversations ───────────────────────────────────────────────────────────────────────────

export function listConversations(memberId?: string) {
  return apiRequest(withSearchParams("/api/conversations", { memberId: memberId ?? null }), {
    response: ConversationList,
  });
}

export function createConversation(body: CreateConversationBody) {
  return apiRequest("/api/conversations", { method: "POST", body, response: ConversationView });
}

export function fetchConversation(id: string) {
  return apiRequest(conversationPath(id), { response: ConversationView });
}

export function saveSharedNote(id: string, topicKey: string, body: string, baseVersion: number) {
  return sendVersioned(
    `${conversationPath(id)}/topics/${encodeURIComponent(topicKey)}/notes`,
    "PUT",
    { baseVersion, body },
    SharedNoteView,
    SharedNoteConflict,
  );
}

export function savePrivateNote(id: string, body: string, baseVersion: number) {
  return sendVersioned(
    `${conversationPath(id)}/private-note`,
    "PUT",
    { baseVersion, body },
    PrivateNoteView,
    PrivateNoteConflict,
  );
}

export function addActionItem(id: string, body: CreateActionItemBody) {
  return apiRequest(`${conversationPath(id)}/action-items`, {
    method: "POST",
    body,
    response: ActionItemView,
  });
}

const itemPath = (id: string, itemId: string) =>
  `${conversationPath(id)}/action-items/${encodeURIComponent(itemId)}`;

export async function updateActionItem(id: string, itemId: string, body: UpdateActionItemBody) {
  return orThrow(
    await sendVersioned(itemPath(id, itemId), "PATCH", body, ActionItemView, ActionItemConflict),
  );
}

export async function deleteActionItem(id: string, itemId: string, baseVersion: number) {
  orThrow(
    await sendVersioned(
      itemPath(id, itemId),
      "DELETE",
      { baseVersion },
      undefined,
      ActionItemConflict,
    ),
  );
}

export function actionItemToPlan(id: string, itemId: string, body: ActionItemToPlanBody) {
  return apiRequest(`${itemPath(id, itemId)}/to-plan`, {
    method: "POST",
    body,
    response: ActionItemToPlanResult,
  });
}

async function lifecycle(id: string, step: "finish" | "acknowledge" | "cancel", body: object) {
  return orThrow(
    await sendVersioned(
      `${conversationPath(id)}/${step}`,
      "POST",
      body,
      ConversationView,
      ConversationConflict,
    ),
  );
}

export function finishConversation(id: string, body: { baseVersion: number; nextDate: string }) {
  return lifecycle(id, "finish", body);
}

export function acknowledgeConversation(
  id: string,
  body: { baseVersion: number; comment?: string | undefined },
) {
  return lifecycle(id, "acknowledge", body);
}

export function cancelConversation(
  id: string,
  body: { baseVersion: number; reason?: string | undefined },
) {
  return lifecycle(id, "cancel", body);
}

export function inviteGuest(id: string, personId: string) {
  return apiRequest(`${conversationPath(id)}/guests`, { method: "POST", body: { personId } });
}

export function removeGuest(id: string, personId: string) {
  return apiRequest(`${conversationPath(id)}/guests/${encodeURIComponent(personId)}`, {
    method: "DELETE",
  });
}

/** A plain link (not fetch) so the browser downloads the file with the server's name. */
export function conversationExportUrl(id: string, format: "markdown" | "pdf"): string {
  return withSearchParams(`${conversationPath(id)}/export`, { format });
}

// ── Templates, cadence and the manager guide ────────────────────────────────────────────────

const templatePath = (id: string) => `/api/conversation-templates/${encodeURIComponent(id)}`;

export function listConversationTemplates() {
  return apiRequest("/api/conversation-templates", { response: ConversationTemplateList });
}

export function createConversationTemplate(body: z.input<typeof CreateConversationTemplateBody>) {
  return apiRequest("/api/conversation-templates", {
    method: "POST",
    body,
    response: ConversationTemplateView,
  });
}

export function saveConversationTemplate(
  id: string,
  body: z.output<typeof UpdateConversationTemplateBody>,
) {
  return sendVersioned(
    templatePath(id),
    "PUT",
    body,
    ConversationTemplateView,
    ConversationTemplateConflict,
  );
}

export function fetchConversationSettings() {
  return apiRequest("/api/conversation-settings", { response: ConversationSettingsView });
}

export function saveConversationSettings(body: z.output<typeof SaveConversationSettingsBody>) {
  return sendVersioned(
    "/api/conversation-settings",
    "PUT",
    body,
    ConversationSettingsView,
    ConversationSettingsConflict,
  );
}

export function fetchManagerGuide() {
  return apiRequest("/api/content-pages/manager-guide", { response: ContentPageView });
}

export function saveManagerGuide(body: z.output<typeof SaveContentPageBody>) {
  return sendVersioned(
    "/api/content-pages/manager-guide",
    "PUT",
    body,
    ContentPageView,
    ContentPageConflict,
  );
}

// ── Manager workspace ───────────────────────────────────────────────────────────────────────

export function fetchManagerWorkspace() {
  return apiRequest("/api/manager-workspace", { response: ManagerWorkspace });
}

export function fetchSubtreeSummary(managerId?: string) {
  return apiRequest(
    withSearchParams("/api/manager-workspace/subtree", { managerId: managerId ?? null }),
    { response: SubtreeSummary },
  );
}

/** What the workspace nudges about: the plan, or scheduling the next conversation. */
export type WorkspaceNudgeTopic = keyof WorkspaceRow["nudges"] & string;

// ── Queries ─────────────────────────────────────────────────────────────────────────────────

/** Every answer about conversations starts with this key, so one invalidation refreshes them. */
export const conversationsQueryKey = ["conversations"] as const;

export const myConversationsQuery = queryOptions({
  queryKey: [...conversationsQueryKey, "mine"],
  queryFn: () => listConversations(),
});

export function memberConversationsQuery(memberId: string) {
  return queryOptions({
    queryKey: [...conversationsQueryKey, "member", memberId],
    queryFn: () => listConversations(memberId),
  });
}

export function conversationQuery(id: string) {
  return queryOptions({
    queryKey: [...conversationsQueryKey, "one", id],
    queryFn: () => fetchConversation(id),
  });
}

export const conversationTemplatesQuery = queryOptions({
  queryKey: [...conversationsQueryKey, "templates"],
  queryFn: listConversationTemplates,
});

export const conversationSettingsQuery = queryOptions({
  queryKey: [...conversationsQueryKey, "settings"],
  queryFn: fetchConversationSettings,
});

export const managerGuideQuery = queryOptions({
  queryKey: ["content-pages", "manager-guide"],
  queryFn: fetchManagerGuide,
});

export const managerWorkspaceQueryKey = ["manager-workspace"] as const;

export const managerWorkspaceQuery = queryOptions({
  queryKey: [...managerWorkspaceQueryKey, "rows"],
  queryFn: fetchManagerWorkspace,
});

export function subtreeSummaryQuery(managerId?: string) {
  return queryOptions({
    queryKey: [...managerWorkspaceQueryKey, "subtree", managerId ?? "mine"],
    queryFn: () => fetchSubtreeSummary(managerId),
  });
}
