import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { FeedbackQueue } from "#core/career/assessments.schemas.ts";
import { feedbackQueueQuery } from "../../api/career.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import { feedbackStatusLabels } from "./assessment-labels.ts";
import { CareerLinks } from "./career-nav.tsx";

export function FeedbackQueuePage() {
  usePageTitle("Feedback requests");
  const queue = useQuery(feedbackQueueQuery);
  const requests = queue.data?.requests ?? [];
  const pending = requests.filter((request) => request.status === "pending");
  const done = requests.filter((request) => request.status !== "pending");

  return (
    <Stack gap="lg">
      <Stack gap={4} maw={720}>
        <Title order={1}>Feedback requests</Title>
        <Text c="dimmed">
          Colleagues who asked you to rate them against a role. A peer's answer is only ever shown
          to them as part of an average of at least three peers.
        </Text>
      </Stack>
      <CareerLinks />
      <QueryStatus query={queue} />
      {queue.data && requests.length === 0 && (
        <Paper withBorder radius="lg" p="lg">
          <Text>No one has asked you for feedback.</Text>
        </Paper>
      )}
      {pending.length > 0 && <RequestGroup title="Waiting for you" requests={pending} />}
      {done.length > 0 && <RequestGroup title="Answered or declined" requests={done} />}
    </Stack>
  );
}

type QueueRequest = z.infer<typeof FeedbackQueue>["requests"][number];

function RequestGroup({ title, requests }: { title: string; requests: QueueRequest[] }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {requests.map((request) => (
          <Paper key={request.id} component="li" withBorder radius="md" p="md">
            <Group justify="space-between" gap="sm">
              <Stack gap={2}>
                <AnchorLink
                  to="/career/feedback/$requestId"
                  params={{ requestId: request.id }}
                  fw={600}
                >
                  {request.requester.name}: {request.roleTitle}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  Asked {formatDateTime(request.createdAt)} as their {request.relation}
                  {request.dueOn ? ` · answer by ${formatCalendarDate(request.dueOn)}` : ""}
                </Text>
              </Stack>
              <Badge variant={request.status === "pending" ? "filled" : "light"} tt="none">
                {feedbackStatusLabels[request.status]}
              </Badge>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
