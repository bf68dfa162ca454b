import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";

export interface ConversationsSearch {
  /** One member's history (the caller's report), instead of the caller's own conversations. */
  member?: string;
}

/** An unknown value is dropped, so a hand-edited link still opens the caller's own list. */
export function parseConversationsSearch(search: Record<string, unknown>): ConversationsSearch {
  return typeof search.member === "string" && search.member !== "" ? { member: search.member } : {};
}

export const conversationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/conversations",
  validateSearch: parseConversationsSearch,
  component: lazyRouteComponent(() => import("./conversations.page.tsx"), "ConversationsPage"),
});

export const conversationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/conversations/$conversationId",
  component: lazyRouteComponent(() => import("./conversation.page.tsx"), "ConversationPage"),
});
