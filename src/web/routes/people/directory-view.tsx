import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconDownload, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { PersonSummary } from "#core/people.schemas.ts";
import { directoryExportUrl } from "../../api/people.api.ts";
import { directoryFiltersQuery, directoryQuery } from "../../api/queries.ts";
import { ListPagination } from "../../components/list-pagination.tsx";
import { PersonLink } from "../../components/person-link.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { AddPersonButton } from "./add-person-button.tsx";
import {
  type DirectorySearch,
  type DirectoryStatus,
  directoryPageSize,
  toDirectoryQuery,
} from "./directory-search.ts";

interface DirectoryViewProps {
  title: string;
  intro: ReactNode;
  search: DirectorySearch;
  /** Which people the page lists before anyone picks a status. */
  defaultStatus: DirectoryStatus;
  /** Replaces the search in the address bar; a changed filter starts again at page 1. */
  onSearchChange: (next: DirectorySearch) => void;
}

const statusOptions = [
  { value: "active", label: "Active" },
  { value: "deactivated", label: "Deactivated" },
  { value: "all", label: "Everyone" },
];

/** The people directory; administrators also see status, export and "Add person". */
export function DirectoryView({
  title,
  intro,
  search,
  defaultStatus,
  onSearchChange,
}: DirectoryViewProps) {
  usePageTitle(title);
  const isAdmin = useCurrentUser().role === "admin";
  const status = search.status ?? defaultStatus;
  const people = useQuery(directoryQuery(toDirectoryQuery(search, defaultStatus)));
  const filters = useQuery(directoryFiltersQuery);

  const setFilter = (changes: Partial<DirectorySearch>) =>
    onSearchChange({ ...search, ...changes, page: undefined });

  const [searchText, setSearchText] = useState(search.q ?? "");
  const applySearchText = useDebouncedCallback(
    (q: string) => setFilter({ q: q.trim() || undefined }),
    300,
  );

  const total = people.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / directoryPageSize));
  const page = Math.min(search.page ?? 1, pageCount);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{title}</Title>
          <Text c="dimmed">{intro}</Text>
        </Stack>
        {isAdmin && (
          <Group gap="xs">
            <Button
              component="a"
              href={directoryExportUrl({ status })}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              CSV export
            </Button>
            <AddPersonButton />
          </Group>
        )}
      </Group>

      <Paper component="search" aria-label="Find people" withBorder radius="lg" p="md">
        <Stack gap="sm">
          <TextInput
            label="Search"
            maw={560}
            type="search"
            placeholder="Name, email, title or department"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={searchText}
            onChange={(event) => {
              setSearchText(event.currentTarget.value);
              applySearchText(event.currentTarget.value);
            }}
          />
          <SimpleGrid cols={{ base: 2, md: isAdmin ? 4 : 3 }} spacing="sm">
            <FilterSelect
              label="Division"
              options={filters.data?.divisions}
              value={search.division}
              onChange={(division) => setFilter({ division })}
            />
            <FilterSelect
              label="Department"
              options={filters.data?.departments}
              value={search.department}
              onChange={(department) => setFilter({ department })}
            />
            <FilterSelect
              label="Team"
              options={filters.data?.teams}
              value={search.team}
              onChange={(team) => setFilter({ team })}
            />
            {isAdmin && (
              <Select
                label="Status"
                data={statusOptions}
                allowDeselect={false}
                value={status}
                onChange={(value) =>
                  setFilter({ status: (value ?? defaultStatus) as DirectoryStatus })
                }
              />
            )}
          </SimpleGrid>
        </Stack>
      </Paper>

      {people.isError ? (
        <QueryErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Stack gap="md">
          <Text role="status" size="sm" c="dimmed" aria-busy={people.isFetching}>
            {people.isPending
              ? "Searching…"
              : total === 0
                ? "No one matches. Try fewer words or clear a filter."
                : `${total} ${total === 1 ? "person" : "people"}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}`}
          </Text>
          {people.data && people.data.people.length > 0 && (
            <>
              <PeopleTable people={people.data.people} showStatus={isAdmin} />
              <PeopleCards people={people.data.people} showStatus={isAdmin} />
            </>
          )}
          <ListPagination
            pageCount={pageCount}
            page={page}
            onPageChange={(next) =>
              onSearchChange({ ...search, page: next > 1 ? next : undefined })
            }
          />
        </Stack>
      )}
    </Stack>
  );
}

function FilterSelect({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: string[] | undefined;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  // A value from a shared link stays selectable even if no one carries it any more.
  const data = value && options && !options.includes(value) ? [value, ...options] : (options ?? []);
  return (
    <Select
      label={label}
      placeholder="Any"
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchable
      clearable
      nothingFoundMessage="None"
    />
  );
}

function StatusBadge({ person }: { person: PersonSummary }) {
  if (person.status === "active") return null;
  return (
    <Badge color="red" variant="light" tt="none" size="sm">
      Deactivated
    </Badge>
  );
}

function placeOf(person: PersonSummary): string {
  return [person.department, person.team].filter(Boolean).join(" · ");
}

function PeopleTable({ people, showStatus }: { people: PersonSummary[]; showStatus: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640} visibleFrom="sm">
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Job title</Table.Th>
            <Table.Th scope="col">Department and team</Table.Th>
            <Table.Th scope="col">Location</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Group gap="xs">
                    <PersonLink id={person.id}>{person.displayName}</PersonLink>
                    {showStatus && <StatusBadge person={person} />}
                  </Group>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                    {person.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{person.jobTitle}</Table.Td>
              <Table.Td>{placeOf(person)}</Table.Td>
              <Table.Td>{person.location}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PeopleCards({ people, showStatus }: { people: PersonSummary[]; showStatus: boolean }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} hiddenFrom="sm" style={{ listStyle: "none" }}>
      {people.map((person) => (
        <Paper component="li" key={person.id} withBorder radius="md" p="sm">
          <Stack gap={2}>
            <Group gap="xs">
              <PersonLink id={person.id}>{person.displayName}</PersonLink>
              {showStatus && <StatusBadge person={person} />}
            </Group>
            {person.jobTitle && <Text size="sm">{person.jobTitle}</Text>}
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {[placeOf(person), person.location].filter(Boolean).join(" · ") || person.email}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
