import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconChecks } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { NotificationView } from "#core/notifications/notifications.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationsQueryKey,
  unreadCountQuery,
} from "../../api/notifications.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";

/** The notification centre: newest first, each leading to what it is about. */
export function NotificationsPage() {
  usePageTitle("Notifications");
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<"all" | "unread">("all");
  const unreadOnly = filter === "unread";
  const list = useInfiniteQuery({
    queryKey: [...notificationsQueryKey, "list", { unreadOnly }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => fetchNotifications(pageParam, unreadOnly, signal),
    getNextPageParam: (page) => page.nextBefore,
  });
  // What the badge polls also refreshes this list when something new arrives.
  const latestId = useQuery(unreadCountQuery).data?.latestId;
  useEffect(() => {
    if (latestId === undefined) return;
    void queryClient.invalidateQueries({ queryKey: [...notificationsQueryKey, "list"] });
  }, [latestId, queryClient]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <Stack gap="lg" maw={760}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>Notifications</Title>
          <Text size="sm" c="dimmed" aria-live="polite">
            {unreadCount === 0 ? "Nothing unread." : `${unreadCount} unread`}
          </Text>
        </Stack>
        <Group gap="sm">
          <AnchorLink to="/account/notifications" size="sm">
            Preferences
          </AnchorLink>
          <Button
            variant="default"
            leftSection={<IconChecks size={18} aria-hidden />}
            disabled={unreadCount === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
          >
            Mark all read
          </Button>
        </Group>
      </Group>
      <SegmentedControl
        aria-label="Show"
        style={{ alignSelf: "flex-start" }}
        value={filter}
        onChange={(value) => setFilter(value === "unread" ? "unread" : "all")}
        data={[
          { value: "all", label: "All" },
          { value: "unread", label: "Unread" },
        ]}
      />
      {readAll.isError && <FormErrorAlert message={errorMessage(readAll.error)} />}
      <QueryStatus query={list} />
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed">{unreadOnly ? "No unread notifications." : "No notifications yet."}</Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} onChange={refresh} />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          style={{ alignSelf: "flex-start" }}
          loading={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </Stack>
  );
}

function NotificationItem({ item, onChange }: { item: NotificationView; onChange: () => void }) {
  const navigate = useNavigate();
  const read = useMutation({
    mutationFn: () => markNotificationRead(item.id),
    onSuccess: onChange,
  });
  const unread = item.readAt === null;

  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor
            href={item.link}
            fw={unread ? 700 : 400}
            style={{ overflowWrap: "anywhere" }}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              if (unread) read.mutate();
              void navigate({ href: item.link });
            }}
          >
            {item.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatDateTime(item.createdAt)}
          </Text>
        </Stack>
        {unread ? (
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" tt="none">
              Unread
            </Badge>
            <Button
              size="compact-sm"
              variant="subtle"
              loading={read.isPending}
              onClick={() => read.mutate()}
              aria-label={`Mark read: ${item.title}`}
            >
              Mark read
            </Button>
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
