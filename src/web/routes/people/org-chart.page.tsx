import { Avatar, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type ReactNode, type Ref, useEffect, useRef } from "react";
import type { OrgChart, OrgChartNode } from "#core/people.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { orgChartQuery } from "../../api/queries.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import classes from "./org-chart.module.css";

const routeApi = getRouteApi("/app/people/$id/org");

export function OrgChartPage() {
  const { id } = routeApi.useParams();
  const chart = useQuery(orgChartQuery(id));

  if (chart.isPending) return <PageLoader />;
  if (chart.error instanceof ApiError && chart.error.status === 404) {
    return (
      <PageNotFound
        title="Person not found"
        message="No one you can see has this place in the organization."
      />
    );
  }
  if (chart.isError) {
    return <QueryErrorAlert error={chart.error} onRetry={() => void chart.refetch()} />;
  }
  return <OrgChartView chart={chart.data} />;
}

/**
 * The management chain from the top down to this person, then their direct reports, as nested
 * lists: screen readers announce each level, and every other person is a link one Tab away.
 */
function OrgChartView({ chart }: { chart: OrgChart }) {
  const { person, reports } = chart;
  usePageTitle(`Org chart: ${person.displayName}`);
  const topDown = [...chart.managerChain].reverse();
  const currentRef = useRef<HTMLParagraphElement>(null);
  const shownId = useRef(person.id);
  // Walking the chart replaces the page's content, so focus follows to the person now shown.
  useEffect(() => {
    if (shownId.current === person.id) return;
    shownId.current = person.id;
    currentRef.current?.focus();
  }, [person.id]);

  const reportList =
    reports.length > 0 ? (
      <ul aria-label={`Direct reports of ${person.displayName}`}>
        {reports.map((report) => (
          <li key={report.id}>
            <NodeCard node={report} />
          </li>
        ))}
      </ul>
    ) : null;

  const personItem = (
    <li>
      <NodeCard node={person} current nameRef={currentRef} />
      {reportList}
    </li>
  );

  // Wrap the person in one list level per manager, innermost (nearest manager) first.
  const tree = topDown.reduceRight<ReactNode>(
    (inner, manager) => (
      <li key={manager.id}>
        <NodeCard node={manager} />
        <ul>{inner}</ul>
      </li>
    ),
    personItem,
  );

  return (
    <Stack gap="lg">
      <AnchorLink to="/people/$id" params={{ id: person.id }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {person.displayName}'s profile
        </Group>
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1}>Org chart</Title>
        <Text c="dimmed">
          {topDown.length > 0
            ? `${person.displayName} and the ${topDown.length === 1 ? "manager" : `${topDown.length} managers`} above them`
            : `${person.displayName} is at the top of the organization`}
          {reports.length > 0
            ? `, with ${reports.length} direct ${reports.length === 1 ? "report" : "reports"}.`
            : "."}{" "}
          Select anyone to see the organization from their place.
        </Text>
      </Stack>
      <nav aria-label="Organization">
        <ul className={classes.tree}>{tree}</ul>
      </nav>
    </Stack>
  );
}

interface NodeCardProps {
  node: OrgChartNode;
  current?: boolean;
  nameRef?: Ref<HTMLParagraphElement>;
}

function NodeCard({ node, current = false, nameRef }: NodeCardProps) {
  const name = current ? (
    <Text fw={700} aria-current="page" ref={nameRef} tabIndex={-1}>
      {node.displayName}
    </Text>
  ) : (
    <AnchorLink to="/people/$id/org" params={{ id: node.id }} fw={600}>
      {node.displayName}
    </AnchorLink>
  );

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      className={current ? `${classes.node} ${classes.current}` : classes.node}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar name={node.displayName} color="trellis" radius="xl" aria-hidden />
        <Stack gap={2} style={{ minWidth: 0 }}>
          {name}
          {node.jobTitle && (
            <Text size="sm" c="dimmed">
              {node.jobTitle}
            </Text>
          )}
          <Group gap="xs">
            {node.directReportCount > 0 && (
              <Text size="sm">
                {node.directReportCount} direct{" "}
                {node.directReportCount === 1 ? "report" : "reports"}
              </Text>
            )}
            {node.status === "deactivated" && (
              <Badge color="red" variant="light" tt="none" size="sm">
                Deactivated
              </Badge>
            )}
            {current && (
              <AnchorLink to="/people/$id" params={{ id: node.id }} size="sm">
                View profile
              </AnchorLink>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
