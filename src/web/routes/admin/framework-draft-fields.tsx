import { Alert, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import type { useForm } from "@mantine/form";
import { IconInfoCircle } from "@tabler/icons-react";
import { useId } from "react";
import {
  careerFrameworkLimits,
  describeGapRule,
  type RatingSource,
  ratingSources,
} from "#core/career/framework.schemas.ts";
import { GroupError } from "../../components/group-error.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { useFocusAfterRender } from "../../components/use-focus-after-render.ts";
import {
  blankCompetency,
  blankTheme,
  competenciesForScale,
  entriesWithErrors,
  type FrameworkFormValues,
  isNewEntry,
  messagesUnder,
  resizedScale,
} from "./career-framework-editing.ts";
import { EntryList } from "./framework-entry-list.tsx";

/** What the fields need of the editor's form. */
export type FrameworkForm = Pick<
  ReturnType<typeof useForm<FrameworkFormValues, unknown>>,
  "values" | "errors" | "getInputProps" | "setFieldValue" | "insertListItem" | "removeListItem"
>;

const sourceLabels: Record<RatingSource, string> = {
  manager: "Manager's rating",
  peers: "Peers' average rating",
  self: "Own rating",
};

/** Where a key comes from, under an entry's name. */
export function keyDescription(entry: { uid: string; key: string }): string {
  return isNewEntry(entry)
    ? "Its key is made from the name when you save."
    : `Key ${entry.key}: kept when the name changes.`;
}

export function FrameworkFields({ form }: { form: FrameworkForm }) {
  const { gapRule, scale } = form.values.content;
  const slots = [0, 1, 2];
  const setPreferred = (slot: number, value: string) => {
    const chosen = slots.map((index) => (index === slot ? value : (gapRule.prefer[index] ?? "")));
    form.setFieldValue(
      "content.gapRule.prefer",
      chosen.filter((source): source is RatingSource => source !== ""),
    );
  };
  return (
    <Stack>
      <TextInput label="Name" withAsterisk {...form.getInputProps("content.name")} />
      <GrowingTextarea
        label="Description"
        description="Markdown. Members read it above the career map."
        {...form.getInputProps("content.description")}
      />
      <Stack gap="xs" role="group" aria-label="Gap rule">
        <Text fw={600}>Gap rule</Text>
        <Text size="sm" c="dimmed">
          Which rating a gap analysis compares with the expected level, in order of preference.
        </Text>
        <Group gap="sm" align="flex-end">
          {slots.map((slot) => (
            <NativeSelect
              key={slot}
              label={slot === 0 ? "Prefer" : "Otherwise"}
              value={gapRule.prefer[slot] ?? ""}
              onChange={(event) => setPreferred(slot, event.currentTarget.value)}
              data={[
                { value: "", label: slot === 0 ? "Choose a source" : "Nothing else" },
                ...ratingSources.map((source) => ({ value: source, label: sourceLabels[source] })),
              ]}
              // Where focus goes when the order has a problem.
              {...(slot === 0 ? { "data-path": "content.gapRule.prefer" } : {})}
            />
          ))}
          <NumberInput
            label="Discuss at a difference of"
            min={1}
            max={scale.length - 1}
            allowDecimal={false}
            w={200}
            {...form.getInputProps("content.gapRule.discussAt")}
          />
        </Group>
        <GroupError message={form.errors["content.gapRule.prefer"]} />
        {gapRule.prefer.length > 0 && (
          <Alert variant="light" icon={<IconInfoCircle aria-hidden />} aria-live="polite">
            {describeGapRule(gapRule)}
          </Alert>
        )}
      </Stack>
    </Stack>
  );
}

export function ScaleFields({ form }: { form: FrameworkForm }) {
  const { scale, competencies } = form.values.content;
  return (
    <Stack>
      <NumberInput
        label="Points on the scale"
        description={`From ${careerFrameworkLimits.scaleMin} to ${careerFrameworkLimits.scaleMax}. Fewer points drop the last labels and descriptors.`}
        min={careerFrameworkLimits.scaleMin}
        max={careerFrameworkLimits.scaleMax}
        allowDecimal={false}
        clampBehavior="strict"
        w={240}
        value={scale.length}
        onChange={(value) => {
          if (typeof value !== "number") return;
          const next = resizedScale(scale, value);
          form.setFieldValue("content.scale", next);
          form.setFieldValue(
            "content.competencies",
            competenciesForScale(competencies, next.length),
          );
        }}
      />
      <GroupError
        message={
          form.errors["content.scale"] ??
          messagesUnder(form.errors, "content.scale")
            .filter((line) => /^\d+\.value:/.test(line))
            .join(" · ")
        }
      />
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {scale.map((point, index) => (
          <li key={point.value}>
            <TextInput
              label={`Label of point ${point.value}`}
              withAsterisk
              maw={360}
              {...form.getInputProps(`content.scale.${index}.label`)}
            />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

export function ThemeFields({ form }: { form: FrameworkForm }) {
  const focusAfterRender = useFocusAfterRender();
  const idPrefix = useId();
  const { themes } = form.values.content;
  return (
    <EntryList
      noun="themes"
      items={themes}
      nameOf={(theme, index) => theme.name.trim() || `Theme ${index + 1}`}
      onRemove={(_theme, index) => {
        form.removeListItem("content.themes", index);
        focusAfterRender(`${idPrefix}-add`);
      }}
      onAdd={() => {
        const theme = blankTheme();
        form.insertListItem("content.themes", theme);
        focusAfterRender(`${idPrefix}-${theme.uid}`);
      }}
      addLabel="Add theme"
      addDisabled={themes.length >= careerFrameworkLimits.themes}
      addButtonId={`${idPrefix}-add`}
      error={form.errors["content.themes"]}
      entriesWithErrors={entriesWithErrors(form.errors, "content.themes")}
      empty="No themes yet. Competencies are grouped by theme: add one first."
    >
      {(theme, index) => (
        <>
          <TextInput
            id={`${idPrefix}-${theme.uid}`}
            label="Name"
            description={keyDescription(theme)}
            withAsterisk
            {...form.getInputProps(`content.themes.${index}.name`)}
            error={
              form.errors[`content.themes.${index}.name`] ??
              form.errors[`content.themes.${index}.key`]
            }
          />
          <GrowingTextarea
            label="Description"
            {...form.getInputProps(`content.themes.${index}.description`)}
          />
        </>
      )}
    </EntryList>
  );
}

export function CompetencyFields({ form }: { form: FrameworkForm }) {
  const focusAfterRender = useFocusAfterRender();
  const idPrefix = useId();
  const { competencies, themes, scale } = form.values.content;
  const themeOptions = themes.map((theme, index) => ({
    value: theme.uid,
    label: theme.name.trim() || `Theme ${index + 1}`,
  }));
  return (
    <EntryList
      noun="competencies"
      items={competencies}
      nameOf={(competency, index) => competency.name.trim() || `Competency ${index + 1}`}
      onRemove={(_competency, index) => {
        form.removeListItem("content.competencies", index);
        focusAfterRender(`${idPrefix}-add`);
      }}
      onAdd={() => {
        const competency = blankCompetency(themes.at(-1)?.uid ?? "", scale.length);
        form.insertListItem("content.competencies", competency);
        focusAfterRender(`${idPrefix}-${competency.uid}`);
      }}
      addLabel="Add competency"
      addDisabled={competencies.length >= careerFrameworkLimits.competencies}
      addButtonId={`${idPrefix}-add`}
      error={form.errors["content.competencies"]}
      entriesWithErrors={entriesWithErrors(form.errors, "content.competencies")}
      empty="No competencies yet."
    >
      {(competency, index) => {
        const path = `content.competencies.${index}`;
        return (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                id={`${idPrefix}-${competency.uid}`}
                label="Name"
                description={keyDescription(competency)}
                withAsterisk
                miw="14rem"
                {...form.getInputProps(`${path}.name`)}
                error={form.errors[`${path}.name`] ?? form.errors[`${path}.key`]}
              />
              <NativeSelect
                label="Theme"
                withAsterisk
                miw="12rem"
                data={[{ value: "", label: "Choose a theme" }, ...themeOptions]}
                {...form.getInputProps(`${path}.themeKey`)}
              />
            </Group>
            <GrowingTextarea label="Description" {...form.getInputProps(`${path}.description`)} />
            <GroupError message={form.errors[`${path}.descriptors`]} />
            {scale.map((point, pointIndex) => (
              <GrowingTextarea
                key={point.value}
                label={`Level ${point.value}: ${point.label}`}
                description="What this level looks like for this competency."
                minRows={1}
                {...form.getInputProps(`${path}.descriptors.${pointIndex}`)}
              />
            ))}
          </>
        );
      }}
    </EntryList>
  );
}
