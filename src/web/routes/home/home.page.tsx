import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { PathwayHomeCard } from "../pathway/pathway-home-card.tsx";
import { AccountNotices } from "./account-notices.tsx";
import classes from "./home.module.css";
import { NeedsYouCard } from "./needs-you-card.tsx";
import { PlanGlanceCard } from "./plan-glance-card.tsx";
import { QuickEnergyLog } from "./quick-energy-log.tsx";

// Only managers see their team's needs: the workspace's schemas load for them alone.
const TeamNeedsCard = lazy(async () => ({
  default: (await import("./team-needs-card.tsx")).TeamNeedsCard,
}));

/**
 * Where a person starts: what needs them now, this quarter of their pathway, their plan and a
 * quick energy log, and for a manager what the team needs from them.
 */
export function HomePage() {
  usePageTitle("Home");
  const user = useCurrentUser();

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={1}>Welcome, {user.name}</Title>
        <Text size="sm" c="dimmed">
          Signed in as {user.email}
          {user.role === "admin" ? ", with administrator access" : ""}. Your details and devices are
          on your{" "}
          <Anchor component={Link} to="/account" size="sm" underline="always">
            account page
          </Anchor>
          .
        </Text>
      </Stack>
      <AccountNotices />
      <div className={classes.grid}>
        {/* A manager's team takes the pathway's place in the wide column, which moves aside. */}
        <div className={classes.column}>
          <NeedsYouCard />
          {user.managesPeople ? (
            <Suspense fallback={null}>
              <TeamNeedsCard />
            </Suspense>
          ) : (
            <PathwayHomeCard />
          )}
        </div>
        <div className={classes.column}>
          {user.managesPeople && <PathwayHomeCard />}
          <QuickEnergyLog />
          <PlanGlanceCard />
        </div>
      </div>
    </Stack>
  );
}
