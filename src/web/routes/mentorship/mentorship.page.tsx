import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ProgramSummary } from "#core/mentorship/mentorship.schemas.ts";
import { mentorshipProgramsQuery, myMatchesQuery } from "../../api/mentorship.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { ToneBadge } from "../conversations/tone-badge.tsx";
import { LearningLinks } from "../learning/learning-nav.tsx";
import { MatchCard } from "./match-card.tsx";

const partOf = (program: ProgramSummary) =>
  [
    program.viewer.owner ? "You own it" : null,
    program.viewer.mentor === "active" ? "You mentor" : null,
    program.viewer.mentee === "open" ? "You applied" : null,
    program.viewer.mentee === "matched" ? "You are matched" : null,
  ].filter((part): part is string => part !== null);

export function MentorshipPage() {
  usePageTitle("Mentorship");
  const programs = useQuery(mentorshipProgramsQuery);
  const matches = useQuery(myMatchesQuery);
  return (
    <Stack gap="md">
      <LearningLinks />
      <Title order={1}>Mentorship</Title>
      <Text c="dimmed">
        Apply as a mentee or sign up to be a mentor. The program's owners suggest and confirm
        matches; then you and your match agree on goals together.
      </Text>
      {matches.data && matches.data.items.length > 0 && (
        <TitledSection title="Your matches">
          <Stack gap="md">
            {matches.data.items.map((match) => (
              <MatchCard key={match.id} match={match} />
            ))}
          </Stack>
        </TitledSection>
      )}
      <TitledSection title="Programs">
        <QueryStatus query={programs} />
        {programs.data &&
          (programs.data.items.length === 0 ? (
            <Text>No mentorship programs are open to you yet.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {programs.data.items.map((program) => (
                <Card key={program.id} withBorder>
                  <Stack gap={4}>
                    <AnchorLink
                      to="/learning/mentorship/$programId"
                      params={{ programId: program.id }}
                      fw={600}
                    >
                      {program.name}
                    </AnchorLink>
                    <Group gap="xs">
                      <ToneBadge tone={program.open ? "green" : "gray"}>
                        {program.open ? "Open" : "Closed"}
                      </ToneBadge>
                      {program.groupName && <Badge variant="outline">{program.groupName}</Badge>}
                      {partOf(program).map((part) => (
                        <ToneBadge key={part} tone="blue">
                          {part}
                        </ToneBadge>
                      ))}
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          ))}
      </TitledSection>
    </Stack>
  );
}
