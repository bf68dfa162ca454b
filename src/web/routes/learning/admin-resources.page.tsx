import { Stack, Text, Title } from "@mantine/core";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningAdminLinks } from "../learning/learning-nav.tsx";

export function LearningResourcesAdminPage() {
  usePageTitle("Learning resources");
  return (
    <Stack gap="md">
      <LearningAdminLinks />
      <Title order={1}>Learning resources</Title>
      <Text c="dimmed">Nothing here yet.</Text>
    </Stack>
  );
}
