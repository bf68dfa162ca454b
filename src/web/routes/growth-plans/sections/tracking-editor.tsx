import {
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconCalendarPlus } from "@tabler/icons-react";
import { addMonths, scheduledCheckIns } from "#core/growth-plan/check-ins.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type {
  CheckIn,
  CheckInCadence,
  ScheduleItem,
  TrackingContent,
} from "#core/growth-plan/sections.schemas.ts";
import { CompactButton } from "../../../components/compact-button.tsx";
import { DateField } from "../../../components/date-field.tsx";
import { ListEditor, patchById, withoutId } from "../../../components/list-editor.tsx";
import { formatCalendarDate } from "../../../format/dates.ts";
import { MarkdownField } from "../markdown-field.tsx";
import { cadenceOptions } from "../plan-labels.ts";
import { newId, problemAt, today, useSectionAutosave } from "../plan-parts.ts";
import { SectionConflict } from "./section-conflict.tsx";

export function TrackingEditor({ plan }: { plan: PlanView }) {
  const autosave = useSectionAutosave(plan, "tracking");
  const { draft, update } = autosave;
  const now = today();
  const recorded = new Set(
    draft.checkIns.map((checkIn) => `${checkIn.scheduleId}:${checkIn.dueOn}`),
  );
  const upcoming = scheduledCheckIns(draft.schedule, {
    from: addMonths(now, -1),
    to: addMonths(now, 6),
  })
    .filter((due) => !recorded.has(`${due.scheduleId}:${due.dueOn}`))
    .slice(0, 6);

  const changeSchedule = (id: string, patch: Partial<ScheduleItem>) =>
    update((section) => ({ ...section, schedule: patchById(section.schedule, id, patch) }));
  const changeCheckIn = (id: string, patch: Partial<CheckIn>, immediate = false) =>
    update((section) => ({ ...section, checkIns: patchById(section.checkIns, id, patch) }), {
      immediate,
    });
  const changeReflection = (id: string, patch: Partial<TrackingContent["reflections"][number]>) =>
    update((section) => ({ ...section, reflections: patchById(section.reflections, id, patch) }));
  const addCheckIn = (checkIn: Omit<CheckIn, "id" | "done" | "doneOn" | "reflection">) =>
    update((section) => ({
      ...section,
      checkIns: [
        ...section.checkIns,
        { id: newId(), done: false, doneOn: null, reflection: "", ...checkIn },
      ].sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    }));

  return (
    <Stack gap="xl">
      <SectionConflict sectionKey="tracking" autosave={autosave} />
      <Stack gap="sm">
        <Title order={3} size="h5">
          Check-in schedule
        </Title>
        <ListEditor
          items={draft.schedule}
          keyOf={(item) => item.id}
          heading={(item, index) => item.label || `Schedule ${index + 1}`}
          removeLabel={(item, index) => `Remove ${item.label || `schedule ${index + 1}`}`}
          onRemove={(item) =>
            update((section) => ({ ...section, schedule: withoutId(section.schedule, item.id) }))
          }
          addLabel="Add to schedule"
          addDisabled={draft.schedule.length >= growthPlanLimits.scheduleItems}
          onAdd={() =>
            update((section) => ({
              ...section,
              schedule: [
                ...section.schedule,
                { id: newId(), cadence: "monthly", label: "Monthly reflection", startsOn: now },
              ],
            }))
          }
        >
          {(item, index) => (
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label="Label"
                miw={200}
                value={item.label}
                error={problemAt(autosave, `schedule.${index}.label`)}
                onChange={(event) => changeSchedule(item.id, { label: event.currentTarget.value })}
              />
              <NativeSelect
                label="Every"
                miw={140}
                data={cadenceOptions}
                value={item.cadence}
                onChange={(event) =>
                  changeSchedule(item.id, {
                    cadence: event.currentTarget.value as CheckInCadence,
                  })
                }
              />
              <DateField
                label="Starting on"
                clearable={false}
                miw={160}
                value={item.startsOn}
                error={problemAt(autosave, `schedule.${index}.startsOn`)}
                onChange={(day) => {
                  if (day) changeSchedule(item.id, { startsOn: day });
                }}
              />
            </Group>
          )}
        </ListEditor>
      </Stack>

      <Stack gap="sm">
        <Title order={3} size="h5">
          Coming up
        </Title>
        {upcoming.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing scheduled in the next six months.
          </Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
            {upcoming.map((due) => (
              <Paper
                component="li"
                key={`${due.scheduleId}:${due.dueOn}`}
                withBorder
                radius="md"
                px="sm"
                py={6}
              >
                <Group justify="space-between" gap="xs">
                  <Text size="sm">
                    <strong>{formatCalendarDate(due.dueOn)}</strong> · {due.label}
                  </Text>
                  <CompactButton
                    variant="light"
                    icon={IconCalendarPlus}
                    onClick={() => addCheckIn(due)}
                  >
                    Record check-in
                    <VisuallyHidden>
                      {" "}
                      of {formatCalendarDate(due.dueOn)}: {due.label}
                    </VisuallyHidden>
                  </CompactButton>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>

      <Stack gap="sm">
        <Title order={3} size="h5">
          Check-ins
        </Title>
        <ListEditor
          items={draft.checkIns}
          keyOf={(checkIn) => checkIn.id}
          heading={(checkIn) =>
            `${formatCalendarDate(checkIn.dueOn)} · ${checkIn.label || "Check-in"}`
          }
          removeLabel={(checkIn) => `Remove the check-in of ${formatCalendarDate(checkIn.dueOn)}`}
          onRemove={(checkIn) =>
            update((section) => ({ ...section, checkIns: withoutId(section.checkIns, checkIn.id) }))
          }
          addLabel="Add a check-in"
          addDisabled={draft.checkIns.length >= growthPlanLimits.checkIns}
          onAdd={() => addCheckIn({ scheduleId: null, dueOn: now, label: "Check-in" })}
        >
          {(checkIn, index) => (
            <>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label="Label"
                  miw={200}
                  value={checkIn.label}
                  error={problemAt(autosave, `checkIns.${index}.label`)}
                  onChange={(event) =>
                    changeCheckIn(checkIn.id, { label: event.currentTarget.value })
                  }
                />
                <DateField
                  label="Date"
                  clearable={false}
                  miw={160}
                  value={checkIn.dueOn}
                  error={problemAt(autosave, `checkIns.${index}.dueOn`)}
                  onChange={(day) => {
                    if (day) changeCheckIn(checkIn.id, { dueOn: day });
                  }}
                />
              </Group>
              <Checkbox
                label={
                  checkIn.done && checkIn.doneOn
                    ? `Done on ${formatCalendarDate(checkIn.doneOn)}`
                    : "Done"
                }
                checked={checkIn.done}
                onChange={(event) => {
                  const done = event.currentTarget.checked;
                  changeCheckIn(checkIn.id, { done, doneOn: done ? today() : null }, true);
                }}
              />
              <MarkdownField
                label="Reflection: what did you complete, what did you learn, what changes?"
                minRows={2}
                value={checkIn.reflection}
                error={problemAt(autosave, `checkIns.${index}.reflection`)}
                onChange={(reflection) => changeCheckIn(checkIn.id, { reflection })}
              />
            </>
          )}
        </ListEditor>
      </Stack>

      <Stack gap="sm">
        <Title order={3} size="h5">
          Reflections
        </Title>
        <ListEditor
          items={draft.reflections}
          keyOf={(reflection) => reflection.id}
          heading={(reflection) => `Reflection of ${formatCalendarDate(reflection.on)}`}
          removeLabel={(reflection) =>
            `Remove the reflection of ${formatCalendarDate(reflection.on)}`
          }
          onRemove={(reflection) =>
            update((section) => ({
              ...section,
              reflections: withoutId(section.reflections, reflection.id),
            }))
          }
          addLabel="Add a reflection"
          addDisabled={draft.reflections.length >= growthPlanLimits.reflections}
          onAdd={() =>
            update((section) => ({
              ...section,
              reflections: [{ id: newId(), on: now, body: "" }, ...section.reflections],
            }))
          }
        >
          {(reflection, index) => (
            <>
              <DateField
                label="Date"
                clearable={false}
                maw={200}
                value={reflection.on}
                error={problemAt(autosave, `reflections.${index}.on`)}
                onChange={(day) => {
                  if (day) changeReflection(reflection.id, { on: day });
                }}
              />
              <MarkdownField
                label="Reflection"
                minRows={2}
                value={reflection.body}
                error={problemAt(autosave, `reflections.${index}.body`)}
                onChange={(body) => changeReflection(reflection.id, { body })}
              />
            </>
          )}
        </ListEditor>
      </Stack>
    </Stack>
  );
}
