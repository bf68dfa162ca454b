import { BarChart } from "@mantine/charts";
import { SimpleGrid, Table } from "@mantine/core";

export interface ChartBar {
  label: string;
  value: number;
}

/**
 * A small horizontal bar chart with the same numbers in a table beside it (the table is what
 * assistive technology reads). Loaded with its page only when first drawn: recharts is large.
 */
export function BarsWithTable({
  title,
  bars,
  valueLabel,
}: {
  title: string;
  bars: readonly ChartBar[];
  valueLabel: string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <div role="img" aria-label={`Bar chart: ${title}; the table beside it has the same numbers.`}>
        <BarChart
          h={Math.max(120, bars.length * 40)}
          data={bars.map((bar) => ({ label: bar.label, [valueLabel]: bar.value }))}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 140 }}
          xAxisProps={{ allowDecimals: false }}
          series={[{ name: valueLabel, color: "trellis.6" }]}
          withBarValueLabel
          gridAxis="x"
        />
      </div>
      <Table fz="sm" striped horizontalSpacing="xs" captionSide="top">
        <Table.Caption>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">{valueLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((bar) => (
            <Table.Tr key={bar.label}>
              <Table.Th scope="row" fw={400}>
                {bar.label}
              </Table.Th>
              <Table.Td>{bar.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}

/** Per manager in the subtree: their group's figures side by side, and the same as a table. */
export function GroupsChart({
  groups,
}: {
  groups: readonly {
    name: string;
    people: number;
    conversationsOverdue: number;
    stalePlans: number;
  }[];
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <div
        role="img"
        aria-label="Bar chart of overdue conversations and stale plans per manager; the table beside it has the same numbers."
      >
        <BarChart
          h={Math.max(140, groups.length * 56)}
          data={groups.map((group) => ({
            label: group.name,
            "Conversations overdue": group.conversationsOverdue,
            "Stale plans": group.stalePlans,
          }))}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 140 }}
          xAxisProps={{ allowDecimals: false }}
          series={[
            { name: "Conversations overdue", color: "red.7" },
            { name: "Stale plans", color: "yellow.7" },
          ]}
          withLegend
          gridAxis="x"
        />
      </div>
      <Table.ScrollContainer minWidth={360}>
        <Table fz="sm" striped horizontalSpacing="xs" captionSide="top">
          <Table.Caption>Per manager</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Manager</Table.Th>
              <Table.Th scope="col">People</Table.Th>
              <Table.Th scope="col">Conversations overdue</Table.Th>
              <Table.Th scope="col">Stale plans</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => (
              <Table.Tr key={group.name}>
                <Table.Th scope="row" fw={400}>
                  {group.name}
                </Table.Th>
                <Table.Td>{group.people}</Table.Td>
                <Table.Td>{group.conversationsOverdue}</Table.Td>
                <Table.Td>{group.stalePlans}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SimpleGrid>
  );
}
