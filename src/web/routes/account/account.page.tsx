import { Group, Stack, Title } from "@mantine/core";
import { IconCalendar } from "@tabler/icons-react";
import { ButtonLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
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
    </Stack>
  );
}
