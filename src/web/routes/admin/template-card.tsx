import { Badge, Group, Paper, Stack } from "@mantine/core";
import { IconArchive, IconArchiveOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { CompactButton } from "../../components/compact-button.tsx";

/** What sets a template apart (Default, Shipped with Trellis), and whether it is archived. */
export function TemplateBadges({ label, archived }: { label: string | null; archived: boolean }) {
  return (
    <>
      {label && (
        <Badge variant="light" tt="none">
          {label}
        </Badge>
      )}
      {archived && (
        <Badge variant="outline" color="gray" tt="none">
          Archived
        </Badge>
      )}
    </>
  );
}

interface TemplateCardProps {
  name: string;
  /** The name as a link to the template's page. */
  link: ReactNode;
  label: string | null;
  archived: boolean;
  /** Lines about the template under its name. */
  children: ReactNode;
  actions: ReactNode;
}

/** One template of an admin list: the pathway and growth plan template pages share it. */
export function TemplateCard({
  name,
  link,
  label,
  archived,
  children,
  actions,
}: TemplateCardProps) {
  return (
    <Paper component="li" withBorder radius="lg" p="md" aria-label={name}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 18rem", minWidth: 0 }}>
          <Group gap="xs">
            {link}
            <TemplateBadges label={label} archived={archived} />
          </Group>
          {children}
        </Stack>
        <Group gap="xs">{actions}</Group>
      </Group>
    </Paper>
  );
}

/** A list of TemplateCards. */
export function TemplateCardList({ children }: { children: ReactNode }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {children}
    </Stack>
  );
}

/** Archive (it only stops new use) or restore a template. */
export function ArchiveButton({
  name,
  archived,
  pending,
  onClick,
}: {
  name: string;
  archived: boolean;
  pending: boolean;
  onClick: () => void;
}) {
  return archived ? (
    <CompactButton
      variant="default"
      icon={IconArchiveOff}
      loading={pending}
      aria-label={`Restore ${name}`}
      onClick={onClick}
    >
      Restore
    </CompactButton>
  ) : (
    <CompactButton
      icon={IconArchive}
      loading={pending}
      aria-label={`Archive ${name}`}
      onClick={onClick}
    >
      Archive
    </CompactButton>
  );
}
