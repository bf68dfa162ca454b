import {
  Alert,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { roleTrackLabels } from "#core/career/framework.schemas.ts";
import type { CareerMap } from "#core/career/frameworks.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { careerMapQuery, careerPositionQuery, frameworksQuery } from "../../api/career.api.ts";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { filterCareerMap, pathsFrom } from "./career-map.ts";
import { CareerMapGraph, EdgeLegend } from "./career-map-graph.tsx";
import { CareerMapList } from "./career-map-list.tsx";
import { CareerLinks } from "./career-nav.tsx";
import type { RoleFilterSearch } from "./career-search.ts";

/** `/career` shows the framework of the reader's own role (or the first); `/career/$frameworkId` one. */
export function CareerMapPage() {
  usePageTitle("Career map");
  const params = useParams({ strict: false }) as { frameworkId?: string };
  const user = useCurrentUser();
  const frameworks = useQuery(frameworksQuery);
  const position = useQuery({ ...careerPositionQuery(user.id), enabled: !params.frameworkId });
  const published = frameworks.data?.frameworks.filter((framework) => framework.published) ?? [];
  const frameworkId =
    params.frameworkId ??
    (position.isPending
      ? undefined
      : (position.data?.currentRole?.frameworkId ?? published[0]?.id));
  const navigate = useNavigate();

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Career map</Title>
        <Text c="dimmed" maw={720}>
          The roles of your company and the moves between them: steps up, lateral moves and moves to
          other departments. Growth is not only upward; every path here is a real option.
        </Text>
      </Stack>
      <CareerLinks />
      <QueryStatus query={frameworks} />
      {published.length > 1 && frameworkId && (
        <Select
          label="Framework"
          maw={360}
          data={published.map((framework) => ({
            value: framework.id,
            label: framework.isSample ? `${framework.name} (example)` : framework.name,
          }))}
          value={frameworkId}
          allowDeselect={false}
          onChange={(id) => {
            if (id) void navigate({ to: "/career/$frameworkId", params: { frameworkId: id } });
          }}
        />
      )}
      {frameworks.data && published.length === 0 && (
        <Paper withBorder radius="lg" p="lg">
          <Text>No career framework has been published yet. Your administrators can add one.</Text>
        </Paper>
      )}
      {frameworkId && <FrameworkMap frameworkId={frameworkId} />}
    </Stack>
  );
}

function FrameworkMap({ frameworkId }: { frameworkId: string }) {
  const map = useQuery(careerMapQuery(frameworkId));
  if (map.error instanceof ApiError && map.error.status === 404) {
    return (
      <PageNotFound
        title="Framework not found"
        message="No published career framework you can see has this address."
      />
    );
  }
  if (!map.data) return <QueryStatus query={map} />;
  return <MapView map={map.data} />;
}

function MapView({ map }: { map: CareerMap }) {
  const search = useSearch({ strict: false }) as RoleFilterSearch;
  const navigate = useNavigate();
  const isNarrow = useMediaQuery("(max-width: 48em)") ?? false;
  const view = search.view ?? (isNarrow ? "list" : "map");
  const [highlightMine, setHighlightMine] = useState(map.myRoleKey !== null);
  const setSearch = (patch: Partial<RoleFilterSearch>) =>
    void navigate({
      to: "/career/$frameworkId",
      params: { frameworkId: map.frameworkId },
      search: { ...search, ...patch },
      replace: true,
    });

  const filtered = useMemo(
    () => filterCareerMap(map, { department: search.department, track: search.track }),
    [map, search.department, search.track],
  );
  const highlight = useMemo(
    () => (highlightMine && map.myRoleKey ? pathsFrom(map.edges, map.myRoleKey) : null),
    [highlightMine, map.edges, map.myRoleKey],
  );
  const openRole = (roleKey: string) =>
    void navigate({
      to: "/career/$frameworkId/roles/$roleKey",
      params: { frameworkId: map.frameworkId, roleKey },
    });

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        <Select
          label="Department"
          placeholder="All departments"
          clearable
          data={map.departments}
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
        <SegmentedControl
          aria-label="Show as"
          data={[
            { value: "map", label: "Map" },
            { value: "list", label: "List" },
          ]}
          value={view}
          onChange={(value) => setSearch({ view: value as "map" | "list" })}
        />
        <Switch
          label="Highlight paths from my role"
          checked={highlight !== null}
          disabled={map.myRoleKey === null}
          onChange={(event) => setHighlightMine(event.currentTarget.checked)}
          description={
            map.myRoleKey === null ? "You have no role in this framework yet" : undefined
          }
        />
      </Group>
      {filtered.roles.length === 0 ? (
        <Alert color="gray" variant="light">
          No role matches these filters.
        </Alert>
      ) : view === "map" ? (
        <Stack gap="xs">
          <CareerMapGraph
            roles={filtered.roles}
            edges={filtered.edges}
            myRoleKey={map.myRoleKey}
            highlight={highlight}
            onOpenRole={openRole}
          />
          <EdgeLegend />
          <Text size="sm" c="dimmed">
            Drag to move the map. Your own role is marked with a star and a thicker border.
          </Text>
        </Stack>
      ) : (
        <CareerMapList
          frameworkId={map.frameworkId}
          families={map.families}
          roles={filtered.roles}
          edges={filtered.edges}
          myRoleKey={map.myRoleKey}
          highlight={highlight}
        />
      )}
    </Stack>
  );
}
