import { Button, Center, Group, Pagination, Stack, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { ListEditor } from "../../components/list-editor.tsx";
import { pageOfEntries } from "./career-framework-editing.ts";

interface EntryListProps<Item extends { uid: string }> {
  /** "roles": names the search box and the page buttons. */
  noun: string;
  items: readonly Item[];
  /** What the search matches and what names an entry. */
  nameOf: (item: Item, index: number) => string;
  onRemove: (item: Item, index: number) => void;
  onAdd: () => void;
  addLabel: string;
  addDisabled?: boolean;
  addButtonId: string;
  error?: ReactNode;
  /** Positions of entries with a message, which may be on another page. */
  entriesWithErrors?: ReadonlySet<number>;
  empty: string;
  /** The inputs of one entry, given its place in the whole list. */
  children: (item: Item, index: number) => ReactNode;
}

/**
 * A ListEditor for the long lists of a framework (up to 200 roles, 2,000 edges): a search box
 * and pages of 20, so a keystroke re-renders one page of inputs rather than the whole list.
 */
export function EntryList<Item extends { uid: string }>(props: EntryListProps<Item>) {
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const shown = pageOfEntries(props.items, props.nameOf, query, page);
  const entries = shown.entries;
  const indexOf = new Map(entries.map(({ item, index }) => [item.uid, index]));
  const placeOf = (item: Item) => indexOf.get(item.uid) ?? 0;

  const pageOfIndex = (index: number) => Math.floor(index / 20) + 1;
  const elsewhere = [...(props.entriesWithErrors ?? [])]
    .filter((index) => !indexOf.has(props.items[index]?.uid ?? ""))
    .sort((a, b) => a - b);

  return (
    <Stack gap="sm">
      {elsewhere.length > 0 && (
        <Group gap="xs" role="alert">
          <Text size="sm" c="red">
            Problems on other pages:
          </Text>
          {elsewhere.slice(0, 10).map((index) => {
            const item = props.items[index];
            return (
              item && (
                <Button
                  key={item.uid}
                  size="compact-sm"
                  variant="light"
                  color="red"
                  onClick={() => {
                    setQuery("");
                    setPage(pageOfIndex(index));
                  }}
                >
                  {props.nameOf(item, index)}
                </Button>
              )
            );
          })}
        </Group>
      )}
      {props.items.length > 20 && (
        <Group gap="sm" align="flex-end">
          <TextInput
            label={`Find ${props.noun}`}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setPage(1);
            }}
            maw={360}
          />
          <Text size="sm" c="dimmed" role="status">
            {shown.matching} of {props.items.length} {props.noun}
          </Text>
        </Group>
      )}
      <ListEditor
        items={entries.map(({ item }) => item)}
        keyOf={(item) => item.uid}
        heading={(item) => props.nameOf(item, placeOf(item))}
        removeLabel={(item) => `Remove ${props.nameOf(item, placeOf(item))}`}
        onRemove={(item) => props.onRemove(item, placeOf(item))}
        empty={props.empty}
        error={props.error}
        addLabel={props.addLabel}
        onAdd={() => {
          // The new entry is the last one: show the last page.
          setQuery("");
          setPage(Math.ceil((props.items.length + 1) / 20));
          props.onAdd();
        }}
        addDisabled={props.addDisabled ?? false}
        addButtonId={props.addButtonId}
      >
        {(item) => props.children(item, placeOf(item))}
      </ListEditor>
      {shown.pageCount > 1 && (
        <Center>
          <Pagination
            total={shown.pageCount}
            value={Math.min(page, shown.pageCount)}
            onChange={setPage}
            getItemProps={(item) => ({ "aria-label": `${props.noun} page ${item}` })}
          />
        </Center>
      )}
    </Stack>
  );
}
