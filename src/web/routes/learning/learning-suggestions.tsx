import { List, Stack, Text } from "@mantine/core";
import { IconBulb } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { gapSuggestionsQuery, goalSuggestionsQuery } from "../../api/learning.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { BookmarkButton } from "./resource-parts.tsx";

type Source =
  | { goal: { planId: string; goalId: string } }
  | { gap: { assessmentId: string; competencyKey: string } };

function SuggestionList({ source }: { source: Source }) {
  const query = useQuery(
    "goal" in source
      ? goalSuggestionsQuery(source.goal.planId, source.goal.goalId)
      : gapSuggestionsQuery(source.gap.assessmentId, source.gap.competencyKey),
  );
  if (!query.data) return <QueryStatus query={query} />;
  if (query.data.items.length === 0) {
    return (
      <Text size="sm">
        Nothing in the directory is tagged
        {query.data.skill ? ` ${query.data.skill}` : " with this skill"} yet.{" "}
        <AnchorLink to="/learning">Search the directory</AnchorLink>
      </Text>
    );
  }
  return (
    <List spacing="sm" size="sm" listStyleType="none" aria-label="Suggested resources">
      {query.data.items.map(({ resource, reason }) => (
        <List.Item key={resource.id}>
          <Stack gap={4}>
            <AnchorLink
              to="/learning/resources/$resourceId"
              params={{ resourceId: resource.id }}
              fw={600}
            >
              {resource.title}
            </AnchorLink>
            <Text size="sm" c="dimmed">
              Suggested because it is {reason}.
            </Text>
            <BookmarkButton resource={resource} />
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}

/** Resources for a goal's skill or a gap's competency, loaded when asked for, with the reason. */
export function LearningSuggestionsButton({ source, name }: { source: Source; name: string }) {
  return (
    <ModalButton
      label="Learning suggestions"
      title={`Learning for ${name}`}
      variant="light"
      size="compact-sm"
      leftSection={<IconBulb size={16} aria-hidden />}
      aria-label={`Learning suggestions for ${name}`}
    >
      {() => <SuggestionList source={source} />}
    </ModalButton>
  );
}
