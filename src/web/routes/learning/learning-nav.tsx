import { Group } from "@mantine/core";
import { IconBooks, IconCalendarEvent, IconCoin, IconEye, IconUsers } from "@tabler/icons-react";
import { ButtonLink } from "../../components/router-links.tsx";

const icon = { size: 16, "aria-hidden": true } as const;

/** The learning area's own pages, at the top of each of them. */
export function LearningLinks() {
  return (
    <Group gap="xs" component="nav" aria-label="Learning">
      <ButtonLink to="/learning" variant="default" size="xs" leftSection={<IconBooks {...icon} />}>
        Directory
      </ButtonLink>
      <ButtonLink
        to="/learning/calendar"
        variant="default"
        size="xs"
        leftSection={<IconCalendarEvent {...icon} />}
      >
        Live learning
      </ButtonLink>
      <ButtonLink
        to="/learning/mentorship"
        variant="default"
        size="xs"
        leftSection={<IconUsers {...icon} />}
      >
        Mentorship
      </ButtonLink>
      <ButtonLink
        to="/learning/shadow"
        variant="default"
        size="xs"
        leftSection={<IconEye {...icon} />}
      >
        Shadow programs
      </ButtonLink>
      <ButtonLink
        to="/learning/benefit"
        variant="default"
        size="xs"
        leftSection={<IconCoin {...icon} />}
      >
        Growth benefit
      </ButtonLink>
    </Group>
  );
}

/** The administration pages of learning and programs, at the top of each of them. */
export function LearningAdminLinks() {
  return (
    <Group gap="xs" component="nav" aria-label="Learning administration">
      <ButtonLink
        to="/admin/learning"
        variant="default"
        size="xs"
        leftSection={<IconBooks {...icon} />}
      >
        Resources
      </ButtonLink>
      <ButtonLink
        to="/admin/live-sessions"
        variant="default"
        size="xs"
        leftSection={<IconCalendarEvent {...icon} />}
      >
        Live sessions
      </ButtonLink>
      <ButtonLink
        to="/admin/mentorship"
        variant="default"
        size="xs"
        leftSection={<IconUsers {...icon} />}
      >
        Mentorship
      </ButtonLink>
      <ButtonLink
        to="/admin/shadow-programs"
        variant="default"
        size="xs"
        leftSection={<IconEye {...icon} />}
      >
        Shadow programs
      </ButtonLink>
      <ButtonLink
        to="/admin/benefits"
        variant="default"
        size="xs"
        leftSection={<IconCoin {...icon} />}
      >
        Benefit
      </ButtonLink>
    </Group>
  );
}
