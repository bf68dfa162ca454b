import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  createProgram,
  mentorshipKeys,
  mentorshipProgramsQuery,
} from "../../api/mentorship.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ResponsiveModal } from "../../components/responsive-modal.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useNavigationArea } from "../app/navigation-area.ts";
import { ToneBadge } from "../conversations/tone-badge.tsx";
import { LearningAdminLinks } from "../learning/learning-nav.tsx";
import { ProgramForm } from "./program-form.tsx";

export function MentorshipAdminPage() {
  usePageTitle("Mentorship programs");
  useNavigationArea("/admin/learning");
  const programs = useQuery(mentorshipProgramsQuery);
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <LearningAdminLinks />
      <Group justify="space-between">
        <Title order={1}>Mentorship programs</Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          New program
        </Button>
      </Group>
      <Text c="dimmed">
        Create programs and name their owners. Owners open their program to edit it, see the
        applications and confirm the suggested matches.
      </Text>
      <QueryStatus query={programs} />
      {programs.data &&
        (programs.data.items.length === 0 ? (
          <Text>No programs yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Program</Table.Th>
                  <Table.Th>For</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programs.data.items.map((program) => (
                  <Table.Tr key={program.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/learning/mentorship/$programId"
                        params={{ programId: program.id }}
                      >
                        {program.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      {program.groupName ??
                        (program.audience === "everyone" ? "Everyone" : "A group")}
                    </Table.Td>
                    <Table.Td>
                      <ToneBadge tone={program.open ? "green" : "gray"}>
                        {program.open ? "Open" : "Closed"}
                      </ToneBadge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
      <ResponsiveModal
        opened={creating}
        onClose={() => setCreating(false)}
        title="New mentorship program"
      >
        <ProgramForm
          initial={null}
          canNameOwners
          submitLabel="Create program"
          submit={createProgram}
          onDone={(saved) => {
            setCreating(false);
            if (saved) {
              void queryClient.invalidateQueries({ queryKey: mentorshipKeys.all });
              notifications.show({ color: "green", message: `${saved.name} was created.` });
            }
          }}
        />
      </ResponsiveModal>
    </Stack>
  );
}
