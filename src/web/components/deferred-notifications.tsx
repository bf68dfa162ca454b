import { useNotifications } from "@mantine/notifications";
import { lazy, Suspense, useState } from "react";

// The container (portal, transitions, swipe to dismiss) is about 9 KB gzip that the sign-in page
// would load for nothing: most visits never show a notification, and `notifications.show` only
// needs the store.
const NotificationsContainer = lazy(() =>
  import("./notifications-container.tsx").then((module) => ({
    default: module.NotificationsContainer,
  })),
);

/** Mantine's notifications, loaded the first time anything calls `notifications.show`. */
export function DeferredNotifications() {
  const { notifications } = useNotifications();
  // Once loaded it stays mounted, so closing the last notification still plays its transition.
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsContainer />
    </Suspense>
  );
}
