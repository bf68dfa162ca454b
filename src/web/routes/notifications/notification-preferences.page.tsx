import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import {
  LocalTime,
  type NotificationPreferences,
  notificationChannels,
  notificationKinds,
  notificationLimits,
  SaveNotificationPreferencesBody,
} from "#core/notifications/notifications.schemas.ts";
import {
  conflictingPreferences,
  notificationPreferencesQuery,
  saveNotificationPreferences,
} from "../../api/notifications.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { useLeaveGuard } from "../../components/use-leave-guard.ts";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { SaveBar } from "../admin/save-bar.tsx";
import { channelLabels, kindLabels, weekdayLabels } from "./notification-labels.ts";

/** The server's body, with quiet hours as a switch and two times, so the form can hold them. */
const preferencesFormSchema = SaveNotificationPreferencesBody.omit({ quietHours: true })
  .extend({ quiet: z.strictObject({ enabled: z.boolean(), start: LocalTime, end: LocalTime }) })
  .transform(({ quiet, ...rest }) => ({
    ...rest,
    quietHours: quiet.enabled ? { start: quiet.start, end: quiet.end } : null,
  }));

function formValues(preferences: NotificationPreferences) {
  return {
    baseVersion: preferences.version,
    kinds: preferences.kinds,
    digest: preferences.digest,
    quiet: {
      enabled: preferences.quietHours !== null,
      start: preferences.quietHours?.start ?? "22:00",
      end: preferences.quietHours?.end ?? "07:00",
    },
    weeklyEmailCap: preferences.weeklyEmailCap,
  };
}

export function NotificationPreferencesPage() {
  usePageTitle("Notification preferences");
  const preferences = useQuery(notificationPreferencesQuery);

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <Title order={1}>Notification preferences</Title>
        <Text size="sm" c="dimmed">
          How each kind of notification reaches you.{" "}
          <AnchorLink to="/notifications">See your notifications</AnchorLink>
        </Text>
      </Stack>
      <QueryStatus query={preferences} />
      {preferences.data && <PreferencesForm preferences={preferences.data} />}
    </Stack>
  );
}

function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const queryClient = useQueryClient();
  const [stored, setStored] = useState<NotificationPreferences | null>(null);
  const { form, mutation, onSubmit, formError, setFormError, discard } = useApiForm({
    schema: preferencesFormSchema,
    mode: "controlled",
    initialValues: formValues(preferences),
    submit: saveNotificationPreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationPreferencesQuery.queryKey, saved);
      showValues(formValues(saved));
      setStored(null);
      notifications.show({ color: "green", message: "Your notification preferences were saved." });
    },
    onError: (error) => setStored(conflictingPreferences(error)),
  });
  useLeaveGuard(form.isDirty() && !mutation.isPending);
  function showValues(next: ReturnType<typeof formValues>) {
    form.setInitialValues(next);
    form.setValues(next);
    form.resetDirty(next);
  }
  const { values } = form;
  const digestOn = values.digest.frequency !== "off";

  /** After a 409: start again from what is stored now (the save was made elsewhere). */
  const loadStored = () => {
    if (!stored) return;
    queryClient.setQueryData(notificationPreferencesQuery.queryKey, stored);
    showValues(formValues(stored));
    setStored(null);
    setFormError(null);
  };

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="fieldset" m={0}>
          <Title order={2} size="h4" component="legend" px={4}>
            Each kind
          </Title>
          <Stack gap="md">
            {notificationKinds.map((kind, index) => (
              <Radio.Group
                key={kind}
                label={kindLabels[kind].label}
                description={kindLabels[kind].description}
                value={values.kinds[index]?.channel ?? "email"}
                onChange={(channel) =>
                  form.setFieldValue(`kinds.${index}`, {
                    kind,
                    channel: channel as (typeof notificationChannels)[number],
                  })
                }
              >
                <Group gap="md" mt={6}>
                  {notificationChannels.map((channel) => (
                    <Radio key={channel} value={channel} label={channelLabels[channel]} />
                  ))}
                </Group>
              </Radio.Group>
            ))}
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Email digest
            </Title>
            <Text size="sm" c="dimmed">
              One email that gathers your notifications, instead of one email each. Times are in
              your time zone, {preferences.timeZone}.
            </Text>
            <Radio.Group
              label="Send emails"
              value={values.digest.frequency}
              onChange={(frequency) =>
                form.setFieldValue("digest.frequency", frequency as "off" | "daily" | "weekly")
              }
            >
              <Group gap="md" mt={6}>
                <Radio value="off" label="One email each" />
                <Radio value="daily" label="Daily digest" />
                <Radio value="weekly" label="Weekly digest" />
              </Group>
            </Radio.Group>
            {digestOn && (
              <Group gap="md" align="flex-start">
                <NumberInput
                  label="At hour (0–23)"
                  min={0}
                  max={23}
                  w={160}
                  {...form.getInputProps("digest.hour")}
                />
                {values.digest.frequency === "weekly" && (
                  <Select
                    label="On"
                    w={200}
                    allowDeselect={false}
                    data={weekdayLabels.map((label, at) => ({ value: String(at + 1), label }))}
                    value={String(values.digest.weekday)}
                    onChange={(day) => form.setFieldValue("digest.weekday", Number(day ?? 1))}
                    error={form.errors["digest.weekday"]}
                  />
                )}
              </Group>
            )}
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Quiet hours and reminders
            </Title>
            <Checkbox
              label="No email during quiet hours"
              description="Emails wait until the quiet hours end."
              {...form.getInputProps("quiet.enabled", { type: "checkbox" })}
            />
            {values.quiet.enabled && (
              <Group gap="md" align="flex-start">
                <TextInput
                  type="time"
                  label="From"
                  w={160}
                  {...form.getInputProps("quiet.start")}
                />
                <TextInput type="time" label="Until" w={160} {...form.getInputProps("quiet.end")} />
              </Group>
            )}
            <NumberInput
              label="At most this many reminder emails a week"
              description="Reminders are check-ins, due dates, stale plans and pathway quarters; 0 sends none by email."
              min={0}
              max={notificationLimits.weeklyEmailCapMax}
              w={320}
              {...form.getInputProps("weeklyEmailCap")}
            />
          </Stack>
        </Paper>

        {stored && (
          <Button variant="default" style={{ alignSelf: "flex-start" }} onClick={loadStored}>
            Load the saved preferences
          </Button>
        )}
      </Stack>
      <SaveBar
        formError={formError}
        saveLabel="Save preferences"
        pending={mutation.isPending}
        changes={{ dirty: form.isDirty(), onDiscard: discard }}
      />
    </form>
  );
}
