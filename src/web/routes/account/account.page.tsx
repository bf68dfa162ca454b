import { Paper, Stack, Text, Title } from "@mantine/core";
import { AnchorLink } from "../../components/router-links.tsx";
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
      <Paper
        withBorder
        radius="md"
        p="md"
        component="section"
        aria-labelledby="account-notifications"
      >
        <Stack gap="xs">
          <Title order={2} size="h4" id="account-notifications">
            Notifications
          </Title>
          <Text size="sm">
            Choose email, in-app or off for each kind, a digest, quiet hours and a weekly limit on
            reminder emails.{" "}
            <AnchorLink to="/account/notifications">Notification preferences</AnchorLink>
          </Text>
        </Stack>
      </Paper>
      <ChangePasswordSection />
      <ActiveSessionsSection />
    </Stack>
  );
}
