import { Fieldset, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { PersonSummary } from "#core/people.schemas.ts";
import { DateField } from "../../components/date-field.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import type { PersonFormValues } from "./person-form.ts";
import { timeZoneOptions } from "./time-zones.ts";

/** What the fields need of a Mantine form over PersonFormValues, whatever it submits. */
interface PersonForm {
  getValues(): PersonFormValues;
  getInputProps(path: keyof PersonFormValues): object;
  setFieldValue(path: "managerId", value: string | null): void;
}

interface PersonFormFieldsProps {
  form: PersonForm;
  /** The person being edited (absent when adding someone). */
  personId?: string;
  initialManager?: PersonSummary | null;
}

const legendStyles = { legend: { fontWeight: 650, marginBottom: "var(--mantine-spacing-xs)" } };

const roleOptions = [
  { value: "member", label: "Member" },
  { value: "admin", label: "Administrator" },
];

/** Every field of a person, grouped as people think of them; shared by "Add" and "Edit". */
export function PersonFormFields({ form, personId, initialManager }: PersonFormFieldsProps) {
  const values = form.getValues();

  return (
    <Stack gap="lg">
      <Fieldset legend="Person" variant="unstyled" styles={legendStyles}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Full name"
            required
            autoComplete="off"
            {...form.getInputProps("name")}
          />
          <TextInput
            label="Preferred name"
            description="Shown instead of the full name."
            autoComplete="off"
            {...form.getInputProps("preferredName")}
          />
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps("email")}
          />
          <Select
            label="Role"
            description="Administrators manage people and settings."
            data={roleOptions}
            allowDeselect={false}
            {...form.getInputProps("role")}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Organization" variant="unstyled" styles={legendStyles}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Job title" {...form.getInputProps("jobTitle")} />
          <PersonSelect
            label="Manager"
            placeholder="Search by name or email"
            initialPerson={initialManager ?? null}
            {...(personId ? { excludeId: personId } : {})}
            {...form.getInputProps("managerId")}
            value={values.managerId}
            onChange={(managerId) => form.setFieldValue("managerId", managerId)}
          />
          <TextInput label="Division" {...form.getInputProps("division")} />
          <TextInput label="Department" {...form.getInputProps("department")} />
          <TextInput label="Team" {...form.getInputProps("team")} />
          <DateField label="Hire date" {...form.getInputProps("hireDate")} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Where they work" variant="unstyled" styles={legendStyles}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Location" {...form.getInputProps("location")} />
          <Select
            label="Time zone"
            placeholder="Search, e.g. Paris"
            searchable
            clearable
            limit={50}
            data={timeZoneOptions(values.timeZone)}
            {...form.getInputProps("timeZone")}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
