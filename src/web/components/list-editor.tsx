import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useId } from "react";
import { CompactButton } from "../components/compact-button.tsx";
import { GroupError } from "./group-error.tsx";

interface ListEditorProps<Item> {
  items: readonly Item[];
  /** A stable key per entry (its id), never its position. */
  keyOf: (item: Item) => string;
  /** What names an entry, for its card and its Remove button. */
  heading: (item: Item, index: number) => string;
  removeLabel: (item: Item, index: number) => string;
  onRemove: (item: Item, index: number) => void;
  /** The inputs of one entry. */
  children: (item: Item, index: number) => ReactNode;
  /** Shown while there are no entries. */
  empty?: ReactNode;
  /** A message about the list as a whole, such as "Use at most 20 goals". */
  error?: ReactNode;
  addLabel: string;
  onAdd: () => void;
  /** The list is full. */
  addDisabled?: boolean;
  /** Where focus goes back to after a removal. */
  addButtonId?: string;
  /** Newest first: the add button stands above the list. */
  addFirst?: boolean;
  addVariant?: "default" | "filled";
}

/**
 * An editable list of entries (resources, check-ins, wins, a template's goals): one card per
 * entry with its inputs and a Remove button, and a button that adds one.
 */
export function ListEditor<Item>({
  items,
  keyOf,
  heading,
  removeLabel,
  onRemove,
  children,
  empty,
  error,
  addLabel,
  onAdd,
  addDisabled = false,
  addButtonId,
  addFirst = false,
  addVariant = "default",
}: ListEditorProps<Item>) {
  const addButton = (
    <Button
      {...(addButtonId ? { id: addButtonId } : {})}
      variant={addVariant}
      leftSection={<IconPlus size={18} aria-hidden />}
      style={{ alignSelf: "flex-start" }}
      disabled={addDisabled}
      onClick={onAdd}
    >
      {addLabel}
    </Button>
  );

  return (
    <Stack gap="sm">
      {addFirst && addButton}
      {items.length === 0 && empty && <Text c="dimmed">{empty}</Text>}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {items.map((item, index) => (
            <ListItemCard
              key={keyOf(item)}
              heading={heading(item, index)}
              removeLabel={removeLabel(item, index)}
              onRemove={() => onRemove(item, index)}
            >
              {children(item, index)}
            </ListItemCard>
          ))}
        </Stack>
      )}
      <GroupError message={error} />
      {!addFirst && addButton}
    </Stack>
  );
}

/** One editable entry of a list, named for assistive technology. */
function ListItemCard({
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
          <CompactButton color="red" icon={IconTrash} onClick={onRemove} aria-label={removeLabel}>
            Remove
          </CompactButton>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** The list with the entry of id `id` changed by `patch`. */
export function patchById<Item extends { id: string }>(
  items: readonly Item[],
  id: string,
  patch: Partial<Item>,
): Item[] {
  return items.map((item) => (item.id === id ? { ...item, ...patch } : item));
}

/** The list without the entry of id `id`. */
export function withoutId<Item extends { id: string }>(items: readonly Item[], id: string): Item[] {
  return items.filter((item) => item.id !== id);
}
