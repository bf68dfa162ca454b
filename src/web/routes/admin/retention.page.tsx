import { Button, Group, List, NumberInput, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import {
  type RetentionCategory,
  type RetentionSettings,
  SaveRetentionSettingsBody,
} from "#core/personal-data-erasure.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  retentionDryRun,
  retentionQueryKey,
  retentionSettingsQuery,
  saveRetentionSettings,
} from "../../api/personal-data-erasure.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";

/** An empty field keeps for ever (null). */
const days = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  SaveRetentionSettingsBody.shape.auditDays,
);
const retentionForm = z.strictObject({
  baseVersion: SaveRetentionSettingsBody.shape.baseVersion,
  auditDays: days,
  notificationDays: days,
  deactivatedDays: days,
});
type Values = {
  baseVersion: number;
  auditDays: number | "";
  notificationDays: number | "";
  deactivatedDays: number | "";
};

const valuesOf = (settings: RetentionSettings): Values => ({
  baseVersion: settings.version,
  auditDays: settings.auditDays ?? "",
  notificationDays: settings.notificationDays ?? "",
  deactivatedDays: settings.deactivatedDays ?? "",
});

function SettingsForm({ settings }: { settings: RetentionSettings }) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: retentionForm,
    initialValues: valuesOf(settings),
    submit: saveRetentionSettings,
    onSuccess: async (saved) => {
      setConflict(null);
      form.setValues(valuesOf(saved));
      await queryClient.invalidateQueries({ queryKey: retentionQueryKey });
    },
    onError: async () => {
      const fresh = await queryClient.fetchQuery({ ...retentionSettingsQuery, staleTime: 0 });
      if (fresh.version !== form.getValues().baseVersion) {
        setConflict(
          "Someone saved the retention settings meanwhile. Your values are kept here; save again to replace theirs.",
        );
        form.setFieldValue("baseVersion", fresh.version);
      }
    },
  });
  const field = (name: "auditDays" | "notificationDays" | "deactivatedDays", label: string) => (
    <NumberInput
      label={label}
      description="Days; leave empty to keep for ever"
      min={1}
      max={36_500}
      allowDecimal={false}
      {...form.getInputProps(name)}
    />
  );
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Retention settings">
      <Stack gap="sm">
        <FormErrorAlert message={conflict ?? formError} />
        {field("auditDays", "Keep audit log entries for")}
        {field("notificationDays", "Keep notifications (read or unread) for")}
        {field("deactivatedDays", "Erase deactivated people after")}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Save retention
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Category({ title, category }: { title: string; category: RetentionCategory }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}: {category.count}
      </Text>
      {category.items.length > 0 && (
        <List size="sm" spacing={2}>
          {category.items.map((item) => (
            <List.Item key={item.id}>{item.label}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function DryRun() {
  const dryRun = useMutation({ mutationFn: retentionDryRun });
  return (
    <Stack gap="sm">
      <Text size="sm">
        The retention job runs once a day. Preview what it would delete now; nothing is deleted.
      </Text>
      <Group>
        <Button variant="light" loading={dryRun.isPending} onClick={() => dryRun.mutate()}>
          Preview what would be deleted
        </Button>
      </Group>
      <FormErrorAlert message={dryRun.isError ? errorMessage(dryRun.error) : null} />
      {dryRun.data && (
        <Stack gap="sm" aria-live="polite">
          <Category title="Audit log entries" category={dryRun.data.auditEvents} />
          <Category title="Notifications" category={dryRun.data.notifications} />
          <Category title="Deactivated people to erase" category={dryRun.data.deactivatedPeople} />
        </Stack>
      )}
    </Stack>
  );
}

export function RetentionPage() {
  usePageTitle("Data retention");
  const settings = useQuery(retentionSettingsQuery);
  return (
    <Stack maw={720}>
      <Title order={1}>Data retention</Title>
      <TitledSection title="How long data is kept">
        <QueryStatus query={settings} />
        {settings.data && <SettingsForm key={settings.data.version} settings={settings.data} />}
      </TitledSection>
      <TitledSection title="Preview">
        <DryRun />
      </TitledSection>
    </Stack>
  );
}
