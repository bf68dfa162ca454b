import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";

export const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/notifications",
  component: lazyRouteComponent(() => import("./notifications.page.tsx"), "NotificationsPage"),
});

export const notificationPreferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account/notifications",
  component: lazyRouteComponent(
    () => import("./notification-preferences.page.tsx"),
    "NotificationPreferencesPage",
  ),
});
