import { LineChart } from "@mantine/charts";
import { Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { energySummaryQuery } from "../../api/growth-plans.api.ts";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import classes from "./energy-journal.module.css";
import { rangeOfWeeks, weeksOf } from "./energy-weeks.ts";

// The trend: average energy week by week, as a line and as a table beside it.

const trendWeeks = 8;

export function EnergyTrend({ planId }: { planId: string }) {
  const headingId = useId();
  const range = rangeOfWeeks(trendWeeks, new Date().toISOString().slice(0, 10));
  const summary = useQuery(energySummaryQuery(planId, range));
  if (summary.isError) {
    return <QueryErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  if (!summary.data) return null;
  const weeks = weeksOf(summary.data.byDay, range);
  const logged = weeks.filter((week) => week.count > 0);

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} className={classes.summary}>
      <Title order={3} size="h5" id={headingId}>
        Your energy week by week
      </Title>
      {logged.length === 0 ? (
        <Text size="sm" c="dimmed">
          No entries in the last {trendWeeks} weeks yet. The trend appears once you log.
        </Text>
      ) : (
        <div className={classes.trend}>
          <div
            role="img"
            aria-label={`Line chart of average energy per week over the last ${trendWeeks} weeks; the table beside it lists the same numbers.`}
          >
            <LineChart
              h={220}
              data={weeks.map((week) => ({
                week: formatCalendarDate(week.weekOf),
                "Average energy": week.averageLevel,
              }))}
              dataKey="week"
              series={[{ name: "Average energy", color: "trellis.7" }]}
              yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5], width: 28 }}
              xAxisProps={{ interval: "preserveStartEnd" }}
              referenceLines={[{ y: 3, color: "gray.6", label: "Steady" }]}
              valueFormatter={(value) => value.toFixed(1)}
              connectNulls
              withTooltip={false}
              curveType="monotone"
            />
          </div>
          <Table fz="sm" horizontalSpacing="xs" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Week of</Table.Th>
                <Table.Th scope="col">Average (entries)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {logged.map((week) => (
                <Table.Tr key={week.weekOf}>
                  <Table.Th scope="row" fw={500}>
                    {formatCalendarDate(week.weekOf)}
                  </Table.Th>
                  <Table.Td>
                    {week.averageLevel?.toFixed(1)} ({week.count})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
