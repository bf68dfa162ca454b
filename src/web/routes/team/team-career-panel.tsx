import { Badge, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { teamCareerQuery } from "../../api/career.api.ts";
import { PersonLink } from "../../components/person-link.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { formatCalendarDate } from "../../format/dates.ts";

/** Each report's role, target role and readiness, from what they chose to share. */
export function TeamCareerPanel() {
  const career = useQuery(teamCareerQuery);
  return (
    <TitledSection
      title="Career"
      description="Current and target roles, and readiness from the assessments your reports shared with you."
    >
      <QueryStatus query={career} />
      {career.data && career.data.reports.length === 0 && (
        <Text size="sm">No one reports to you.</Text>
      )}
      {career.data && career.data.reports.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Current role</Table.Th>
                <Table.Th scope="col">Target role</Table.Th>
                <Table.Th scope="col">Latest shared assessment</Table.Th>
                <Table.Th scope="col">Asks for your feedback</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {career.data.reports.map((row) => {
                const assessment = row.latestSharedAssessment;
                return (
                  <Table.Tr key={row.person.id}>
                    <Table.Th scope="row" fw={500}>
                      <PersonLink id={row.person.id}>{row.person.name}</PersonLink>
                    </Table.Th>
                    <Table.Td>{row.currentRoleTitle ?? "—"}</Table.Td>
                    <Table.Td>{row.targetRoleTitle ?? "—"}</Table.Td>
                    <Table.Td>
                      {assessment ? (
                        <>
                          <AnchorLink
                            to="/career/assessments/$assessmentId"
                            params={{ assessmentId: assessment.id }}
                          >
                            {assessment.roleTitle}
                          </AnchorLink>
                          <Text size="xs" c="dimmed">
                            {assessment.readiness
                              ? `Meets ${assessment.readiness.met} of ${assessment.readiness.expected} expectations`
                              : assessment.status === "finished"
                                ? "Finished"
                                : "In progress"}
                            {assessment.finishedAt
                              ? ` · ${formatCalendarDate(assessment.finishedAt.slice(0, 10))}`
                              : ""}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">
                          None shared
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {row.pendingRequestsForMe > 0 ? (
                        <AnchorLink to="/career/feedback">
                          <Badge tt="none">{row.pendingRequestsForMe} waiting</Badge>
                        </AnchorLink>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </TitledSection>
  );
}
