import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CreateEnergyEntryBody, energyLevelLabels } from "#core/growth-plan/energy.schemas.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  deleteEnergyEntry,
  energyEntriesQuery,
  growthPlansQueryKey,
  logEnergyEntry,
  planQuery,
} from "../../api/growth-plans.api.ts";
import { EnergyLevelField } from "../../components/energy-level-field.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { errorOfStringList } from "../../forms/field-paths.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import journalClasses from "./energy-journal.module.css";
import { EnergySummaryView } from "./energy-summary.tsx";
import { EnergyTrend } from "./energy-trend.tsx";

/** The week of quick energy entries and what they add up to. */
export function EnergyJournal({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const summaries = (
    <Stack gap="xl" style={{ minWidth: 0 }}>
      <EnergySummaryView planId={planId} canEdit={canEdit} />
      <EnergyTrend planId={planId} />
    </Stack>
  );
  if (!canEdit) {
    return (
      <Stack gap="xl">
        {summaries}
        <RecentEntries planId={planId} canEdit={false} />
      </Stack>
    );
  }
  // The form comes first: on a phone it is the first thing under the step's heading.
  return (
    <div className={journalClasses.layout}>
      <Stack gap="xl" style={{ minWidth: 0 }}>
        <QuickEntryForm planId={planId} />
        <RecentEntries planId={planId} canEdit />
      </Stack>
      {summaries}
    </div>
  );
}

function invalidateJournal(queryClient: ReturnType<typeof useQueryClient>, planId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [...growthPlansQueryKey, "energy-entries", planId] }),
    queryClient.invalidateQueries({ queryKey: [...growthPlansQueryKey, "energy-summary", planId] }),
    // The plan's own count of entries says whether the journal is filled in.
    queryClient.invalidateQueries({ queryKey: planQuery(planId).queryKey, exact: true }),
  ]);
}

export function QuickEntryForm({ planId }: { planId: string }) {
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreateEnergyEntryBody,
    mode: "controlled",
    initialValues: { level: null as number | null, activity: "", tags: [] as string[], note: "" },
    submit: (body) => logEnergyEntry(planId, body),
    onSuccess: async (entry) => {
      form.setValues({ level: null, activity: "", tags: [], note: "" });
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
        <EnergyLevelField
          value={form.values.level}
          error={levelError as string | undefined}
          onChange={(level) => form.setFieldValue("level", level)}
        />
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
