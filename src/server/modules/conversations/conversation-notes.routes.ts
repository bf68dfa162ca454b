import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ConversationIdParams,
  PrivateNoteConflict,
  PrivateNoteView,
  SaveNoteBody,
  SharedNoteConflict,
  SharedNoteView,
  TopicNoteParams,
} from "#core/conversations/conversations.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { savePrivateNote, saveSharedNote } from "./conversation-notes.service.ts";
import { conversationPolicies as policies } from "./conversations.policy.ts";

const tags = ["career conversations"];

/** Shared notes per agenda topic and the caller's own private note (autosave; 409 when stale). */
export const conversationNoteRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.put(
    "/api/conversations/:id/topics/:topicKey/notes",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary:
          "Save a topic's shared notes (409 with the stored notes when based on an old version)",
        params: TopicNoteParams,
        body: SaveNoteBody,
        response: { 200: SharedNoteView, 409: SharedNoteConflict },
      },
    },
    async (request) =>
      saveSharedNote(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.topicKey,
        request.body,
      ),
  );

  app.put(
    "/api/conversations/:id/private-note",
    {
      config: { access: "signed-in", policy: policies.writePrivateNote },
      schema: {
        tags,
        summary: "Save one's own private note, which no one else ever reads",
        params: ConversationIdParams,
        body: SaveNoteBody,
        response: { 200: PrivateNoteView, 409: PrivateNoteConflict },
      },
    },
    async (request) => savePrivateNote(ctx, actorOf(request), request.params.id, request.body),
  );
};
