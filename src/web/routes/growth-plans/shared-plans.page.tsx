import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import { plansSharedWithMeQuery } from "../../api/growth-plans.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { shortTitle } from "./section-comments.tsx";

export function SharedPlansPage() {
  usePageTitle("Shared with me");
  const plans = useQuery(plansSharedWithMeQuery);

  return (
    <Stack gap="lg">
      <Stack gap={4} maw={680}>
        <Title order={1}>Shared with me</Title>
        <Text c="dimmed">
          Growth plans your reports and mentees share with you. You see only the sections they chose
          to share, and can comment on them.
        </Text>
      </Stack>
      <QueryStatus query={plans} />
      {plans.data && plans.data.plans.length === 0 && (
        <Paper withBorder radius="lg" p="lg">
          <Text>No one shares a growth plan with you at the moment.</Text>
        </Paper>
      )}
      {plans.data && plans.data.plans.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, sm: 2 }}
          spacing="md"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
        >
          {plans.data.plans.map((plan) => (
            <Paper component="li" key={plan.id} withBorder radius="lg" p="md">
              <Stack gap={6}>
                <Text fw={600} size="lg" style={{ overflowWrap: "anywhere" }}>
                  {plan.owner.displayName}
                </Text>
                <AnchorLink
                  to="/growth-plans/$planId"
                  params={{ planId: plan.id }}
                  style={{ overflowWrap: "anywhere" }}
                >
                  {plan.title}
                </AnchorLink>
                <Group gap="xs">
                  <Badge
                    variant="light"
                    color={plan.status === "active" ? "trellis" : "gray"}
                    tt="none"
                  >
                    {plan.status === "active" ? "Active" : "Archived"}
                  </Badge>
                  <Badge variant="outline" color="gray" tt="none">
                    {plan.relation === "manager" ? "As their manager" : "Named by them"}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  Shared:{" "}
                  {plan.readableSections
                    .map((section) =>
                      section === "energy" ? sectionTitles.energy : shortTitle(section),
                    )
                    .join(", ")}
                </Text>
                <Text size="sm" c="dimmed">
                  Last changed {formatDateTime(plan.updatedAt)}
                </Text>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
