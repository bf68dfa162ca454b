import { Stack, Title } from "@mantine/core";
import { usePageTitle } from "../../components/use-page-title.ts";
import { ActiveSessionsSection } from "./active-sessions-section.tsx";
import { ChangePasswordSection } from "./change-password-section.tsx";
import { ProfileSection } from "./profile-section.tsx";

export function AccountPage() {
  usePageTitle("Account");

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>Account</Title>
      <ProfileSection />
      <ChangePasswordSection />
      <ActiveSessionsSection />
    </Stack>
  );
}
