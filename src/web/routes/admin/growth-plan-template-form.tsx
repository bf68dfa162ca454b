import {
  ActionIcon,
  Group,
  NativeSelect,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import type { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type ChangeEvent, useId } from "react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import {
  sectionTitles,
  trajectories,
  trajectoryLabels,
} from "#core/growth-plan/sections.schemas.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { GroupError } from "../../components/group-error.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { ListEditor } from "../../components/list-editor.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { useFocusAfterRender } from "../../components/use-focus-after-render.ts";
import { errorOfStringList } from "../../forms/field-paths.ts";
import { cadenceOptions, goalColumns, goalName } from "../growth-plans/plan-labels.ts";
import {
  blankGoal,
  blankResource,
  blankScheduleItem,
  type GoalDraft,
  type ResourceDraft,
  type ScheduleDraft,
  suggestedTemplateId,
  type TemplateFormValues,
} from "./growth-plan-template-editing.ts";

/** What the fields need of a template form; the create and edit forms differ in what they submit. */
export type TemplateForm = Pick<
  ReturnType<typeof useForm<TemplateFormValues, unknown>>,
  | "values"
  | "errors"
  | "getValues"
  | "getInputProps"
  | "getInputNode"
  | "setFieldValue"
  | "setErrors"
  | "insertListItem"
  | "removeListItem"
>;

const columnLabel = Object.fromEntries(
  goalColumns.map((column) => [column.key, column.label]),
) as Record<(typeof goalColumns)[number]["key"], string>;

/**
 * Every field of a template, in the order a member meets them in a plan. `mode` "create" adds
 * the id, which is suggested from the name until the admin types one.
 */
export function TemplateFields({ form, mode }: { form: TemplateForm; mode: "create" | "edit" }) {
  const focusAfterRender = useFocusAfterRender();
  const idPrefix = useId();
  const fieldId = (...parts: (string | number)[]) => `${idPrefix}-${parts.join("-")}`;
  const { goals, resources, schedule } = form.values.content;
  const targetRolesError = errorOfStringList(form.errors, "content.role.targetRoles", "Role");
  // What each list of the template does alike: a new entry gets focus on its first input, and
  // focus goes back to the add button after a removal.
  const listProps = <Draft extends GoalDraft | ResourceDraft | ScheduleDraft>(
    path: `content.${"goals" | "resources" | "schedule"}`,
    blank: () => Draft,
    firstInputId: (draft: Draft) => string,
  ) => ({
    keyOf: (draft: Draft) => draft.key,
    error: form.errors[path],
    addButtonId: fieldId("add", path),
    onRemove: (_draft: Draft, index: number) => {
      form.removeListItem(path, index);
      focusAfterRender(fieldId("add", path));
    },
    onAdd: () => {
      const draft = blank();
      form.insertListItem(path, draft);
      focusAfterRender(firstInputId(draft));
    },
  });

  return (
    <Stack gap="lg">
      <TitledSection
        title="About the template"
        description="Members see the name and description when they choose how to start a plan."
      >
        <Stack>
          <TextInput label="Name" withAsterisk {...nameInputProps(form, mode)} />
          {mode === "create" && (
            <TextInput
              label="Id"
              description="Part of the template's address: lower-case letters, digits and dashes. It cannot change later."
              withAsterisk
              {...form.getInputProps("id")}
            />
          )}
          <GrowingTextarea
            label="Description"
            description="One or two sentences on who the template is for."
            {...form.getInputProps("description")}
          />
          <Switch
            label="Archived"
            description="Archived templates are not offered for new plans. Plans already started from it keep what they copied."
            {...form.getInputProps("archived", { type: "checkbox" })}
          />
        </Stack>
      </TitledSection>

      <TitledSection
        title={sectionTitles.inspiration}
        description={
          <>
            The reflection prompts are the same for every plan; edit them under{" "}
            <AnchorLink to="/admin/growth-plan-prompts" size="sm">
              Reflection prompts
            </AnchorLink>
            . A template adds a hint above them.
          </>
        }
      >
        <GrowingTextarea
          label="Hint for the reflection prompts"
          {...form.getInputProps("content.inspirationHint")}
        />
      </TitledSection>

      <TitledSection
        title={sectionTitles.role}
        description="Where a plan started from this template points at first; the member can change all of it."
      >
        <Stack>
          <NativeSelect
            label="Trajectory"
            data={[
              { value: "", label: "Not decided yet" },
              ...trajectories.map((trajectory) => ({
                value: trajectory,
                label: trajectoryLabels[trajectory],
              })),
            ]}
            maw={360}
            {...form.getInputProps("content.role.trajectory")}
          />
          <TagsInput
            label="Target roles"
            description="Press Enter after each role."
            maxTags={growthPlanLimits.targetRoles}
            {...form.getInputProps("content.role.targetRoles")}
            error={targetRolesError}
            aria-invalid={targetRolesError ? true : undefined}
          />
          <TextInput
            label="Time frame"
            placeholder="e.g. 12–18 months"
            maw={360}
            {...form.getInputProps("content.role.timeFrame")}
          />
          <GrowingTextarea
            label="Notes"
            description="Markdown."
            maxRows={10}
            {...form.getInputProps("content.role.notes")}
          />
        </Stack>
      </TitledSection>

      <TitledSection
        title={sectionTitles.goals}
        description="Each goal becomes a row of Section 3, not started, with its action steps."
      >
        <ListEditor
          items={goals}
          {...listProps("content.goals", blankGoal, (goal) => fieldId("goal", goal.key, "skill"))}
          heading={(goal, index) => goalName(goal, index)}
          removeLabel={(_goal, index) => `Remove goal ${index + 1}`}
          empty="No suggested goals."
          addLabel="Add goal"
          addDisabled={goals.length >= growthPlanLimits.templateGoals}
        >
          {(goal, index) => (
            <GoalFields
              form={form}
              goal={goal}
              index={index}
              fieldId={fieldId}
              onStepAdded={(step) => focusAfterRender(fieldId("goal", goal.key, "step", step))}
            />
          )}
        </ListEditor>
      </TitledSection>

      <TitledSection
        title={`${sectionTitles.exploration}: resources`}
        description="Bookmarks a plan starts with, such as courses, programs or handbook pages."
      >
        <ListEditor
          items={resources}
          {...listProps("content.resources", blankResource, (resource) =>
            fieldId("resource", resource.key, "title"),
          )}
          heading={(resource, index) => resource.title.trim() || `Resource ${index + 1}`}
          removeLabel={(_resource, index) => `Remove resource ${index + 1}`}
          empty="No resources."
          addLabel="Add resource"
        >
          {(resource, index) => (
            <>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  id={fieldId("resource", resource.key, "title")}
                  label="Title"
                  withAsterisk
                  miw="14rem"
                  {...form.getInputProps(`content.resources.${index}.title`)}
                />
                <TextInput
                  label="Web address"
                  description="Optional; http:// or https://"
                  type="url"
                  miw="14rem"
                  {...form.getInputProps(`content.resources.${index}.url`)}
                />
              </Group>
              <GrowingTextarea
                label="Note"
                minRows={1}
                maxRows={6}
                {...form.getInputProps(`content.resources.${index}.note`)}
              />
            </>
          )}
        </ListEditor>
      </TitledSection>

      <TitledSection
        title={sectionTitles.tracking}
        description="The check-in rhythm of a new plan; its first check-ins start on the day the plan does."
      >
        <ListEditor
          items={schedule}
          {...listProps("content.schedule", blankScheduleItem, (item) =>
            fieldId("check-in", item.key, "label"),
          )}
          heading={(item, index) => item.label.trim() || `Check-in ${index + 1}`}
          removeLabel={(_item, index) => `Remove check-in ${index + 1}`}
          empty="No check-ins."
          addLabel="Add check-in"
          addDisabled={schedule.length >= growthPlanLimits.scheduleItems}
        >
          {(item, index) => (
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                id={fieldId("check-in", item.key, "label")}
                label="Label"
                placeholder="e.g. Monthly reflection"
                withAsterisk
                miw="14rem"
                {...form.getInputProps(`content.schedule.${index}.label`)}
              />
              <NativeSelect
                label="Every"
                miw="10rem"
                data={cadenceOptions}
                {...form.getInputProps(`content.schedule.${index}.cadence`)}
              />
            </Group>
          )}
        </ListEditor>
      </TitledSection>
    </Stack>
  );
}

/** While the id is the one suggested for the name, it follows the name. */
function nameInputProps(form: TemplateForm, mode: "create" | "edit") {
  const props = form.getInputProps("name");
  if (mode === "edit") return props;
  return {
    ...props,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const name = event.currentTarget.value;
      const { id, name: previousName } = form.getValues();
      if (id === suggestedTemplateId(previousName)) {
        form.setFieldValue("id", suggestedTemplateId(name));
      }
      form.setFieldValue("name", name);
    },
  };
}

function GoalFields({
  form,
  goal,
  index,
  fieldId,
  onStepAdded,
}: {
  form: TemplateForm;
  goal: GoalDraft;
  index: number;
  fieldId: (...parts: (string | number)[]) => string;
  onStepAdded: (stepIndex: number) => void;
}) {
  const path = `content.goals.${index}`;
  const stepsLabelId = useId();

  return (
    <>
      <TextInput
        id={fieldId("goal", goal.key, "skill")}
        label={columnLabel.skill}
        withAsterisk
        {...form.getInputProps(`${path}.skill`)}
      />
      {(["resources", "careerSupport"] as const).map((column) => (
        <GrowingTextarea
          key={column}
          label={columnLabel[column]}
          description="Markdown."
          {...form.getInputProps(`${path}.${column}`)}
        />
      ))}
      <Stack gap="xs" role="group" aria-labelledby={stepsLabelId}>
        <Text size="sm" fw={500} id={stepsLabelId}>
          {columnLabel.actionSteps}
        </Text>
        {goal.actionSteps.map((_step, stepIndex) => (
          <Group
            // Steps are plain text without ids; their position is what names them.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={stepIndex}
            gap="xs"
            align="flex-start"
            wrap="nowrap"
          >
            <TextInput
              id={fieldId("goal", goal.key, "step", stepIndex)}
              label={`Action step ${stepIndex + 1}`}
              style={{ flex: 1 }}
              {...form.getInputProps(`${path}.actionSteps.${stepIndex}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={`Remove action step ${stepIndex + 1} of goal ${index + 1}`}
              onClick={() => form.removeListItem(`${path}.actionSteps`, stepIndex)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <GroupError message={form.errors[`${path}.actionSteps`]} />
        <Group gap="sm">
          <CompactButton
            variant="default"
            icon={IconPlus}
            disabled={goal.actionSteps.length >= growthPlanLimits.actionStepsPerGoal}
            onClick={() => {
              form.insertListItem(`${path}.actionSteps`, "");
              onStepAdded(goal.actionSteps.length);
            }}
          >
            Add action step
          </CompactButton>
          {goal.actionSteps.length > growthPlanLimits.recommendedActionSteps && (
            <Text size="sm" c="dimmed">
              The handbook suggests {growthPlanLimits.recommendedActionSteps} steps at most.
            </Text>
          )}
        </Group>
      </Stack>
      {(["network", "challenges"] as const).map((column) => (
        <GrowingTextarea
          key={column}
          label={columnLabel[column]}
          description="Markdown."
          {...form.getInputProps(`${path}.${column}`)}
        />
      ))}
    </>
  );
}
