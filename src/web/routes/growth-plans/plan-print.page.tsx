import { Button, Container, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { planQuery } from "../../api/growth-plans.api.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { PlanDocument, planDocumentContent } from "./plan-document.tsx";
import classes from "./plan-print.module.css";

const routeApi = getRouteApi("/growth-plans/$planId/print");

/** The plan as a document for paper or "Save as PDF": no navigation, print styles. */
export function PlanPrintPage() {
  const { planId } = routeApi.useParams();
  const plan = useQuery(planQuery(planId));
  usePageTitle(plan.data ? `${plan.data.plan.title} (print)` : "Print view");

  if (plan.isPending) return <PageLoader />;
  if (plan.isError) {
    return (
      <Container size="md" py="xl">
        {plan.error instanceof Error && "status" in plan.error && plan.error.status === 404 ? (
          <PageNotFound
            title="Growth plan not found"
            message="There is no plan here that you can read."
          />
        ) : (
          <QueryErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
        )}
      </Container>
    );
  }
  const view = plan.data;

  return (
    <Container size="md" py="lg" component="main" className={classes.page}>
      <Stack gap="lg">
        <Group justify="space-between" className={classes.screenOnly}>
          <ButtonLink
            to="/growth-plans/$planId"
            params={{ planId }}
            variant="default"
            leftSection={<IconArrowLeft size={18} aria-hidden />}
          >
            Back to the plan
          </ButtonLink>
          <Button
            leftSection={<IconPrinter size={18} aria-hidden />}
            onClick={() => window.print()}
          >
            Print
          </Button>
        </Group>
        <Stack gap={4}>
          <Title order={1}>{view.plan.title}</Title>
          <Text c="dimmed">
            Growth plan of {view.plan.owner.displayName} ·{" "}
            {view.plan.status === "active" ? "active" : "archived"} · printed{" "}
            {formatDateTime(new Date().toISOString())}
          </Text>
        </Stack>
        <PlanDocument content={planDocumentContent(view)} />
      </Stack>
    </Container>
  );
}
