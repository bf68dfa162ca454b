import { Stack, Text, Title } from "@mantine/core";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningAdminLinks } from "../learning/learning-nav.tsx";

export function LiveSessionsAdminPage() {
  usePageTitle("Live sessions");
  return (
    <Stack gap="md">
      <LearningAdminLinks />
      <Title order={1}>Live sessions</Title>
      <Text c="dimmed">Nothing here yet.</Text>
    </Stack>
  );
}
