import { Group, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconPlant2 } from "@tabler/icons-react";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { stepProgress } from "./home-data.ts";
import { useActivePlan } from "./use-active-plan.ts";

/** Home: the active growth plan at a glance, or the way to start one. */
export function PlanGlanceCard() {
  const { plans, active, plan } = useActivePlan();
  if (plans.isPending || plans.isError) return null;

  if (!active) {
    return (
      <TitledSection title="Your growth plan">
        <Text size="sm">
          You have no active growth plan. Start one from a template or a blank page: goals, action
          steps and your energy journal live in it.
        </Text>
        <ButtonLink
          to="/growth-plans"
          variant="light"
          leftSection={<IconPlant2 size={18} aria-hidden />}
          style={{ alignSelf: "flex-start" }}
        >
          Start a growth plan
        </ButtonLink>
      </TitledSection>
    );
  }

  return (
    <TitledSection title="Your growth plan">
      <Stack gap={2}>
        <AnchorLink
          to="/growth-plans/$planId"
          params={{ planId: active.id }}
          fw={600}
          style={{ overflowWrap: "anywhere" }}
        >
          {active.title}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          Updated {formatDateTime(active.updatedAt)}
        </Text>
      </Stack>
      {plan?.data && <PlanFigures planId={active.id} view={plan.data} />}
    </TitledSection>
  );
}

function PlanFigures({ planId, view }: { planId: string; view: PlanView }) {
  const goals = view.goals ?? [];
  const count = (status: string) => goals.filter((goal) => goal.content.status === status).length;
  const steps = stepProgress(goals);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="xs" component="dl" m={0}>
        <Figure term="Goals" value={goals.length} />
        <Figure term="In progress" value={count("in-progress")} />
        <Figure term="Done" value={count("done")} />
      </SimpleGrid>
      {steps.total > 0 && (
        <Stack gap={4}>
          <Text size="sm">
            {steps.done} of {steps.total} action steps done
          </Text>
          <Progress
            value={Math.round((steps.done / steps.total) * 100)}
            aria-label={`${steps.done} of ${steps.total} action steps done`}
            radius="xl"
          />
        </Stack>
      )}
      <Group gap="md">
        <AnchorLink
          to="/growth-plans/$planId"
          params={{ planId }}
          search={{ step: "goals" }}
          size="sm"
        >
          {goals.length === 0 ? "Set your first goal" : "Goals"}
        </AnchorLink>
        {view.energy && (
          <AnchorLink
            to="/growth-plans/$planId"
            params={{ planId }}
            search={{ step: "energy" }}
            size="sm"
          >
            Energy journal ({view.energy.entryCount}{" "}
            {view.energy.entryCount === 1 ? "entry" : "entries"})
          </AnchorLink>
        )}
      </Group>
    </Stack>
  );
}

function Figure({ term, value }: { term: string; value: number }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}
