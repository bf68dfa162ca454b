import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import {
  CalendarFeedBody,
  type CalendarFeedView,
  calendarLimits,
  type Weekday,
  weekdays,
} from "#core/calendar.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { saveCalendarFeed } from "../../api/calendar.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { calendarFeedQuery } from "./calendar-feed.queries.ts";

const weekdayNames: Record<Weekday, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

const titleSwitches = [
  {
    key: "checkIns",
    label: "Check-in names",
    example: "“Quarterly review” instead of “Growth plan check-in”",
  },
  {
    key: "actionSteps",
    label: "Action step titles",
    example: "“Give a lightning talk” instead of “Action step due”",
  },
  {
    key: "goals",
    label: "Goal names",
    example: "the goal an action step belongs to, in its description",
  },
  { key: "feedbackRequests", label: "Who asked for feedback", example: "“Feedback for Alex due”" },
  {
    key: "conversations",
    label: "Who a career conversation is with",
    example: "“Career conversation with Alex” instead of “Career conversation”",
  },
] as const;

const zoneNames: string[] = (() => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
})();

function valuesOf(feed: CalendarFeedView) {
  return {
    baseVersion: feed.version,
    includeTitles: feed.includeTitles,
    learningBlocks: feed.learningBlocks.map(({ startsOn: _startsOn, ...block }) => block),
  };
}

/** What the feed may include, and the weekly learning blocks. */
export function CalendarSettingsForm({ feed }: { feed: CalendarFeedView }) {
  const queryClient = useQueryClient();
  const zoneOptions = [
    { value: "", label: `My time zone (${feed.defaultTimeZone})` },
    ...zoneNames.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") })),
  ];
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CalendarFeedBody,
    mode: "controlled",
    initialValues: valuesOf(feed),
    submit: saveCalendarFeed,
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarFeedQuery.queryKey, saved);
      notifications.show({ color: "green", message: "Calendar settings saved." });
    },
    onError: (error) => {
      // Saved meanwhile in another window: show what is stored now, keep the message.
      const current = error instanceof ApiError && error.status === 409 ? error.body : null;
      if (current && typeof current === "object" && "current" in current) {
        const view = (current as { current: CalendarFeedView }).current;
        form.setValues(valuesOf(view));
        form.resetDirty(valuesOf(view));
      }
    },
  });
  const blocks = form.getValues().learningBlocks;

  const addBlock = () =>
    form.insertListItem("learningBlocks", {
      id: crypto.randomUUID(),
      weekdays: ["FR"],
      start: "14:00",
      end: "16:00",
      timeZone: null,
      title: "",
    });

  return (
    <TitledSection
      title="What your feed shows"
      description="Events use neutral words unless you choose to include your own titles. Reflections, notes and feedback are never included."
    >
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="lg">
          <FormErrorAlert message={formError} />
          <Fieldset legend="Include my own words" variant="unstyled">
            <Stack gap="sm">
              {titleSwitches.map((item) => (
                <Switch
                  key={item.key}
                  label={item.label}
                  description={item.example}
                  {...form.getInputProps(`includeTitles.${item.key}`, { type: "checkbox" })}
                />
              ))}
            </Stack>
          </Fieldset>

          <Fieldset legend="Learning time" variant="unstyled">
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                A weekly block kept for learning, repeating in your calendar at the same local time
                all year, daylight saving included.
              </Text>
              {blocks.length === 0 && <Text size="sm">No learning blocks yet.</Text>}
              {blocks.map((block, index) => (
                <Fieldset key={block.id} legend={`Learning block ${index + 1}`} radius="md">
                  <Stack gap="sm">
                    <Checkbox.Group
                      label="Weekdays"
                      {...form.getInputProps(`learningBlocks.${index}.weekdays`)}
                    >
                      <Group gap="sm" mt={4}>
                        {weekdays.map((day) => (
                          <Checkbox key={day} value={day} label={weekdayNames[day]} />
                        ))}
                      </Group>
                    </Checkbox.Group>
                    <SimpleGrid cols={{ base: 1, xs: 2 }}>
                      <TextInput
                        type="time"
                        label="Starts"
                        {...form.getInputProps(`learningBlocks.${index}.start`)}
                      />
                      <TextInput
                        type="time"
                        label="Ends"
                        {...form.getInputProps(`learningBlocks.${index}.end`)}
                      />
                    </SimpleGrid>
                    <SimpleGrid cols={{ base: 1, xs: 2 }}>
                      <Select
                        label="Time zone"
                        searchable
                        data={zoneOptions}
                        value={block.timeZone ?? ""}
                        onChange={(value) =>
                          form.setFieldValue(`learningBlocks.${index}.timeZone`, value || null)
                        }
                        error={form.errors[`learningBlocks.${index}.timeZone`]}
                        allowDeselect={false}
                      />
                      <TextInput
                        label="Title"
                        placeholder="Learning time"
                        maxLength={calendarLimits.blockTitle}
                        {...form.getInputProps(`learningBlocks.${index}.title`)}
                      />
                    </SimpleGrid>
                    <Group>
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => form.removeListItem("learningBlocks", index)}
                      >
                        Remove learning block {index + 1}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
              ))}
              {blocks.length < calendarLimits.learningBlocks && (
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={addBlock}
                  >
                    Add a learning block
                  </Button>
                </Group>
              )}
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              Save calendar settings
            </Button>
          </Group>
        </Stack>
      </form>
    </TitledSection>
  );
}
