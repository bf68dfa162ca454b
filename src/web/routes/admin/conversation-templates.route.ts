import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "./admin.route.ts";

export const conversationTemplatesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/conversation-templates",
  component: lazyRouteComponent(
    () => import("./conversation-templates.page.tsx"),
    "ConversationTemplatesPage",
  ),
});
