import { Alert, Badge, Group, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { RolePage } from "#core/career/frameworks.schemas.ts";
import { careerMapQuery, rolePageQuery } from "../../api/career.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import classes from "./career.module.css";
import { sortRoles } from "./career-map.ts";
import { CareerLinks } from "./career-nav.tsx";
import { scaleText } from "./career-scale.ts";
import { compareRoles, countDifferences, differenceLabels } from "./role-compare.ts";
import { ScrollableTable } from "./scrollable-table.tsx";

const routeApi = getRouteApi("/app/career/$frameworkId/compare");

export function RoleComparePage() {
  usePageTitle("Compare roles");
  const { frameworkId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const map = useQuery(careerMapQuery(frameworkId));
  const a = useQuery({ ...rolePageQuery(frameworkId, search.a ?? ""), enabled: Boolean(search.a) });
  const b = useQuery({ ...rolePageQuery(frameworkId, search.b ?? ""), enabled: Boolean(search.b) });
  const options = sortRoles(map.data?.roles ?? []).map((role) => ({
    value: role.key,
    label: `${role.title} (${role.department}, level ${role.level})`,
  }));

  return (
    <Stack gap="lg">
      <Title order={1}>Compare roles</Title>
      <CareerLinks />
      <QueryStatus query={map} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="First role"
          searchable
          data={options}
          value={search.a ?? null}
          onChange={(key) =>
            void navigate({
              search: (previous) => ({ ...previous, a: key ?? undefined }),
              replace: true,
            })
          }
        />
        <Select
          label="Second role"
          searchable
          data={options}
          value={search.b ?? null}
          onChange={(key) =>
            void navigate({
              search: (previous) => ({ ...previous, b: key ?? undefined }),
              replace: true,
            })
          }
        />
      </SimpleGrid>
      {search.a && !a.data && <QueryStatus query={a} />}
      {search.b && !b.data && <QueryStatus query={b} />}
      {a.data && b.data ? (
        <Comparison a={a.data} b={b.data} />
      ) : (
        <Text c="dimmed">Choose two roles to see their expectations side by side.</Text>
      )}
    </Stack>
  );
}

function Comparison({ a, b }: { a: RolePage; b: RolePage }) {
  const rows = compareRoles(a, b);
  const differences = countDifferences(rows);
  const heading = (page: RolePage) => (
    <AnchorLink
      to="/career/$frameworkId/roles/$roleKey"
      params={{ frameworkId: page.frameworkId, roleKey: page.role.key }}
    >
      {page.role.title}
    </AnchorLink>
  );
  return (
    <Stack gap="md">
      <Alert variant="light" color="gray" role="status">
        {differences === 0
          ? "These roles expect the same on every competency."
          : `${differences} of ${rows.length} competencies differ. Rows that differ are marked with a bar and say how.`}
      </Alert>
      <ScrollableTable label="Comparison of the two roles" minWidth={600}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Competency</Table.Th>
              <Table.Th scope="col">{heading(a)}</Table.Th>
              <Table.Th scope="col">{heading(b)}</Table.Th>
              <Table.Th scope="col">Difference</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-differs={row.difference !== "same" || undefined}>
                <Table.Th scope="row" fw={500}>
                  <div className={row.difference !== "same" ? classes.changed : undefined}>
                    {row.name}
                    <Text size="xs" c="dimmed">
                      {row.themeName}
                    </Text>
                  </div>
                </Table.Th>
                <Table.Td>{scaleText(a.scale, row.a)}</Table.Td>
                <Table.Td>{scaleText(b.scale, row.b)}</Table.Td>
                <Table.Td>
                  {row.difference === "same" ? (
                    <Text size="sm" c="dimmed">
                      {differenceLabels.same}
                    </Text>
                  ) : (
                    <Badge variant="outline" tt="none">
                      {differenceLabels[row.difference]}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollableTable>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {a.role.department === b.role.department
            ? `Both in ${a.role.department}.`
            : `${a.role.department} → ${b.role.department}: a move to another department.`}
        </Text>
      </Group>
    </Stack>
  );
}
