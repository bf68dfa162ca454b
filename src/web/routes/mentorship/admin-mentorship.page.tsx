import { Stack, Text, Title } from "@mantine/core";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningAdminLinks } from "../learning/learning-nav.tsx";

export function MentorshipAdminPage() {
  usePageTitle("Mentorship programs");
  return (
    <Stack gap="md">
      <LearningAdminLinks />
      <Title order={1}>Mentorship programs</Title>
      <Text c="dimmed">Nothing here yet.</Text>
    </Stack>
  );
}
