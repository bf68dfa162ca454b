import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArchive, IconArchiveOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { CompactButton } from "../../components/compact-button.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TemplateStatusControl, type TemplateStatusFilter } from "./template-status-filter.tsx";

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
  /** The template's page, which its name links to. */
  link:
    | {
        to: "/admin/pathway-templates/$templateId" | "/admin/growth-plan-templates/$templateId";
        params: { templateId: string };
      }
    | { to: "/admin/career-frameworks/$frameworkId"; params: { frameworkId: string } };
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
            <AnchorLink {...link} fw={600} style={{ overflowWrap: "anywhere" }}>
              {name}
            </AnchorLink>
            <TemplateBadges label={label} archived={archived} />
          </Group>
          {children}
        </Stack>
        <Group gap="xs">{actions}</Group>
      </Group>
    </Paper>
  );
}

interface TemplateListPageProps {
  title: string;
  description: string;
  /** Beside the title: how to add templates. */
  actions: ReactNode;
  /** Lists whose entries can be archived filter by status. */
  status?: TemplateStatusFilter;
  onStatusChange?: (status: TemplateStatusFilter) => void;
  query: Parameters<typeof QueryStatus>[0]["query"];
  /** How many templates are shown; undefined while they load. */
  count: number | undefined;
  emptyMessage: string;
  /** The TemplateCards. */
  children: ReactNode;
}

/** An admin page listing templates: the pathway and growth plan template pages share it. */
export function TemplateListPage(props: TemplateListPageProps) {
  return (
    <Stack gap="lg" maw={1040}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 20rem" }}>
          <Title order={1}>{props.title}</Title>
          <Text c="dimmed">{props.description}</Text>
        </Stack>
        <Group gap="xs">{props.actions}</Group>
      </Group>
      {props.status && props.onStatusChange && (
        <TemplateStatusControl value={props.status} onChange={props.onStatusChange} />
      )}
      <QueryStatus query={props.query} />
      {props.count === 0 && <Text c="dimmed">{props.emptyMessage}</Text>}
      {props.count !== undefined && props.count > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {props.children}
        </Stack>
      )}
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
