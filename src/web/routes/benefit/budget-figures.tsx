import { BarChart } from "@mantine/charts";
import { SimpleGrid, Table, Text } from "@mantine/core";
import type { BenefitBudget } from "#core/benefits.schemas.ts";
import { formatMoney, minorDigits } from "#core/benefits-money.ts";

/**
 * A budget's figures as a small bar chart with the same numbers in a table beside it (the table
 * is what assistive technology reads). Remaining is amount − spent − committed; pending requests
 * are shown beside and are not taken from it until L&D approves them.
 */
export function BudgetFigures({ budget }: { budget: BenefitBudget }) {
  const money = (minor: number) => formatMoney(minor, budget.currency);
  const rows = [
    { label: "Spent", value: budget.spentMinor, note: "Paid" },
    { label: "Committed", value: budget.committedMinor, note: "Approved, not paid yet" },
    { label: "Remaining", value: budget.remainingMinor, note: "Budget − spent − committed" },
    {
      label: "Pending",
      value: budget.pendingMinor,
      note: `${budget.pendingCount} waiting for approval, not counted yet`,
    },
  ];
  const unit = 10 ** minorDigits(budget.currency);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <div
        role="img"
        aria-label={`Bar chart of the ${budget.fiscalYear.label} budget; the table beside it has the same numbers.`}
      >
        <BarChart
          h={180}
          data={rows.map((row) => ({ label: row.label, [budget.currency]: row.value / unit }))}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 90 }}
          series={[{ name: budget.currency, color: "trellis.6" }]}
          gridAxis="x"
        />
      </div>
      <Table fz="sm" striped horizontalSpacing="xs" captionSide="top">
        <Table.Caption>
          Budget {budget.fiscalYear.label}: {money(budget.amountMinor)}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={400}>
                {row.label}
                <Text size="xs" c="dimmed">
                  {row.note}
                </Text>
              </Table.Th>
              <Table.Td data-testid={`budget-${row.label.toLowerCase()}`}>
                {money(row.value)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}
