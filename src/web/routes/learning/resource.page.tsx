import { Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { resourceQuery } from "../../api/learning.api.ts";
import { Markdown } from "../../components/markdown.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningLinks } from "./learning-nav.tsx";
import {
  BookmarkButton,
  formatCost,
  formatDuration,
  ResourceBadges,
  ResourceOpenLink,
  ResourceSkills,
} from "./resource-parts.tsx";

const route = getRouteApi("/app/learning/resources/$resourceId");

function Detail({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

export function LearningResourcePage() {
  const { resourceId } = route.useParams();
  const query = useQuery(resourceQuery(resourceId));
  const resource = query.data;
  usePageTitle(resource?.title ?? "Learning resource");
  return (
    <Stack gap="md">
      <LearningLinks />
      <AnchorLink to="/learning" size="sm">
        Back to the directory
      </AnchorLink>
      {!resource ? (
        <QueryStatus query={query} />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4} style={{ flex: "1 1 18rem" }}>
              <Title order={1}>{resource.title}</Title>
              {resource.provider && <Text c="dimmed">{resource.provider}</Text>}
            </Stack>
            <BookmarkButton resource={resource} />
          </Group>
          <ResourceBadges resource={{ ...resource, excerpt: "" }} />
          <ResourceOpenLink url={resource.url} title={resource.title} />
          {resource.description.trim() && <Markdown>{resource.description}</Markdown>}
          <ResourceSkills resource={resource} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Detail label="Audience" value={resource.audience} />
            <Detail label="Language" value={resource.language} />
            <Detail label="Cost" value={formatCost(resource.costMinor, resource.currency)} />
            <Detail label="Duration" value={formatDuration(resource.durationMinutes)} />
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
