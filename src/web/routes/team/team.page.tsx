import { Avatar, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconHierarchy2, IconLayoutDashboard } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { TeamMember, TeamView } from "#core/people.schemas.ts";
import { teamQuery } from "../../api/queries.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PersonLink } from "../../components/person-link.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate, formatTimeIn } from "../../format/dates.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { TeamCareerPanel } from "./team-career-panel.tsx";

export function TeamPage() {
  usePageTitle("My team");
  const user = useCurrentUser();
  const team = useQuery(teamQuery(user.id));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>My team</Title>
          {team.data && <Text c="dimmed">{describeTeam(team.data)}</Text>}
        </Stack>
        <Group gap="xs">
          <ButtonLink
            to="/manager"
            variant="default"
            leftSection={<IconLayoutDashboard size={18} aria-hidden />}
          >
            Manager workspace
          </ButtonLink>
          <ButtonLink
            to="/people/$id/org"
            params={{ id: user.id }}
            variant="default"
            leftSection={<IconHierarchy2 size={18} aria-hidden />}
          >
            Your org chart
          </ButtonLink>
        </Group>
      </Group>
      {team.isPending && <PageLoader />}
      {team.isError && <QueryErrorAlert error={team.error} onRetry={() => void team.refetch()} />}
      {team.data && team.data.reports.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
        >
          {team.data.reports.map((member) => (
            <MemberCard key={member.id} member={member} />
          ))}
        </SimpleGrid>
      )}
      {team.data && team.data.reports.length > 0 && <TeamCareerPanel />}
    </Stack>
  );
}

function describeTeam({ reports, indirectReportCount }: TeamView): string {
  if (reports.length === 0) return "No one reports to you at the moment.";
  const direct = `${reports.length} ${reports.length === 1 ? "person reports" : "people report"} to you directly`;
  if (indirectReportCount === 0) return `${direct}.`;
  return `${direct}, and ${indirectReportCount} who report to them.`;
}

function MemberCard({ member }: { member: TeamMember }) {
  const localTime = member.timeZone ? formatTimeIn(member.timeZone, new Date()) : null;
  const details = [
    member.hireDate ? `Joined ${formatCalendarDate(member.hireDate)}` : null,
    member.location,
    localTime ? `${localTime} local time` : null,
  ].filter(Boolean);

  return (
    <Paper component="li" withBorder radius="lg" p="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar name={member.displayName} color="trellis" radius="xl" aria-hidden />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <PersonLink id={member.id}>{member.displayName}</PersonLink>
          {member.jobTitle && <Text size="sm">{member.jobTitle}</Text>}
          {details.map((detail) => (
            <Text key={detail} size="sm" c="dimmed">
              {detail}
            </Text>
          ))}
          <AnchorLink to="/people/$id/pathway" params={{ id: member.id }} size="sm">
            Pathway
          </AnchorLink>
          {member.directReportCount > 0 && (
            <AnchorLink to="/people/$id/org" params={{ id: member.id }} size="sm">
              Their team: {member.directReportCount}{" "}
              {member.directReportCount === 1 ? "person" : "people"}
            </AnchorLink>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
