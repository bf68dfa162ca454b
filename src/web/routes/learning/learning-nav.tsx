import { Group } from "@mantine/core";
import { IconBooks, IconCalendarEvent, IconCoin, IconEye, IconUsers } from "@tabler/icons-react";
import type { ComponentProps } from "react";
import { ButtonLink } from "../../components/router-links.tsx";

type Destination = {
  to: ComponentProps<typeof ButtonLink>["to"];
  label: string;
  icon: typeof IconBooks;
};

const memberPages: readonly Destination[] = [
  { to: "/learning", label: "Directory", icon: IconBooks },
  { to: "/learning/calendar", label: "Live learning", icon: IconCalendarEvent },
  { to: "/learning/mentorship", label: "Mentorship", icon: IconUsers },
  { to: "/learning/shadow", label: "Shadow programs", icon: IconEye },
  { to: "/learning/benefit", label: "Growth benefit", icon: IconCoin },
];

const adminPages: readonly Destination[] = [
  { to: "/admin/learning", label: "Resources", icon: IconBooks },
  { to: "/admin/live-sessions", label: "Live sessions", icon: IconCalendarEvent },
  { to: "/admin/mentorship", label: "Mentorship", icon: IconUsers },
  { to: "/admin/shadow-programs", label: "Shadow programs", icon: IconEye },
  { to: "/admin/benefits", label: "Benefit", icon: IconCoin },
];

function PageLinks({ label, pages }: { label: string; pages: readonly Destination[] }) {
  return (
    <Group gap="xs" component="nav" aria-label={label}>
      {pages.map(({ to, label: text, icon: Icon }) => (
        <ButtonLink
          key={to}
          to={to}
          variant="default"
          size="xs"
          leftSection={<Icon size={16} aria-hidden />}
        >
          {text}
        </ButtonLink>
      ))}
    </Group>
  );
}

/** The learning area's own pages, at the top of each of them. */
export function LearningLinks() {
  return <PageLinks label="Learning" pages={memberPages} />;
}

/** The administration pages of learning and programs, at the top of each of them. */
export function LearningAdminLinks() {
  return <PageLinks label="Learning administration" pages={adminPages} />;
}
