import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { IconBell, IconListCheck, IconShare2 } from "@tabler/icons-react";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { NotificationView } from "#core/notifications/notifications.schemas.ts";
import { plansSharedWithMeQuery } from "../../api/growth-plans.api.ts";
import {
  fetchNotifications,
  markNotificationRead,
  notificationsQueryKey,
} from "../../api/notifications.api.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import classes from "./home.module.css";
import { actionStepsDue, localToday, recentlySharedPlans } from "./home-data.ts";
import { useActivePlan } from "./use-active-plan.ts";

const shownNotifications = 5;

/** Unread notifications: comments on shared sections, feedback requests, nudges, reminders. */
const unreadQuery = queryOptions({
  queryKey: [...notificationsQueryKey, "home-unread"],
  queryFn: () => fetchNotifications(null, true),
});

/** Home: what is waiting for the person, all in one list, or a word that nothing is. */
export function NeedsYouCard() {
  const unread = useQuery(unreadQuery);
  const shared = useQuery(plansSharedWithMeQuery);
  const { active, plan } = useActivePlan();
  const steps = plan?.data?.goals ? actionStepsDue(plan.data.goals, localToday()) : [];
  const sharedPlans = recentlySharedPlans(shared.data?.plans ?? []).slice(0, 3);
  const notifications = unread.data?.items.slice(0, shownNotifications) ?? [];
  const unreadCount = unread.data?.unreadCount ?? 0;
  const nothing = notifications.length === 0 && steps.length === 0 && sharedPlans.length === 0;

  return (
    <TitledSection title="Needs you now">
      {nothing && (
        <Text size="sm" c="dimmed">
          Nothing is waiting for you: no unread comments or requests, no action step due this week.
        </Text>
      )}
      {notifications.length > 0 && (
        <Stack gap={6}>
          <GroupLabel icon={IconBell}>Unread</GroupLabel>
          <ul className={classes.list}>
            {notifications.map((item) => (
              <NotificationEntry key={item.id} item={item} />
            ))}
          </ul>
          {unreadCount > notifications.length && (
            <AnchorLink to="/notifications" size="sm">
              All {unreadCount} unread notifications
            </AnchorLink>
          )}
        </Stack>
      )}
      {active && steps.length > 0 && (
        <Stack gap={6}>
          <GroupLabel icon={IconListCheck}>Action steps due</GroupLabel>
          <ul className={classes.list}>
            {steps.map((step) => (
              <li key={`${step.goalId}-${step.stepId}`} className={classes.entry}>
                <AnchorLink
                  to="/growth-plans/$planId"
                  params={{ planId: active.id }}
                  search={{ step: "goals" }}
                  size="sm"
                  className={classes.entryLink}
                >
                  {step.title}
                </AnchorLink>
                <Group gap={6}>
                  <Text span size="xs" c="dimmed">
                    {step.goal}
                  </Text>
                  {step.overdue ? (
                    <Badge
                      size="xs"
                      color="red"
                      variant="light"
                      tt="none"
                      c="var(--home-overdue-text)"
                    >
                      Overdue · {formatCalendarDate(step.dueOn)}
                    </Badge>
                  ) : (
                    <Text span size="xs" c="dimmed">
                      Due {formatCalendarDate(step.dueOn)}
                    </Text>
                  )}
                </Group>
              </li>
            ))}
          </ul>
        </Stack>
      )}
      {sharedPlans.length > 0 && (
        <Stack gap={6}>
          <GroupLabel icon={IconShare2}>Shared with you, changed lately</GroupLabel>
          <ul className={classes.list}>
            {sharedPlans.map((shared) => (
              <li key={shared.id} className={classes.entry}>
                <AnchorLink
                  to="/growth-plans/$planId"
                  params={{ planId: shared.id }}
                  size="sm"
                  className={classes.entryLink}
                >
                  {shared.title}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {shared.owner.displayName} · updated {formatDateTime(shared.updatedAt)}
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
      )}
    </TitledSection>
  );
}

function GroupLabel({ icon: Icon, children }: { icon: typeof IconBell; children: string }) {
  return (
    <Group gap={6}>
      <Icon size={16} aria-hidden className={classes.groupIcon} />
      <Text component="h3" size="sm" fw={600} m={0}>
        {children}
      </Text>
    </Group>
  );
}

/** A notification, read when followed (as in the notification centre). */
function NotificationEntry({ item }: { item: NotificationView }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () => markNotificationRead(item.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
  return (
    <li className={classes.entry}>
      <Anchor
        href={item.link}
        size="sm"
        className={classes.entryLink}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          read.mutate();
          void navigate({ href: item.link });
        }}
      >
        {item.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {item.actor ? `${item.actor.name} · ` : ""}
        {formatDateTime(item.createdAt)}
      </Text>
    </li>
  );
}
