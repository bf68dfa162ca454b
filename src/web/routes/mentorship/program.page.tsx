import { Badge, Button, Group, List, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { ProgramView } from "#core/mentorship/mentorship.schemas.ts";
import {
  mentorshipKeys,
  mentorshipProgramQuery,
  myMatchesQuery,
  programMentorsQuery,
  updateProgram,
} from "../../api/mentorship.api.ts";
import { sessionQuery } from "../../api/session.queries.ts";
import { Markdown } from "../../components/markdown.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ResponsiveModal } from "../../components/responsive-modal.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate } from "../../format/dates.ts";
import { ToneBadge } from "../conversations/tone-badge.tsx";
import { LearningLinks } from "../learning/learning-nav.tsx";
import { MatchCard } from "./match-card.tsx";
import { ApplicationForm, MentorForm } from "./participation-forms.tsx";
import { ProgramForm } from "./program-form.tsx";
import { SuggestionsPanel } from "./suggestions-panel.tsx";

const route = getRouteApi("/app/learning/mentorship/$programId");

export function MentorshipProgramPage() {
  const { programId } = route.useParams();
  const program = useQuery(mentorshipProgramQuery(programId));
  usePageTitle(program.data?.name ?? "Mentorship program");
  return (
    <Stack gap="md">
      <LearningLinks />
      <QueryStatus query={program} />
      {program.data && <ProgramContent program={program.data} />}
    </Stack>
  );
}

function ProgramContent({ program }: { program: ProgramView }) {
  const session = useQuery(sessionQuery);
  const matches = useQuery(myMatchesQuery);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const mine = (matches.data?.items ?? []).filter((match) => match.program.id === program.id);
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{program.name}</Title>
          <Group gap="xs">
            <ToneBadge tone={program.open ? "green" : "gray"}>
              {program.open ? "Open" : "Closed"}
            </ToneBadge>
            {program.groupName && <Badge variant="outline">{program.groupName}</Badge>}
          </Group>
        </Stack>
        {program.canManage && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            Edit program
          </Button>
        )}
      </Group>
      {program.description && <Markdown>{program.description}</Markdown>}
      <Text size="sm">
        Owners: {program.owners.map((owner) => owner.displayName).join(", ") || "none"}
      </Text>
      {program.cohorts.length > 0 && (
        <List size="sm" aria-label="Cohorts">
          {program.cohorts.map((cohort) => (
            <List.Item key={cohort.id}>
              {cohort.name}: {formatCalendarDate(cohort.startsOn)} to{" "}
              {formatCalendarDate(cohort.endsOn)}
            </List.Item>
          ))}
        </List>
      )}
      {mine.length > 0 && (
        <TitledSection title="Your matches in this program">
          <Stack gap="md">
            {mine.map((match) => (
              <MatchCard key={match.id} match={match} />
            ))}
          </Stack>
        </TitledSection>
      )}
      <TitledSection title="Take part">
        <Tabs defaultValue={program.myMentor?.status === "active" ? "mentor" : "mentee"}>
          <Tabs.List>
            <Tabs.Tab value="mentee">Apply as a mentee</Tabs.Tab>
            <Tabs.Tab value="mentor">Sign up as a mentor</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mentee" pt="sm">
            <ApplicationForm key={`a-${program.myApplication?.version ?? 0}`} program={program} />
          </Tabs.Panel>
          <Tabs.Panel value="mentor" pt="sm">
            <MentorForm key={`m-${program.myMentor?.version ?? 0}`} program={program} />
          </Tabs.Panel>
        </Tabs>
      </TitledSection>
      <TitledSection title="Mentors" description="Who mentors in this program, and in what.">
        <MentorDirectory programId={program.id} />
      </TitledSection>
      {program.canManage && (
        <TitledSection
          title="Applications and suggested matches"
          description="Only owners and administrators see the applications. Gaps come from each mentee's latest career assessment, by competency name only."
        >
          <SuggestionsPanel programId={program.id} />
        </TitledSection>
      )}
      <ResponsiveModal opened={editing} onClose={() => setEditing(false)} title="Edit program">
        <ProgramForm
          initial={program}
          canNameOwners={session.data?.user.role === "admin"}
          submitLabel="Save program"
          submit={(body) => updateProgram(program.id, program.version, body)}
          onDone={(saved) => {
            setEditing(false);
            if (saved) notifications.show({ color: "green", message: "The program was saved." });
            void queryClient.invalidateQueries({ queryKey: mentorshipKeys.all });
          }}
        />
      </ResponsiveModal>
    </>
  );
}

function MentorDirectory({ programId }: { programId: string }) {
  const mentors = useQuery(programMentorsQuery(programId));
  if (!mentors.data) return <QueryStatus query={mentors} />;
  if (mentors.data.items.length === 0) return <Text>No mentors yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mentor</Table.Th>
            <Table.Th>Skills</Table.Th>
            <Table.Th>Time zone</Table.Th>
            <Table.Th>Places left</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mentors.data.items.map((mentor) => (
            <Table.Tr key={mentor.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {mentor.person.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {[mentor.division, mentor.bio].filter(Boolean).join(" · ")}
                </Text>
              </Table.Td>
              <Table.Td>{mentor.skills.join(", ")}</Table.Td>
              <Table.Td>{mentor.timeZone}</Table.Td>
              <Table.Td>
                {mentor.capacityLeft} of {mentor.capacity}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
