import { Button, Group, Radio, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRoute, IconUserOff } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { AdminPeopleList, BulkPathwayAssignmentBody } from "#core/people-admin.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { pathwayTemplatesQuery, pathwayTemplatesQueryKey } from "../../api/pathway.api.ts";
import { assignPathwayInBulk, deactivatePeople } from "../../api/people-admin.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";

interface BulkActionsProps {
  selected: ReadonlySet<string>;
  options: AdminPeopleList["options"] | undefined;
  onDone: () => void;
}

const peopleCount = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** What an administrator does to several people at once: the chosen ones, a department, a team. */
export function BulkActions({ selected, options, onDone }: BulkActionsProps) {
  const count = selected.size;
  return (
    <Group gap="sm" role="toolbar" aria-label="Bulk actions">
      <Text size="sm" aria-live="polite">
        {count === 0 ? "No one selected" : `${peopleCount(count)} selected`}
      </Text>
      <ModalButton
        label="Assign pathway template"
        title="Assign a pathway template"
        variant="default"
        leftSection={<IconRoute size={18} aria-hidden />}
      >
        {(close) => (
          <AssignForm
            selected={selected}
            options={options}
            onDone={() => {
              close();
              onDone();
            }}
            onCancel={close}
          />
        )}
      </ModalButton>
      <ModalButton
        label="Deactivate selected"
        title={`Deactivate ${peopleCount(count)}?`}
        variant="default"
        color="red"
        disabled={count === 0}
        leftSection={<IconUserOff size={18} aria-hidden />}
      >
        {(close) => (
          <DeactivateConfirm
            selected={selected}
            onDone={() => {
              close();
              onDone();
            }}
            onCancel={close}
          />
        )}
      </ModalButton>
    </Group>
  );
}

const defaultValue = "default";

const assignFormSchema = z
  .object({
    templateId: z.string().min(1, "Choose a template"),
    kind: z.enum(["people", "department", "team"]),
    department: z.string(),
    team: z.string(),
  })
  .superRefine((values, context) => {
    if (values.kind === "department" && !values.department) {
      context.addIssue({ code: "custom", path: ["department"], message: "Choose a department" });
    }
    if (values.kind === "team" && !values.team) {
      context.addIssue({ code: "custom", path: ["team"], message: "Choose a team" });
    }
  });

function AssignForm({
  selected,
  options,
  onDone,
  onCancel,
}: {
  selected: ReadonlySet<string>;
  options: AdminPeopleList["options"] | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const templates = useQuery(pathwayTemplatesQuery("active"));
  const templateOptions = [
    { value: defaultValue, label: "The default template (remove the assignment)" },
    ...(templates.data?.templates ?? []).map((template) => ({
      value: template.id,
      label: template.isDefault ? `${template.name} (default)` : template.name,
    })),
  ];
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: assignFormSchema,
    mode: "controlled",
    initialValues: {
      templateId: "",
      kind: (selected.size > 0 ? "people" : "department") as "people" | "department" | "team",
      department: "",
      team: "",
    },
    submit: (values) => {
      const target: BulkPathwayAssignmentBody["target"] =
        values.kind === "people"
          ? { kind: "people", personIds: [...selected] }
          : values.kind === "department"
            ? { kind: "department", department: values.department }
            : { kind: "team", team: values.team };
      const templateId = values.templateId === defaultValue ? null : values.templateId;
      return assignPathwayInBulk({ templateId, target });
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: pathwayTemplatesQueryKey });
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      notifications.show({
        color: "green",
        message: `${peopleCount(result.personIds.length)} now follow ${result.template?.name ?? "the default template"}.`,
      });
      onDone();
    },
  });
  const kind = form.getValues().kind;

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <Select
          label="Pathway template"
          withAsterisk
          data={templateOptions}
          allowDeselect={false}
          {...form.getInputProps("templateId")}
        />
        <Radio.Group label="Who follows it" {...form.getInputProps("kind")}>
          <Stack gap="xs" mt="xs">
            <Radio
              value="people"
              label={`The ${peopleCount(selected.size)} selected`}
              disabled={selected.size === 0}
            />
            <Radio value="department" label="Everyone active in a department" />
            <Radio value="team" label="Everyone active in a team" />
          </Stack>
        </Radio.Group>
        {kind === "department" && (
          <Select
            label="Department"
            withAsterisk
            searchable
            data={options?.departments ?? []}
            {...form.getInputProps("department")}
          />
        )}
        {kind === "team" && (
          <Select
            label="Team"
            withAsterisk
            searchable
            data={options?.teams ?? []}
            {...form.getInputProps("team")}
          />
        )}
        <FormActions onCancel={onCancel} submitLabel="Assign" pending={mutation.isPending} />
      </Stack>
    </form>
  );
}

function DeactivateConfirm({
  selected,
  onDone,
  onCancel,
}: {
  selected: ReadonlySet<string>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const deactivate = useMutation({
    mutationFn: () => deactivatePeople({ personIds: [...selected] }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      notifications.show({
        color: "green",
        message: `${peopleCount(result.deactivated.length)} deactivated.`,
      });
      onDone();
    },
  });
  return (
    <Stack>
      <Text>
        They can no longer sign in, and their sessions end at once. Their plans and history are
        kept; you can reactivate anyone from their profile.
      </Text>
      <FormErrorAlert message={deactivate.isError ? errorMessage(deactivate.error) : null} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate()}>
          Deactivate {peopleCount(selected.size)}
        </Button>
      </Group>
    </Stack>
  );
}
