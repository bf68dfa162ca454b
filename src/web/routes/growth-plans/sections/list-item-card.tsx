import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { type ReactNode, useId } from "react";

/** One editable entry of a list (a resource, a check-in, a win), named for assistive technology. */
export function ListItemCard({
  heading,
  onRemove,
  removeLabel,
  children,
}: {
  heading: string;
  onRemove: () => void;
  removeLabel: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap="sm" role="group" aria-labelledby={headingId}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={3} size="h6" id={headingId} style={{ overflowWrap: "anywhere" }}>
            {heading}
          </Title>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onRemove}
            aria-label={removeLabel}
          >
            Remove
          </Button>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

export function ItemList({ children }: { children: ReactNode }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {children}
    </Stack>
  );
}
