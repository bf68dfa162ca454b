import { ActionIcon, Indicator } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { unreadCountQuery } from "../../api/notifications.api.ts";

/** The header's way to the notifications, with the unread count, at every width. */
export function NotificationsBell() {
  const count = useQuery(unreadCountQuery).data?.unreadCount ?? 0;
  const label = count === 0 ? "Notifications" : `Notifications, ${count} unread`;
  return (
    <Indicator
      disabled={count === 0}
      // The link's own label says the count; the dot repeats it for the eye only.
      label={<span aria-hidden>{count > 99 ? "99+" : count}</span>}
      size={16}
      offset={4}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={label}
        title={label}
      >
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
