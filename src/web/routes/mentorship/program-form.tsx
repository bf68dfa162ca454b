import { Button, Checkbox, Group, Paper, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ProgramView } from "#core/mentorship/mentorship.schemas.ts";
import {
  type ProgramBody,
  ProgramBody as ProgramBodySchema,
} from "#core/mentorship/mentorship.schemas.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { DateField } from "../../components/date-field.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { PeopleListField } from "./people-list-field.tsx";

export const audienceLabels: Record<ProgramBody["audience"], string> = {
  everyone: "Everyone",
  department: "One department",
  members: "A group of named people (e.g. a team member resource group)",
};

export function programValues(program: ProgramView | null): ProgramBody {
  if (!program) {
    return {
      name: "",
      description: "",
      audience: "everyone",
      groupName: "",
      groupDepartment: "",
      memberIds: [],
      ownerIds: [],
      cohorts: [],
      open: true,
    };
  }
  return {
    name: program.name,
    description: program.description,
    audience: program.audience,
    groupName: program.groupName ?? "",
    groupDepartment: program.groupDepartment ?? "",
    memberIds: (program.members ?? []).map((person) => person.id),
    ownerIds: program.owners.map((person) => person.id),
    cohorts: program.cohorts,
    open: program.open,
  };
}

/** Create or edit a program: its audience, owners, cohorts and whether it takes people in. */
export function ProgramForm({
  initial,
  canNameOwners,
  submitLabel,
  submit,
  onDone,
}: {
  initial: ProgramView | null;
  canNameOwners: boolean;
  submitLabel: string;
  submit: (body: ProgramBody) => Promise<ProgramView>;
  onDone: (saved: ProgramView | null) => void;
}) {
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: ProgramBodySchema,
    mode: "controlled",
    initialValues: programValues(initial),
    submit,
    onSuccess: (saved) => onDone(saved),
  });
  const values = form.values;
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <TextInput label="Name" required {...form.getInputProps("name")} />
        <Textarea
          label="Description"
          description="Markdown: what the program offers, how long it runs, what it asks of people."
          autosize
          minRows={3}
          {...form.getInputProps("description")}
        />
        <Select
          label="Who can take part"
          data={Object.entries(audienceLabels).map(([value, label]) => ({ value, label }))}
          allowDeselect={false}
          {...form.getInputProps("audience")}
        />
        {values.audience !== "everyone" && (
          <TextInput
            label="Group name"
            description="e.g. Women at Trellis"
            {...form.getInputProps("groupName")}
          />
        )}
        {values.audience === "department" && (
          <TextInput label="Department" required {...form.getInputProps("groupDepartment")} />
        )}
        {values.audience === "members" && (
          <PeopleListField
            label="Members"
            addLabel="Add a member"
            value={values.memberIds ?? []}
            onChange={(ids) => form.setFieldValue("memberIds", ids)}
            error={form.errors.memberIds}
          />
        )}
        {canNameOwners && (
          <PeopleListField
            label="Program owners"
            addLabel="Add an owner"
            value={values.ownerIds}
            onChange={(ids) => form.setFieldValue("ownerIds", ids)}
            error={form.errors.ownerIds}
          />
        )}
        <Stack gap="xs" role="group" aria-label="Cohorts">
          {values.cohorts.map((cohort, index) => (
            <Paper key={cohort.id ?? `new-${index}`} withBorder p="xs">
              <Group align="flex-end" gap="xs">
                <TextInput
                  label="Cohort"
                  required
                  style={{ flex: "1 1 10rem" }}
                  {...form.getInputProps(`cohorts.${index}.name`)}
                />
                <DateField
                  label="Starts"
                  required
                  style={{ flex: "1 1 9rem" }}
                  {...form.getInputProps(`cohorts.${index}.startsOn`)}
                />
                <DateField
                  label="Ends"
                  required
                  style={{ flex: "1 1 9rem" }}
                  {...form.getInputProps(`cohorts.${index}.endsOn`)}
                />
                <CompactButton
                  color="red"
                  icon={IconTrash}
                  onClick={() => form.removeListItem("cohorts", index)}
                >
                  Remove cohort
                </CompactButton>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => form.insertListItem("cohorts", { name: "", startsOn: "", endsOn: "" })}
            >
              Add a cohort
            </Button>
          </Group>
        </Stack>
        <Checkbox
          label="Open: mentors and mentees can sign up"
          {...form.getInputProps("open", { type: "checkbox" })}
        />
        <FormActions
          submitLabel={submitLabel}
          pending={mutation.isPending}
          onCancel={() => onDone(null)}
        />
      </Stack>
    </form>
  );
}
