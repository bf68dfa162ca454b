import {
  Badge,
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
import { IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { roleTrackLabels } from "#core/career/framework.schemas.ts";
import { roleSearchQuery } from "../../api/career.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { CareerLinks } from "./career-nav.tsx";
import type { RoleFilterSearch } from "./career-search.ts";

const routeApi = getRouteApi("/app/career/roles");

export function RoleExplorerPage() {
  usePageTitle("Explore roles");
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const [text, setText] = useState(search.q ?? "");
  const setSearch = (patch: Partial<RoleFilterSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true });
  const searchText = useDebouncedCallback(
    (q: string) => setSearch({ q: q.trim() || undefined }),
    250,
  );
  const results = useQuery({
    ...roleSearchQuery({ q: search.q, department: search.department, track: search.track }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Explore roles</Title>
        <Text c="dimmed" maw={720}>
          Every role in your company's career frameworks, across departments. Open one to see what
          it expects, where it leads, and how it compares with your own.
        </Text>
      </Stack>
      <CareerLinks />
      <Group gap="md" align="flex-end" role="search">
        <TextInput
          label="Search roles"
          placeholder="Title, family or summary"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            searchText(event.currentTarget.value);
          }}
          w={320}
        />
        <Select
          label="Department"
          placeholder="All departments"
          clearable
          data={results.data?.departments ?? (search.department ? [search.department] : [])}
          value={search.department ?? null}
          onChange={(department) => setSearch({ department: department ?? undefined })}
          w={240}
        />
        <Select
          label="Track"
          placeholder="Both tracks"
          clearable
          data={Object.entries(roleTrackLabels).map(([value, label]) => ({ value, label }))}
          value={search.track ?? null}
          onChange={(track) =>
            setSearch({ track: (track as RoleFilterSearch["track"]) ?? undefined })
          }
          w={220}
        />
      </Group>
      <QueryStatus query={results} />
      {results.data && (
        <Text size="sm" c="dimmed" role="status">
          {results.data.roles.length === 1 ? "1 role" : `${results.data.roles.length} roles`}
        </Text>
      )}
      {results.data && results.data.roles.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
        >
          {results.data.roles.map((role) => (
            <Paper
              key={`${role.frameworkId}/${role.key}`}
              component="li"
              withBorder
              radius="lg"
              p="md"
            >
              <Stack gap={4}>
                <AnchorLink
                  to="/career/$frameworkId/roles/$roleKey"
                  params={{ frameworkId: role.frameworkId, roleKey: role.key }}
                  fw={600}
                  style={{ overflowWrap: "anywhere" }}
                >
                  {role.title}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {role.department} · {role.familyName} · Level {role.level}
                  {role.levelName ? ` (${role.levelName})` : ""}
                </Text>
                <Group gap={4}>
                  <Badge variant="light" tt="none">
                    {roleTrackLabels[role.track]}
                  </Badge>
                  <Badge variant="outline" color="gray" tt="none">
                    {role.frameworkName}
                  </Badge>
                </Group>
                {role.summary && (
                  <Text size="sm" lineClamp={3}>
                    {role.summary}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
