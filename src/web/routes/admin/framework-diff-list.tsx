import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import { IconMinus, IconPencil, IconPlus } from "@tabler/icons-react";
import type { DiffEntry } from "#core/career/frameworks.schemas.ts";
import {
  type DiffKind,
  describeCounts,
  describeValue,
  diffKindLabels,
  groupDiff,
} from "./framework-diff-view.ts";

const kindLooks: Record<DiffKind, { icon: Icon; color: string }> = {
  added: { icon: IconPlus, color: "green" },
  removed: { icon: IconMinus, color: "red" },
  changed: { icon: IconPencil, color: "blue" },
};

type Change = Pick<DiffEntry, "area" | "kind" | "key" | "label"> &
  Partial<Pick<DiffEntry, "before" | "after">>;

/**
 * Changes grouped by area (roles, expectations, descriptors…), each marked with an icon and a
 * word, so the kind never rests on colour alone. Used by the version diff and the import preview.
 */
export function DiffList({ changes, empty }: { changes: readonly Change[]; empty: string }) {
  const groups = groupDiff(changes);
  if (groups.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap="md">
      {groups.map((group) => (
        <Stack key={group.area} gap="xs" component="section" aria-label={group.label}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {group.label}
            </Title>
            <Text size="sm" c="dimmed">
              {describeCounts(group.counts)}
            </Text>
          </Group>
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
            {group.entries.map((entry) => (
              <DiffLine key={`${entry.kind}:${entry.key}`} entry={entry} />
            ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}

function DiffLine({ entry }: { entry: Change }) {
  const look = kindLooks[entry.kind];
  const showValues =
    entry.kind === "changed" &&
    entry.before !== undefined &&
    entry.after !== undefined &&
    (typeof entry.before !== "object" || entry.before === null);
  return (
    <Paper component="li" withBorder radius="sm" px="sm" py={6}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge
          color={look.color}
          variant="light"
          // The light shades' own text colour is below AA on their tint; the body text is not.
          c="var(--mantine-color-text)"
          tt="none"
          leftSection={<look.icon size={12} aria-hidden />}
          style={{ flexShrink: 0 }}
        >
          {diffKindLabels[entry.kind]}
        </Badge>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {entry.label}
          </Text>
          {showValues && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
              Before: {describeValue(entry.before).slice(0, 300)}
              {"\n"}After: {describeValue(entry.after).slice(0, 300)}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
