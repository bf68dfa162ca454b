import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconDownload, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { AdminPeopleQueryInput } from "#core/people-admin.schemas.ts";
import { directoryExportUrl } from "../../api/people.api.ts";
import { listPeopleAsAdmin } from "../../api/people-admin.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { ListPagination } from "../../components/list-pagination.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { AddPersonButton } from "../people/add-person-button.tsx";
import { BulkActions } from "./admin-people-bulk.tsx";
import {
  type AdminPeopleSearch,
  adminPeoplePageSize,
  nextSort,
  toAdminPeopleQuery,
} from "./admin-people-search.ts";
import { AdminPeopleTable } from "./admin-people-table.tsx";

const routeApi = getRouteApi("/app/admin/people");

const adminPeopleQuery = (query: AdminPeopleQueryInput) =>
  queryOptions({
    queryKey: [...peopleQueryKey, "admin", query],
    queryFn: ({ signal }) => listPeopleAsAdmin(query, signal),
    placeholderData: keepPreviousData,
  });

const roleOptions = [
  { value: "member", label: "Member" },
  { value: "admin", label: "Administrator" },
];
const statusOptions = [
  { value: "all", label: "Everyone" },
  { value: "active", label: "Active" },
  { value: "deactivated", label: "Deactivated" },
];

/** Everyone, as administrators manage them: a sortable table, filters and bulk actions. */
export function AdminPeoplePage() {
  usePageTitle("Manage people");
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const onSearchChange = (next: AdminPeopleSearch) =>
    void navigate({ search: next, replace: true });
  const people = useQuery(adminPeopleQuery(toAdminPeopleQuery(search)));
  const options = people.data?.options;
  const [selected, setSelected] = useState<Set<string>>(new Set());

  // A new filter starts a new choice: bulk actions never reach people no longer listed.
  const setFilter = (changes: Partial<AdminPeopleSearch>) => {
    setSelected(new Set());
    onSearchChange({ ...search, ...changes, page: undefined });
  };
  const [searchText, setSearchText] = useState(search.q ?? "");
  const applySearchText = useDebouncedCallback(
    (q: string) => setFilter({ q: q.trim() || undefined }),
    300,
  );

  const total = people.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / adminPeoplePageSize));
  const page = Math.min(search.page ?? 1, pageCount);
  const managerOptions = (options?.managers ?? []).map((manager) => ({
    value: manager.id,
    label: manager.displayName,
  }));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>Manage people</Title>
          <Text c="dimmed">
            Everyone, including deactivated people. Sort by any column, choose people to assign them
            a pathway template or deactivate them, and open a profile to edit or invite someone.
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href={directoryExportUrl({ status: search.status ?? "all" })}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            CSV export
          </Button>
          <AddPersonButton />
        </Group>
      </Group>

      <Paper component="search" aria-label="Filter people" withBorder radius="lg" p="md">
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
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Select
              label="Role"
              placeholder="Any"
              clearable
              data={roleOptions}
              value={search.role ?? null}
              onChange={(role) =>
                setFilter({ role: (role ?? undefined) as AdminPeopleSearch["role"] })
              }
            />
            <Select
              label="Status"
              data={statusOptions}
              allowDeselect={false}
              value={search.status ?? "all"}
              onChange={(status) =>
                setFilter({ status: (status ?? "all") as AdminPeopleSearch["status"] })
              }
            />
            <Select
              label="Department"
              placeholder="Any"
              clearable
              searchable
              nothingFoundMessage="None"
              data={withCurrent(options?.departments ?? [], search.department)}
              value={search.department ?? null}
              onChange={(department) => setFilter({ department: department ?? undefined })}
            />
            <Select
              label="Manager"
              placeholder="Anyone"
              clearable
              searchable
              nothingFoundMessage="None"
              data={managerOptions}
              value={search.manager ?? null}
              onChange={(manager) => setFilter({ manager: manager ?? undefined })}
            />
          </SimpleGrid>
        </Stack>
      </Paper>

      <BulkActions selected={selected} options={options} onDone={() => setSelected(new Set())} />

      {people.isError ? (
        <QueryErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Stack gap="md">
          <Text role="status" size="sm" c="dimmed" aria-busy={people.isFetching}>
            {people.isPending
              ? "Loading…"
              : total === 0
                ? "No one matches. Try fewer words or clear a filter."
                : `${total} ${total === 1 ? "person" : "people"}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}`}
          </Text>
          {people.data && people.data.people.length > 0 && (
            <AdminPeopleTable
              people={people.data.people}
              sort={search.sort ?? "name"}
              order={search.order ?? "asc"}
              onSort={(column) => onSearchChange({ ...search, ...nextSort(search, column) })}
              selected={selected}
              onSelectedChange={setSelected}
            />
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

/** A value from a shared link stays selectable even if no one carries it any more. */
function withCurrent(options: string[], value: string | undefined): string[] {
  return value && !options.includes(value) ? [value, ...options] : options;
}
