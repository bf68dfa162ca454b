import { Badge, NavLink, Stack, Text, VisuallyHidden } from "@mantine/core";
import {
  IconAddressBook,
  IconBell,
  IconBooks,
  IconClockCog,
  IconFileImport,
  IconHome,
  IconKey,
  IconLayoutDashboard,
  IconListDetails,
  IconLogin,
  IconMessageQuestion,
  IconMessages,
  IconPlant2,
  IconRoute,
  IconShare2,
  IconStairsUp,
  IconTemplate,
  IconUserShield,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "@tanstack/react-router";
import { useId, useMemo } from "react";
import { plansSharedWithMeQuery } from "../../api/growth-plans.api.ts";
import { unreadCountQuery } from "../../api/notifications.api.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { activeArea, useClaimedArea } from "./navigation-area.ts";

interface Area {
  to:
    | "/"
    | "/people"
    | "/team"
    | "/admin/people"
    | "/admin/import"
    | "/admin/audit"
    | "/admin/retention"
    | "/admin/tokens"
    | "/admin/single-sign-on"
    | "/pathway"
    | "/growth-plans"
    | "/career"
    | "/growth-plans/shared"
    | "/notifications"
    | "/admin/pathway-templates"
    | "/admin/growth-plan-templates"
    | "/admin/growth-plan-prompts"
    | "/admin/career-frameworks"
    | "/conversations"
    | "/manager"
    | "/admin/conversation-templates"
    | "/learning"
    | "/admin/learning";
  label: string;
  icon: typeof IconHome;
}

// Only areas that exist are listed; each new area adds its link here.
const everyone: Area[] = [
  { to: "/", label: "Home", icon: IconHome },
  { to: "/pathway", label: "Pathway", icon: IconRoute },
  { to: "/growth-plans", label: "Growth plan", icon: IconPlant2 },
  { to: "/career", label: "Career", icon: IconStairsUp },
  { to: "/conversations", label: "Conversations", icon: IconMessages },
  { to: "/learning", label: "Learning", icon: IconBooks },
  { to: "/people", label: "People", icon: IconAddressBook },
  { to: "/notifications", label: "Notifications", icon: IconBell },
];
const managers: Area[] = [
  { to: "/team", label: "My team", icon: IconUsersGroup },
  { to: "/manager", label: "Manager workspace", icon: IconLayoutDashboard },
];
const sharedPlanReaders: Area[] = [
  { to: "/growth-plans/shared", label: "Shared with me", icon: IconShare2 },
];
const administrators: Area[] = [
  { to: "/admin/people", label: "Manage people", icon: IconUserShield },
  { to: "/admin/import", label: "Import people (CSV)", icon: IconFileImport },
  { to: "/admin/audit", label: "Audit log", icon: IconListDetails },
  { to: "/admin/retention", label: "Data retention", icon: IconClockCog },
  { to: "/admin/tokens", label: "API and SCIM tokens", icon: IconKey },
  { to: "/admin/single-sign-on", label: "Single sign-on", icon: IconLogin },
  { to: "/admin/pathway-templates", label: "Pathway templates", icon: IconRoute },
  { to: "/admin/growth-plan-templates", label: "Growth plan templates", icon: IconPlant2 },
  { to: "/admin/growth-plan-prompts", label: "Reflection prompts", icon: IconMessageQuestion },
  { to: "/admin/career-frameworks", label: "Career frameworks", icon: IconStairsUp },
  { to: "/admin/conversation-templates", label: "Conversation templates", icon: IconTemplate },
  { to: "/admin/learning", label: "Learning and programs", icon: IconBooks },
];

export function AppNavigation({ onNavigate }: { onNavigate: () => void }) {
  const user = useCurrentUser();
  const isManager = user.managesPeople;
  // "Shared with me" appears once someone shares a growth plan with this person.
  const sharedPlans = useQuery(plansSharedWithMeQuery);
  const readsSharedPlans = (sharedPlans.data?.plans.length ?? 0) > 0;
  const adminHeadingId = useId();
  const pathname = useLocation({ select: (location) => location.pathname });
  const claimed = useClaimedArea(pathname);
  const sharedPlanIds = useMemo(
    () => new Set(sharedPlans.data?.plans.map((plan) => plan.id)),
    [sharedPlans.data],
  );
  const areas = [
    ...everyone,
    ...(isManager ? managers : []),
    ...(readsSharedPlans ? sharedPlanReaders : []),
  ];
  const shown = [...areas, ...(user.role === "admin" ? administrators : [])];
  // One entry at most is the current page, whatever the router thinks of their prefixes.
  const current = activeArea(
    pathname,
    shown.map((area) => area.to),
    { claimed, sharedPlanIds },
  );

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {areas.map((area) => (
          <AreaLink
            key={area.to}
            area={area}
            active={area.to === current}
            onNavigate={onNavigate}
          />
        ))}
      </Stack>
      {user.role === "admin" && (
        <Stack gap={4} role="group" aria-labelledby={adminHeadingId}>
          <Text
            component="h2"
            id={adminHeadingId}
            size="xs"
            fw={700}
            tt="uppercase"
            c="dimmed"
            px="sm"
            m={0}
          >
            Admin
          </Text>
          {administrators.map((area) => (
            <AreaLink
              key={area.to}
              area={area}
              active={area.to === current}
              onNavigate={onNavigate}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function AreaLink({
  area,
  active,
  onNavigate,
}: {
  area: Area;
  active: boolean;
  onNavigate: () => void;
}) {
  return (
    <NavLink
      component={Link}
      to={area.to}
      // The router marks a link active by its own rule (any page under it); the navigation
      // decides instead, so it never calls two entries the current page.
      activeOptions={{ exact: true }}
      activeProps={{ "aria-current": active ? "page" : undefined }}
      label={area.label}
      leftSection={<area.icon size={18} aria-hidden />}
      rightSection={area.to === "/notifications" ? <UnreadBadge /> : undefined}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
    />
  );
}

/** The unread count, polled (docs/decisions/018-notification-live-updates.md). */
function UnreadBadge() {
  const count = useQuery(unreadCountQuery).data?.unreadCount ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" circle={count < 10}>
      {count > 99 ? "99+" : count}
      <VisuallyHidden> unread</VisuallyHidden>
    </Badge>
  );
}
