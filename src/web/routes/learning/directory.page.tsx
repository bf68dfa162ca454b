import { Stack, Text, Title } from "@mantine/core";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";

export function LearningDirectoryPage() {
  usePageTitle("Learning directory");
  return (
    <Stack gap="md">
      <LearningLinks />
      <Title order={1}>Learning directory</Title>
      <Text c="dimmed">Nothing here yet.</Text>
    </Stack>
  );
}
