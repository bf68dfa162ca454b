import { Button, Card, Group, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import type { ScorePartKey, SuggestedMatch } from "#core/mentorship/mentorship.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { confirmMatch, matchSuggestionsQuery, mentorshipKeys } from "../../api/mentorship.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ToneBadge } from "../conversations/tone-badge.tsx";

const partLabels: Record<ScorePartKey, string> = {
  skills: "Skills wanted",
  gaps: "Assessment gaps",
  timeZone: "Time-zone overlap",
  division: "Different division",
  capacity: "Capacity left",
};

/** Each part of the score as a bar beside its points and reason. */
function ScoreTable({ suggestion, caption }: { suggestion: SuggestedMatch; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Part</Table.Th>
            <Table.Th>Points</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {suggestion.parts.map((part) => (
            <Table.Tr key={part.key}>
              <Table.Td>{partLabels[part.key]}</Table.Td>
              <Table.Td style={{ minWidth: "7rem" }}>
                <Text size="sm">
                  {part.points} of {part.max}
                </Text>
                <Progress
                  value={part.max === 0 ? 0 : (part.points / part.max) * 100}
                  size="sm"
                  aria-hidden
                />
              </Table.Td>
              <Table.Td>{part.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The applications, for owners and admins: each with its match or its suggested mentors. */
export function SuggestionsPanel({ programId }: { programId: string }) {
  const suggestions = useQuery(matchSuggestionsQuery(programId));
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: (pair: { applicationId: string; mentorId: string }) =>
      confirmMatch(programId, pair.applicationId, pair.mentorId),
    onSuccess: (match) => {
      notifications.show({
        color: "green",
        message: `${match.mentor.displayName} now mentors ${match.mentee.displayName}. Both were told.`,
      });
      void queryClient.invalidateQueries({ queryKey: mentorshipKeys.all });
    },
    onError: (error) => {
      notifications.show({ color: "red", message: errorMessage(error) });
      void queryClient.invalidateQueries({ queryKey: mentorshipKeys.all });
    },
  });
  const headingPrefix = useId();
  return (
    <Stack gap="md">
      <QueryStatus query={suggestions} />
      {suggestions.data?.items.length === 0 && <Text>No applications yet.</Text>}
      {suggestions.data?.items.map(({ application, match, suggestions: mentors }) => {
        const headingId = `${headingPrefix}-${application.id}`;
        return (
          <Card key={application.id} withBorder component="article" aria-labelledby={headingId}>
            <Stack gap="xs">
              <Group gap="xs">
                <Title order={3} size="h5" id={headingId}>
                  {application.person.displayName}
                </Title>
                <ToneBadge tone={match ? "green" : "blue"}>
                  {match ? `Matched with ${match.mentor.displayName}` : "Waiting for a mentor"}
                </ToneBadge>
              </Group>
              <Text size="sm">
                <strong>Goals:</strong> {application.goals}
              </Text>
              <Text size="sm">
                <strong>Skills wanted:</strong> {application.skillsWanted.join(", ")}
              </Text>
              {application.preferences && (
                <Text size="sm">
                  <strong>Preferences:</strong> {application.preferences}
                </Text>
              )}
              {!match && mentors.length === 0 && (
                <Text size="sm" c="dimmed">
                  No mentor has a place left.
                </Text>
              )}
              {!match &&
                mentors.map((suggestion) => (
                  <Card key={suggestion.mentor.id} withBorder padding="sm">
                    <Stack gap={4}>
                      <Group justify="space-between">
                        <Text fw={600}>
                          {suggestion.mentor.person.displayName} · score {suggestion.score}
                        </Text>
                        <Button
                          size="xs"
                          loading={confirm.isPending}
                          onClick={() =>
                            confirm.mutate({
                              applicationId: application.id,
                              mentorId: suggestion.mentor.id,
                            })
                          }
                          aria-label={`Confirm ${suggestion.mentor.person.displayName} as mentor of ${application.person.displayName}`}
                        >
                          Confirm match
                        </Button>
                      </Group>
                      <ScoreTable
                        suggestion={suggestion}
                        caption={`Why ${suggestion.mentor.person.displayName} for ${application.person.displayName}`}
                      />
                    </Stack>
                  </Card>
                ))}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
