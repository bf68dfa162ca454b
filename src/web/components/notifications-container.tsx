import { Notifications } from "@mantine/notifications";

/** Loaded on demand by DeferredNotifications; the one place notifications are positioned. */
export function NotificationsContainer() {
  return <Notifications position="top-right" />;
}
