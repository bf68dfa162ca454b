import {
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconCheck,
  IconMinus,
  IconPlus,
  IconTrendingDown,
  IconTrendingUp,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { EnergyGroup } from "#core/growth-plan/energy.schemas.ts";
import type { EnergyTendency } from "#core/growth-plan/sections.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { addEnergyFinding, energySummaryQuery } from "../../api/growth-plans.api.ts";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import classes from "./energy-journal.module.css";
import { storeSavedSection } from "./plan-parts.ts";

// What energizes and what drains: each activity or tag with a bar of its average energy.

type Grouping = "activity" | "tag";

const tendencyLabels = { energizes: "Energizes", drains: "Drains", neutral: "Neutral" } as const;
const tendencyIcons = {
  energizes: IconTrendingUp,
  drains: IconTrendingDown,
  neutral: IconMinus,
} as const;

/** The word and icon of a tendency, in its colour. */
export function TendencyLabel({ tendency }: { tendency: EnergyTendency }) {
  const Icon = tendencyIcons[tendency];
  return (
    <span className={classes.tendency} data-tendency={tendency}>
      <Icon size={16} aria-hidden />
      {tendencyLabels[tendency]}
    </span>
  );
}

/** The last `days` UTC days, today included (the summary's own days are UTC). */
function rangeOfDays(days: number): { from: string; to: string } {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

export function EnergySummaryView({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const [grouping, setGrouping] = useState<Grouping>("activity");
  const [days, setDays] = useState("7");
  const summary = useQuery(energySummaryQuery(planId, rangeOfDays(Number(days))));
  const headingId = useId();

  if (summary.isError) {
    return <QueryErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  const groups = (grouping === "activity" ? summary.data?.byActivity : summary.data?.byTag) ?? [];
  const noun = grouping === "activity" ? "Activity" : "Tag";

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" gap="sm">
        <Title order={3} size="h5" id={headingId}>
          What energizes and what drains you
        </Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label="Period"
            value={days}
            onChange={setDays}
            data={[
              { value: "7", label: "7 days" },
              { value: "30", label: "30 days" },
            ]}
          />
          <SegmentedControl
            size="xs"
            aria-label="Group by"
            value={grouping}
            onChange={(value) => setGrouping(value as Grouping)}
            data={[
              { value: "activity", label: "Activities" },
              { value: "tag", label: "Tags" },
            ]}
          />
        </Group>
      </Group>
      {summary.data && (
        <Text size="sm" c="dimmed">
          {summary.data.entryCount === 0
            ? "No entries in this period yet."
            : `${summary.data.entryCount} ${summary.data.entryCount === 1 ? "entry" : "entries"}, average energy ${summary.data.averageLevel?.toFixed(1)} of 5.`}
        </Text>
      )}
      {groups.length > 0 && (
        <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6}>
          <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>
            <Text span size="xs" c="dimmed">
              Average energy of each {noun.toLowerCase()} from 1 to 5; the dashed line is 3
              (steady). Draining bars are striped.
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{noun}</Table.Th>
              <Table.Th scope="col">Average (entries)</Table.Th>
              <Table.Th scope="col">Tendency</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => (
              <GroupRow key={group.label} group={group} planId={planId} canEdit={canEdit} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function GroupRow({
  group,
  planId,
  canEdit,
}: {
  group: EnergyGroup;
  planId: string;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [added, setAdded] = useState(false);
  const kind = group.tendency === "neutral" ? null : group.tendency;
  const add = useMutation({
    mutationFn: () =>
      addEnergyFinding(planId, {
        kind: kind ?? "energizes",
        subject: group.label,
        averageLevel: group.averageLevel,
        count: group.count,
        note: "",
      }),
    onSuccess: (saved) => {
      storeSavedSection(queryClient, planId, saved);
      setAdded(true);
      notifications.show({ color: "green", message: `Added "${group.label}" to Section 1.` });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500} className={classes.subject}>
        {group.label}
      </Table.Th>
      <Table.Td>
        <Stack gap={2}>
          <Text span size="sm">
            {group.averageLevel.toFixed(1)} ({group.count})
          </Text>
          <div className={classes.track} aria-hidden>
            <div
              className={classes.bar}
              data-tendency={group.tendency}
              style={{ width: `${(group.averageLevel / 5) * 100}%` }}
            />
          </div>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <TendencyLabel tendency={group.tendency} />
          {canEdit && kind && (
            <Button
              size="xs"
              variant="default"
              leftSection={
                added ? <IconCheck size={14} aria-hidden /> : <IconPlus size={14} aria-hidden />
              }
              disabled={added}
              loading={add.isPending}
              onClick={() => add.mutate()}
            >
              {added ? "Added to Section 1" : "Add to Section 1"}
              <VisuallyHidden>: {group.label}</VisuallyHidden>
            </Button>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
