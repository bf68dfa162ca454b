import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { ActivePlanCard } from "../growth-plans/active-plan-card.tsx";
import { PathwayHomeCard } from "../pathway/pathway-home-card.tsx";
import { AccountNotices } from "./account-notices.tsx";

export function HomePage() {
  usePageTitle("Home");
  const user = useCurrentUser();

  return (
    <Stack gap="lg">
      <Title order={1}>Welcome, {user.name}</Title>
      <AccountNotices />
      <PathwayHomeCard />
      <ActivePlanCard />
      <Card withBorder padding="lg" radius="lg" maw={640}>
        <Stack gap="xs">
          <Text>
            You are signed in to Trellis as <strong>{user.email}</strong>
            {user.role === "admin" ? ", with administrator access." : "."}
          </Text>
          <Text c="dimmed">
            Your details, your password and the devices you are signed in on are on your{" "}
            <Anchor component={Link} to="/account">
              account page
            </Anchor>
            .
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
