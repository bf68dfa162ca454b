import { Badge, Checkbox, Group, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowsSort, IconArrowUp } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { AdminPeopleSort, AdminPersonRow } from "#core/people-admin.schemas.ts";
import { PersonLink } from "../../components/person-link.tsx";
import { formatDateTime } from "../../format/dates.ts";
import classes from "./admin-people-table.module.css";

interface AdminPeopleTableProps {
  people: AdminPersonRow[];
  sort: AdminPeopleSort;
  order: "asc" | "desc";
  onSort: (column: AdminPeopleSort) => void;
  selected: ReadonlySet<string>;
  onSelectedChange: (next: Set<string>) => void;
}

const columns: { key: AdminPeopleSort; label: string }[] = [
  { key: "name", label: "Name" },
  { key: "role", label: "Role" },
  { key: "status", label: "Status" },
  { key: "manager", label: "Manager" },
  { key: "department", label: "Department" },
  { key: "lastSignIn", label: "Last sign-in" },
];

/** One page of people, sortable by every column, with a checkbox on each row for bulk actions. */
export function AdminPeopleTable({
  people,
  sort,
  order,
  onSort,
  selected,
  onSelectedChange,
}: AdminPeopleTableProps) {
  const onPage = people.map((person) => person.id);
  const chosenOnPage = onPage.filter((id) => selected.has(id)).length;
  const allChosen = chosenOnPage === onPage.length && onPage.length > 0;

  const toggleAll = () => {
    const next = new Set(selected);
    for (const id of onPage) {
      if (allChosen) next.delete(id);
      else next.add(id);
    }
    onSelectedChange(next);
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="People">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={44}>
              <Checkbox
                aria-label="Select everyone on this page"
                checked={allChosen}
                indeterminate={chosenOnPage > 0 && !allChosen}
                onChange={toggleAll}
              />
            </Table.Th>
            {columns.map((column) => (
              <SortableHeader
                key={column.key}
                label={column.label}
                active={sort === column.key}
                order={order}
                onSort={() => onSort(column.key)}
              />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr
              key={person.id}
              bg={selected.has(person.id) ? "var(--mantine-primary-color-light)" : undefined}
            >
              <Table.Td>
                <Checkbox
                  aria-label={`Select ${person.displayName}`}
                  checked={selected.has(person.id)}
                  onChange={() => toggle(person.id)}
                />
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <PersonLink id={person.id}>{person.displayName}</PersonLink>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                    {person.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{person.role === "admin" ? "Administrator" : "Member"}</Table.Td>
              <Table.Td>
                {person.status === "active" ? (
                  "Active"
                ) : (
                  <Badge variant="light" tt="none" size="sm" color="red">
                    Deactivated
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{person.managerName ?? <Dimmed>None</Dimmed>}</Table.Td>
              <Table.Td>
                {person.department ?? <Dimmed>None</Dimmed>}
                {person.team && (
                  <Text size="sm" c="dimmed">
                    {person.team}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {person.lastSignInAt ? formatDateTime(person.lastSignInAt) : <Dimmed>Never</Dimmed>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function SortableHeader({
  label,
  active,
  order,
  onSort,
}: {
  label: string;
  active: boolean;
  order: "asc" | "desc";
  onSort: () => void;
}) {
  const Icon = !active ? IconArrowsSort : order === "asc" ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}
    >
      <UnstyledButton onClick={onSort} className={classes.sort}>
        <Group gap={4} wrap="nowrap">
          <Text span fw={700} size="sm">
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
