import { Group } from "@mantine/core";
import { IconClipboardCheck, IconMap2, IconMessages, IconSearch } from "@tabler/icons-react";
import { ButtonLink } from "../../components/router-links.tsx";

/** The career area's own pages, at the top of each of them. */
export function CareerLinks() {
  return (
    <Group gap="xs" component="nav" aria-label="Career">
      <ButtonLink
        to="/career"
        variant="default"
        size="xs"
        leftSection={<IconMap2 size={16} aria-hidden />}
      >
        Career map
      </ButtonLink>
      <ButtonLink
        to="/career/roles"
        variant="default"
        size="xs"
        leftSection={<IconSearch size={16} aria-hidden />}
      >
        Explore roles
      </ButtonLink>
      <ButtonLink
        to="/career/assessments"
        variant="default"
        size="xs"
        leftSection={<IconClipboardCheck size={16} aria-hidden />}
      >
        My assessments
      </ButtonLink>
      <ButtonLink
        to="/career/feedback"
        variant="default"
        size="xs"
        leftSection={<IconMessages size={16} aria-hidden />}
      >
        Feedback requests
      </ButtonLink>
    </Group>
  );
}
