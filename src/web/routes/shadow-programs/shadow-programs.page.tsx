import { Stack, Text, Title } from "@mantine/core";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";

export function ShadowProgramsPage() {
  usePageTitle("Shadow programs");
  return (
    <Stack gap="md">
      <LearningLinks />
      <Title order={1}>Shadow programs</Title>
      <Text c="dimmed">Nothing here yet.</Text>
    </Stack>
  );
}
