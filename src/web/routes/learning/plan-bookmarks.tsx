import { Anchor, Group, List, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { planBookmarksQuery } from "../../api/learning.api.ts";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { ResourceBadges } from "./resource-parts.tsx";

/**
 * The plan owner's learning directory bookmarks, in the plan's Exploration section. The server
 * answers only readers of that section, so a reader who may not see it never gets here.
 */
export function PlanBookmarks({ planId, isOwner }: { planId: string; isOwner: boolean }) {
  const query = useQuery(planBookmarksQuery(planId));
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const items = query.data?.items;
  if (!items) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={`bookmarks-${planId}`}>
      <Title order={3} size="h5" id={`bookmarks-${planId}`}>
        Bookmarked in the learning directory
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {isOwner ? (
            <>
              Nothing bookmarked yet.{" "}
              <AnchorLink to="/learning">Find courses and programs in the directory</AnchorLink>
            </>
          ) : (
            "Nothing bookmarked yet."
          )}
        </Text>
      ) : (
        <List spacing="xs" size="sm" aria-label="Bookmarked resources">
          {items.map((resource) => (
            <List.Item key={resource.id}>
              <Group gap="xs">
                <AnchorLink
                  to="/learning/resources/$resourceId"
                  params={{ resourceId: resource.id }}
                  fw={600}
                >
                  {resource.title}
                </AnchorLink>
                <ResourceBadges resource={resource} />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {isOwner && items.length > 0 && (
        <Anchor href="/learning" size="sm">
          Find more in the learning directory
        </Anchor>
      )}
    </Stack>
  );
}
