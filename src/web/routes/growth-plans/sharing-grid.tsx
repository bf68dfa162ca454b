import { Checkbox, CloseButton, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { PlanPerson } from "#core/growth-plan/plans.schemas.ts";
import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
} from "#core/growth-plan/sections.schemas.ts";
import classes from "./sharing-grid.module.css";
import {
  cellLabel,
  columnNames,
  inOrder,
  managerRowId,
  rowName,
  type SharingRow,
} from "./sharing-model.ts";

interface SharingGridProps {
  rows: SharingRow[];
  manager: PlanPerson | null;
  onChange: (rows: SharingRow[]) => void;
}

/**
 * Who sees which section: one row per person, one column per section. A table on a wide screen;
 * on a phone each person is a card of checkboxes. Both name every checkbox the same way
 * ("Section 2 shared with Ana Diaz").
 */
export function SharingGrid(props: SharingGridProps) {
  const isNarrow = useMediaQuery("(max-width: 48em)") ?? false;
  return isNarrow ? <SharingCards {...props} /> : <SharingTable {...props} />;
}

function useRowChanges({ rows, onChange }: SharingGridProps) {
  const replace = (id: string, sections: Iterable<GrowthPlanSectionKey>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, sections: inOrder(sections) } : row)));
  return {
    toggle: (row: SharingRow, section: GrowthPlanSectionKey, on: boolean) =>
      replace(
        row.id,
        on ? [...row.sections, section] : row.sections.filter((key) => key !== section),
      ),
    toggleAll: (row: SharingRow, on: boolean) => replace(row.id, on ? growthPlanSectionKeys : []),
    remove: (row: SharingRow) => onChange(rows.filter((other) => other.id !== row.id)),
  };
}

function RowHeader({ row, manager }: { row: SharingRow; manager: PlanPerson | null }) {
  if (row.id !== managerRowId) return <Text fw={600}>{row.displayName}</Text>;
  return (
    <Stack gap={0}>
      <Text fw={600}>Your manager</Text>
      <Text size="sm" c="dimmed">
        {manager ? manager.displayName : "None at the moment"}
      </Text>
    </Stack>
  );
}

function EveryCheckbox({
  row,
  manager,
  onChange,
  label,
}: {
  row: SharingRow;
  manager: PlanPerson | null;
  onChange: (on: boolean) => void;
  label?: string;
}) {
  const all = row.sections.length === growthPlanSectionKeys.length;
  return (
    <Checkbox
      label={label}
      aria-label={`Everything shared with ${rowName(row, manager)}`}
      checked={all}
      indeterminate={!all && row.sections.length > 0}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}

function RemoveButton({ row, onRemove }: { row: SharingRow; onRemove: () => void }) {
  if (row.id === managerRowId) return null;
  return (
    <CloseButton size="sm" aria-label={`Stop sharing with ${row.displayName}`} onClick={onRemove} />
  );
}

function SharingTable(props: SharingGridProps) {
  const { rows, manager } = props;
  const change = useRowChanges(props);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table className={classes.grid} verticalSpacing="xs" withRowBorders>
        <Table.Caption className={classes.caption}>
          Who sees each section: one row per person
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            <Table.Th scope="col" className={classes.cell}>
              Everything
            </Table.Th>
            {growthPlanSectionKeys.map((key) => (
              <Table.Th scope="col" key={key} className={classes.cell}>
                {columnNames[key]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row">
                <Group gap={4} wrap="nowrap" justify="space-between">
                  <RowHeader row={row} manager={manager} />
                  <RemoveButton row={row} onRemove={() => change.remove(row)} />
                </Group>
              </Table.Th>
              <Table.Td className={classes.cell}>
                <Group justify="center">
                  <EveryCheckbox
                    row={row}
                    manager={manager}
                    onChange={(on) => change.toggleAll(row, on)}
                  />
                </Group>
              </Table.Td>
              {growthPlanSectionKeys.map((key) => (
                <Table.Td key={key} className={classes.cell}>
                  <Group justify="center">
                    <Checkbox
                      data-row={row.id}
                      aria-label={cellLabel(key, row, manager)}
                      checked={row.sections.includes(key)}
                      onChange={(event) => change.toggle(row, key, event.currentTarget.checked)}
                    />
                  </Group>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SharingCards(props: SharingGridProps) {
  const { rows, manager } = props;
  const change = useRowChanges(props);
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {rows.map((row) => (
        <Paper component="li" key={row.id} withBorder radius="md" p="sm">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <RowHeader row={row} manager={manager} />
              <RemoveButton row={row} onRemove={() => change.remove(row)} />
            </Group>
            <EveryCheckbox
              row={row}
              manager={manager}
              label="Everything"
              onChange={(on) => change.toggleAll(row, on)}
            />
            <div className={classes.cardChoices}>
              {growthPlanSectionKeys.map((key) => (
                <Checkbox
                  key={key}
                  data-row={row.id}
                  label={columnNames[key]}
                  aria-label={cellLabel(key, row, manager)}
                  checked={row.sections.includes(key)}
                  onChange={(event) => change.toggle(row, key, event.currentTarget.checked)}
                />
              ))}
            </div>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
