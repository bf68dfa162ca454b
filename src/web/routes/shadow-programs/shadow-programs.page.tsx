import { Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import {
  myShadowApplicationsQuery,
  shadowApprovalsQuery,
  shadowProgramsQuery,
  withdrawApplication,
} from "../../api/shadow-programs.api.ts";
import { Markdown } from "../../components/markdown.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";
import { ActionButton, ApplicationCard, DecisionButton } from "./shadow-parts.tsx";

const withdrawable = new Set(["pending_manager", "pending_owner", "waitlisted", "confirmed"]);

/** Shadow programs: what waits for the caller's decision, the programs, the caller's applications. */
export function ShadowProgramsPage() {
  usePageTitle("Shadow programs");
  const programs = useQuery(shadowProgramsQuery);
  const mine = useQuery(myShadowApplicationsQuery);
  const approvals = useQuery(shadowApprovalsQuery);
  const asManager = approvals.data?.asManager ?? [];
  const asOwner = approvals.data?.asOwner ?? [];

  return (
    <Stack gap="lg" maw={960}>
      <LearningLinks />
      <Stack gap={4}>
        <Title order={1}>Shadow programs</Title>
        <Text c="dimmed">
          Spend a rotation beside a leader or a team. Apply with your motivation: your manager
          approves first, then the program's owner gives you a seat or a place on the waitlist.
        </Text>
      </Stack>

      <QueryStatus query={approvals} />
      {(asManager.length > 0 || asOwner.length > 0) && (
        <TitledSection
          title="Waiting for your decision"
          description="Applications of the people who report to you, and to the programs you run."
        >
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {asManager.map((application) => (
              <ApplicationCard
                key={application.id}
                application={application}
                heading={application.applicant.name}
                actions={<DecisionButton application={application} as="manager" />}
              />
            ))}
            {asOwner.map((application) => (
              <ApplicationCard
                key={application.id}
                application={application}
                heading={application.applicant.name}
                actions={
                  <>
                    <DecisionButton application={application} as="owner" />
                    <ButtonLink
                      size="xs"
                      variant="default"
                      to="/learning/shadow/programs/$programId"
                      params={{ programId: application.program.id }}
                    >
                      Open the program
                    </ButtonLink>
                  </>
                }
              />
            ))}
          </Stack>
        </TitledSection>
      )}

      <TitledSection title="Programs">
        <QueryStatus query={programs} />
        {programs.data && programs.data.items.length === 0 && (
          <Text c="dimmed">No shadow programs yet.</Text>
        )}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {programs.data?.items.map((program) => (
            <Card key={program.id} component="li" withBorder radius="md" aria-label={program.name}>
              <Stack gap="xs">
                <Group justify="space-between" gap="xs">
                  <Title order={3} size="h5">
                    {program.name}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {program.upcomingRotations === 1
                      ? "1 rotation open"
                      : `${program.upcomingRotations} rotations open`}
                  </Text>
                </Group>
                <Markdown>{program.description}</Markdown>
                <Text size="sm">Run by {program.owners.map((owner) => owner.name).join(", ")}</Text>
                <Group>
                  <ButtonLink
                    size="xs"
                    to="/learning/shadow/programs/$programId"
                    params={{ programId: program.id }}
                    aria-label={`Open the program ${program.name}`}
                  >
                    Open the program
                  </ButtonLink>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      </TitledSection>

      <TitledSection title="My applications">
        <QueryStatus query={mine} />
        {mine.data && mine.data.items.length === 0 && (
          <Text c="dimmed">You have not applied to a rotation yet.</Text>
        )}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {mine.data?.items.map((application) => (
            <ApplicationCard
              key={application.id}
              application={application}
              heading={application.program.name}
              actions={
                withdrawable.has(application.status) && (
                  <ActionButton
                    label="Withdraw"
                    ariaLabel={`Withdraw from ${application.program.name}`}
                    confirmColor="red"
                    run={() => withdrawApplication(application.id)}
                  />
                )
              }
            />
          ))}
        </Stack>
      </TitledSection>
    </Stack>
  );
}
