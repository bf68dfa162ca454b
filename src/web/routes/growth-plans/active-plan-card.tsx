import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { myPlansQuery, planQuery } from "../../api/growth-plans.api.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import { goalName } from "./plan-labels.ts";

/** Home: the active growth plan at a glance, or an invitation to start one. */
export function ActivePlanCard() {
  const plans = useQuery(myPlansQuery);
  const active = plans.data?.plans.find((plan) => plan.status === "active");
  const plan = useQuery({ ...planQuery(active?.id ?? ""), enabled: Boolean(active) });

  if (plans.isPending || plans.isError) return null;
  return (
    <Card
      withBorder
      padding="lg"
      radius="lg"
      maw={640}
      component="section"
      aria-labelledby="active-plan-heading"
    >
      <Stack gap="xs">
        <Title order={2} size="h4" id="active-plan-heading">
          Growth plan
        </Title>
        {!active ? (
          <Text>
            You have no active growth plan.{" "}
            <Anchor component={Link} to="/growth-plans" underline="always">
              Start one
            </Anchor>{" "}
            from a template or a blank page.
          </Text>
        ) : (
          <>
            <AnchorLink to="/growth-plans/$planId" params={{ planId: active.id }} fw={600}>
              {active.title}
            </AnchorLink>
            {plan.data && <PlanSummaryLines view={plan.data} />}
          </>
        )}
      </Stack>
    </Card>
  );
}

function PlanSummaryLines({ view }: { view: PlanView }) {
  const goals = view.goals ?? [];
  const done = goals.filter((goal) => goal.content.status === "done").length;
  const inProgress = goals.filter((goal) => goal.content.status === "in-progress").length;
  const nextStep = goals
    .flatMap((goal, index) =>
      goal.content.actionSteps
        .filter((step) => !step.done && step.dueOn)
        .map((step) => ({ step, goal: goalName(goal.content, index) })),
    )
    .sort((a, b) => (a.step.dueOn ?? "").localeCompare(b.step.dueOn ?? ""))[0];

  return (
    <Stack gap={4}>
      <Group gap="lg">
        <Text size="sm">
          <strong>{done}</strong> of {goals.length} {goals.length === 1 ? "goal" : "goals"} done
        </Text>
        <Text size="sm">
          <strong>{inProgress}</strong> in progress
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {nextStep
          ? `Next action step: ${nextStep.step.title || "untitled"} (${nextStep.goal}), due ${formatCalendarDate(nextStep.step.dueOn ?? "")}`
          : "No action step has a due date yet."}
      </Text>
    </Stack>
  );
}
