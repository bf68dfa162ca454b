import { Stack, Text, Title } from "@mantine/core";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";

export function BenefitPage() {
  usePageTitle("Growth and development benefit");
  return (
    <Stack gap="md">
      <LearningLinks />
      <Title order={1}>Growth and development benefit</Title>
      <Text c="dimmed">Nothing here yet.</Text>
    </Stack>
  );
}
