import { Group, Stack, Title } from "@mantine/core";
import { IconBell, IconCalendar } from "@tabler/icons-react";
import { ButtonLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { ActiveSessionsSection } from "./active-sessions-section.tsx";
import { ApiTokensSection } from "./api-tokens-section.tsx";
import { ChangePasswordSection } from "./change-password-section.tsx";
import { ProfileSection } from "./profile-section.tsx";
import { YourDataSection } from "./your-data-section.tsx";

export function AccountPage() {
  usePageTitle("Account");

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>Account</Title>
      <ProfileSection />
      <TitledSection
        title="Notifications"
        description="Email, in-app or off for each kind, a digest, quiet hours and a weekly limit on reminder emails."
      >
        <Group>
          <ButtonLink
            to="/account/notifications"
            variant="light"
            leftSection={<IconBell size={16} aria-hidden />}
          >
            Notification preferences
          </ButtonLink>
        </Group>
      </TitledSection>
      <ChangePasswordSection />
      <ActiveSessionsSection />
      <ApiTokensSection />
      <TitledSection
        title="Calendar feed"
        description="Your check-ins, due dates and learning time in your own calendar app."
      >
        <Group>
          <ButtonLink
            to="/account/calendar"
            variant="light"
            leftSection={<IconCalendar size={16} aria-hidden />}
          >
            Calendar feed settings
          </ButtonLink>
        </Group>
      </TitledSection>
      <YourDataSection />
    </Stack>
  );
}
