import { Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { FacetCount, SearchResourcesQuery } from "#core/learning/resources.schemas.ts";
import { directorySearchQuery } from "../../api/learning.api.ts";
import { ListPagination } from "../../components/list-pagination.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";
import { BookmarkButton, ResourceBadges, ResourceSkills } from "./resource-parts.tsx";

const pageSize = 20;

type FilterName = "kind" | "skill" | "cost" | "duration" | "format";

const filterLabels: Record<FilterName, string> = {
  kind: "Kind",
  skill: "Skill",
  cost: "Cost",
  duration: "Duration",
  format: "Format",
};

/** A filter whose options carry the facet counts of the current search. */
function FacetSelect({
  name,
  facets,
  value,
  onChange,
}: {
  name: FilterName;
  facets: FacetCount[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <Select
      label={filterLabels[name]}
      placeholder="Any"
      clearable
      value={value}
      onChange={onChange}
      data={facets.map((facet) => ({
        value: facet.value,
        label: `${facet.label} (${facet.count})`,
      }))}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function LearningDirectoryPage() {
  usePageTitle("Learning directory");
  const [text, setText] = useState("");
  const [query] = useDebouncedValue(text.trim(), 250);
  const [filters, setFilters] = useState<Partial<Record<FilterName, string>>>({});
  const [page, setPage] = useState(1);
  const search = { q: query, ...filters, page, pageSize } as Partial<SearchResourcesQuery>;
  const results = useQuery(directorySearchQuery(search));
  const data = results.data;

  const setFilter = (name: FilterName, value: string | null) => {
    setPage(1);
    setFilters((current) => {
      const next = { ...current };
      if (value) next[name] = value;
      else delete next[name];
      return next;
    });
  };

  return (
    <Stack gap="md">
      <LearningLinks />
      <Stack gap={4}>
        <Title order={1}>Learning directory</Title>
        <Text c="dimmed">
          Courses, programs, books and more. Bookmark what fits: bookmarks show in your growth
          plan's Exploration section.
        </Text>
      </Stack>
      <TextInput
        label="Search the directory"
        placeholder="Crucial conversations, negotiation, forecasting…"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => {
          setPage(1);
          setText(event.currentTarget.value);
        }}
      />
      {data && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          {(Object.keys(filterLabels) as FilterName[]).map((name) => (
            <FacetSelect
              key={name}
              name={name}
              facets={data.facets[name]}
              value={filters[name] ?? null}
              onChange={(value) => setFilter(name, value)}
            />
          ))}
        </SimpleGrid>
      )}
      {results.isError && (
        <QueryErrorAlert error={results.error} onRetry={() => results.refetch()} />
      )}
      {data && (
        <Stack gap="sm">
          <Text size="sm" aria-live="polite">
            {data.total === 1 ? "1 resource" : `${data.total.toLocaleString()} resources`}
            {data.corrections.length > 0 &&
              `; also searched for ${data.corrections
                .map((correction) => correction.alternatives.join(" or "))
                .join(", ")}`}
          </Text>
          {data.items.length === 0 && (
            <Text c="dimmed">Nothing matches: try other words or fewer filters.</Text>
          )}
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {data.items.map((resource) => (
              <Card component="li" key={resource.id} withBorder radius="md" padding="md">
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Stack gap={2} style={{ flex: "1 1 16rem", minWidth: 0 }}>
                      <AnchorLink
                        to="/learning/resources/$resourceId"
                        params={{ resourceId: resource.id }}
                        fw={600}
                      >
                        {resource.title}
                      </AnchorLink>
                      {resource.provider && (
                        <Text size="sm" c="dimmed">
                          {resource.provider}
                        </Text>
                      )}
                    </Stack>
                    <BookmarkButton resource={resource} />
                  </Group>
                  <ResourceBadges resource={resource} />
                  {resource.excerpt && (
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {resource.excerpt}
                    </Text>
                  )}
                  <ResourceSkills resource={resource} />
                </Stack>
              </Card>
            ))}
          </Stack>
          <ListPagination
            pageCount={Math.ceil(data.total / pageSize)}
            page={page}
            onPageChange={setPage}
          />
        </Stack>
      )}
    </Stack>
  );
}
