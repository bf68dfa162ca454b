import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { formatDateTime } from "../../format/dates.ts";

export type FrameworkPageKey = "draft" | "expectations" | "versions";

const pages: { key: FrameworkPageKey; label: string }[] = [
  { key: "draft", label: "Draft" },
  { key: "expectations", label: "Expectations grid" },
  { key: "versions", label: "Publish and versions" },
];

const paths = {
  draft: "/admin/career-frameworks/$frameworkId",
  expectations: "/admin/career-frameworks/$frameworkId/expectations",
  versions: "/admin/career-frameworks/$frameworkId/versions",
} as const;

/** The three pages of one framework share a heading and the links between them. */
export function FrameworkPageLayout({
  frameworkId,
  name,
  page,
  details,
  children,
}: {
  frameworkId: string;
  name: string;
  page: FrameworkPageKey;
  details?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="lg" maw={page === "expectations" ? undefined : 1040}>
      <AnchorLink to="/admin/career-frameworks" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Career frameworks
        </Group>
      </AnchorLink>
      <Stack gap={6}>
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {name}
        </Title>
        {details}
      </Stack>
      <Group component="nav" aria-label="Parts of the framework" gap="xs">
        {pages.map((entry) => (
          <ButtonLink
            key={entry.key}
            to={paths[entry.key]}
            params={{ frameworkId }}
            size="compact-md"
            variant={entry.key === page ? "filled" : "default"}
            aria-current={entry.key === page ? "page" : undefined}
          >
            {entry.label}
          </ButtonLink>
        ))}
      </Group>
      {children}
    </Stack>
  );
}

/** The version a draft page works on, and whether it differs from what is published. */
export function DraftDetails({ version, updatedAt }: { version: number; updatedAt: string }) {
  return (
    <Group gap="xs">
      <Badge variant="light" tt="none">
        Draft
      </Badge>
      <Text size="sm" c="dimmed">
        Draft version {version} · saved {formatDateTime(updatedAt)}
      </Text>
    </Group>
  );
}
