import { BarChart } from "@mantine/charts";
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  CreateEnergyEntryBody,
  type EnergyGroup,
  energyLevelLabels,
  energyLevels,
} from "#core/growth-plan/energy.schemas.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  addEnergyFinding,
  deleteEnergyEntry,
  energyEntriesQuery,
  energySummaryQuery,
  growthPlansQueryKey,
  logEnergyEntry,
} from "../../api/growth-plans.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { errorOfStringList } from "../../forms/field-paths.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import classes from "./growth-plans.module.css";
import { storeSavedSection } from "./plan-parts.ts";

/** The week of quick energy entries and what they add up to. */
export function EnergyJournal({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  return (
    <Stack gap="xl">
      {canEdit && <QuickEntryForm planId={planId} />}
      <EnergySummaryView planId={planId} canEdit={canEdit} />
      <RecentEntries planId={planId} canEdit={canEdit} />
    </Stack>
  );
}

function invalidateJournal(queryClient: ReturnType<typeof useQueryClient>, planId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [...growthPlansQueryKey, "energy-entries", planId] }),
    queryClient.invalidateQueries({ queryKey: [...growthPlansQueryKey, "energy-summary", planId] }),
  ]);
}

export function QuickEntryForm({ planId }: { planId: string }) {
  const queryClient = useQueryClient();
  const legendId = useId();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreateEnergyEntryBody,
    mode: "controlled",
    initialValues: { level: null as number | null, activity: "", tags: [] as string[], note: "" },
    submit: (body) => logEnergyEntry(planId, body),
    onSuccess: async (entry) => {
      // The tags often stay the same from one entry to the next.
      form.setValues({ level: null, activity: "", note: "" });
      notifications.show({
        color: "green",
        message: `Logged: ${energyLevelLabels[entry.level as 1] ?? entry.level} while ${entry.activity}.`,
      });
      await invalidateJournal(queryClient, planId);
    },
  });
  const levelError = form.errors.level;
  const tagsError = errorOfStringList(form.errors, "tags", "Tag");

  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      component="form"
      aria-label="Log your energy"
      noValidate
      onSubmit={onSubmit}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          Log your energy
        </Title>
        <FormErrorAlert message={formError} />
        <fieldset
          className={classes.energyLevels}
          aria-labelledby={legendId}
          aria-describedby={levelError ? `${legendId}-error` : undefined}
        >
          <legend
            id={legendId}
            style={{
              gridColumn: "1 / -1",
              fontSize: "var(--mantine-font-size-sm)",
              fontWeight: 500,
              marginBottom: 4,
            }}
          >
            How is your energy right now?
          </legend>
          {energyLevels.map((value) => (
            <div className={classes.energyLevel} key={value}>
              <input
                type="radio"
                name={`${legendId}-level`}
                id={`${legendId}-${value}`}
                value={value}
                // Where focus goes when the level is missing.
                data-path={value === energyLevels[0] ? "level" : undefined}
                checked={form.values.level === value}
                onChange={() => form.setFieldValue("level", value)}
              />
              <label htmlFor={`${legendId}-${value}`}>
                <strong>{value}</strong> <span>{energyLevelLabels[value]}</span>
              </label>
            </div>
          ))}
        </fieldset>
        {levelError && (
          <Text id={`${legendId}-error`} size="sm" c="var(--mantine-color-error)">
            {levelError}
          </Text>
        )}
        <TextInput
          label="What were you doing?"
          placeholder="e.g. pairing on a bug, 1:1, planning meeting"
          maxLength={growthPlanLimits.shortText}
          {...form.getInputProps("activity")}
        />
        <TagsInput
          label="Tags (optional)"
          placeholder="e.g. meetings, deep work"
          description="Press Enter after each tag."
          maxTags={growthPlanLimits.tagsPerEnergyEntry}
          {...form.getInputProps("tags")}
          error={tagsError}
          aria-invalid={tagsError ? true : undefined}
        />
        <GrowingTextarea
          label="Note (optional)"
          minRows={1}
          maxLength={growthPlanLimits.mediumText}
          {...form.getInputProps("note")}
        />
        <Button
          type="submit"
          size="md"
          leftSection={<IconPlus size={18} aria-hidden />}
          loading={mutation.isPending}
        >
          Log entry
        </Button>
      </Stack>
    </Paper>
  );
}

type Grouping = "activity" | "tag";

function EnergySummaryView({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const [grouping, setGrouping] = useState<Grouping>("activity");
  const [days, setDays] = useState("7");
  const range = rangeOfDays(Number(days));
  const summary = useQuery(energySummaryQuery(planId, range));
  const headingId = useId();

  if (summary.isError) {
    return <QueryErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  const groups = (grouping === "activity" ? summary.data?.byActivity : summary.data?.byTag) ?? [];
  const chartData = groups.map((group) => ({
    label: group.label,
    "Average energy": group.averageLevel,
    count: group.count,
  }));
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
      {chartData.length > 0 && (
        <>
          <div
            role="img"
            aria-label={`Bar chart of average energy per ${noun.toLowerCase()}; the table below lists the same numbers.`}
          >
            <BarChart
              h={Math.max(160, chartData.length * 44)}
              data={chartData}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 120 }}
              xAxisProps={{ domain: [0, 5], ticks: [1, 2, 3, 4, 5] }}
              series={[{ name: "Average energy", color: "trellis.6" }]}
              referenceLines={[{ x: 3, color: "gray.6", label: "Steady" }]}
              valueFormatter={(value) => value.toFixed(1)}
              withBarValueLabel
              gridAxis="x"
            />
          </div>
          <div>
            <Table striped fz="sm" horizontalSpacing="xs">
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
          </div>
        </>
      )}
    </Stack>
  );
}

const tendencyLabels = { energizes: "Energizes", drains: "Drains", neutral: "Neutral" } as const;

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
      <Table.Th scope="row" fw={500}>
        {group.label}
      </Table.Th>
      <Table.Td>
        {group.averageLevel.toFixed(1)} ({group.count})
      </Table.Td>
      <Table.Td>
        {/* The action sits under the badge so the table fits a phone without scrolling. */}
        <Group gap={6}>
          <Badge
            variant="light"
            tt="none"
            color={group.tendency === "energizes" ? "trellis" : "gray"}
            className={group.tendency === "drains" ? classes.drainsBadge : undefined}
          >
            {tendencyLabels[group.tendency]}
          </Badge>
          {canEdit && kind && (
            <Button
              size="compact-xs"
              variant="light"
              disabled={added}
              loading={add.isPending}
              onClick={() => add.mutate()}
            >
              {added ? "Added" : "Add to Section 1"}
              <VisuallyHidden>: {group.label}</VisuallyHidden>
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function RecentEntries({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const entries = useQuery(energyEntriesQuery(planId));
  const remove = useMutation({
    mutationFn: (entryId: string) => deleteEnergyEntry(planId, entryId),
    onSuccess: () => invalidateJournal(queryClient, planId),
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  if (!entries.data || entries.data.entries.length === 0) return null;

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Recent entries
      </Title>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
        {entries.data.entries.slice(0, 20).map((entry) => (
          <Paper component="li" key={entry.id} withBorder radius="md" px="sm" py={6}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm">
                  <strong>
                    {entry.level} · {energyLevelLabels[entry.level as 1] ?? ""}
                  </strong>{" "}
                  {entry.activity}
                  {entry.tags.length > 0 && (
                    <Text component="span" size="xs" c="dimmed">
                      {" "}
                      #{entry.tags.join(" #")}
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at)}
                  {entry.note ? ` · ${entry.note}` : ""}
                </Text>
              </Stack>
              {canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Delete the entry "${entry.activity}" of ${formatDateTime(entry.at)}`}
                  onClick={() => remove.mutate(entry.id)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** The last `days` UTC days, today included (the summary's own days are UTC). */
function rangeOfDays(days: number): { from: string; to: string } {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
