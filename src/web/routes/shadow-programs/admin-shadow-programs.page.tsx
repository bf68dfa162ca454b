import {
  Badge,
  Card,
  Checkbox,
  CloseButton,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  CreateProgramBody,
  type ProgramSummary,
  type ShadowPerson,
  shadowLimits,
  UpdateProgramBody,
} from "#core/shadow-programs.schemas.ts";
import { personQuery } from "../../api/queries.ts";
import {
  createShadowProgram,
  shadowKey,
  shadowProgramsQuery,
  updateShadowProgram,
} from "../../api/shadow-programs.api.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { useNavigationArea } from "../app/navigation-area.ts";
import { LearningAdminLinks } from "../learning/learning-nav.tsx";

/** Administrators create shadow programs, name their owners, edit and archive them. */
export function ShadowProgramsAdminPage() {
  usePageTitle("Shadow programs");
  useNavigationArea("/admin/learning");
  const programs = useQuery(shadowProgramsQuery);
  return (
    <Stack gap="lg" maw={960}>
      <LearningAdminLinks />
      <Group justify="space-between" gap="sm">
        <Title order={1}>Shadow programs</Title>
        <ModalButton label="New program" title="New shadow program">
          {(close) => <ProgramForm onDone={close} />}
        </ModalButton>
      </Group>
      <Text c="dimmed">
        Each program has owners: they add its rotations and decide its applications after the
        applicant's manager.
      </Text>
      <QueryStatus query={programs} />
      {programs.data && programs.data.items.length === 0 && (
        <Text c="dimmed">No shadow programs yet.</Text>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {programs.data?.items.map((program) => (
          <Card key={program.id} component="li" withBorder radius="md" aria-label={program.name}>
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Group gap="xs">
                  <Title order={2} size="h5">
                    {program.name}
                  </Title>
                  {program.archived && (
                    <Badge color="gray" variant="light" tt="none">
                      Archived
                    </Badge>
                  )}
                </Group>
                <Group gap="xs">
                  <ButtonLink
                    size="xs"
                    variant="default"
                    to="/learning/shadow/programs/$programId"
                    params={{ programId: program.id }}
                    aria-label={`Rotations of ${program.name}`}
                  >
                    Rotations
                  </ButtonLink>
                  <ModalButton
                    size="xs"
                    label="Edit"
                    aria-label={`Edit ${program.name}`}
                    title={`Edit ${program.name}`}
                  >
                    {(close) => <ProgramForm program={program} onDone={close} />}
                  </ModalButton>
                </Group>
              </Group>
              <Text size="sm">Owners: {program.owners.map((owner) => owner.name).join(", ")}</Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function ProgramForm({ program, onDone }: { program?: ProgramSummary; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [owners, setOwners] = useState<ShadowPerson[]>(program?.owners ?? []);
  const [pickerKey, setPickerKey] = useState(0);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: program ? UpdateProgramBody : CreateProgramBody,
    mode: "controlled",
    initialValues: {
      ...(program ? { baseVersion: program.version, archived: program.archived } : {}),
      name: program?.name ?? "",
      description: program?.description ?? "",
      ownerIds: program?.owners.map((owner) => owner.id) ?? [],
    },
    submit: (values) =>
      program && "baseVersion" in values
        ? updateShadowProgram(program.id, values as UpdateProgramBody)
        : createShadowProgram(values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: shadowKey });
      notifications.show({ color: "green", message: "The program was saved." });
      onDone();
    },
  });
  const setOwnerList = (next: ShadowPerson[]) => {
    setOwners(next);
    form.setFieldValue(
      "ownerIds",
      next.map((owner) => owner.id),
    );
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <TextInput
          label="Name"
          required
          maxLength={shadowLimits.name}
          {...form.getInputProps("name")}
        />
        <Textarea
          label="Description"
          description="Markdown: what participants do, who it is for, how long it lasts."
          autosize
          minRows={4}
          maxLength={shadowLimits.description}
          {...form.getInputProps("description")}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="shadow-owners-label">
            Owners
          </Text>
          <Stack
            component="ul"
            gap={4}
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-labelledby="shadow-owners-label"
          >
            {owners.map((owner) => (
              <Group key={owner.id} component="li" gap="xs">
                <OwnerName owner={owner} />
                <CloseButton
                  size="sm"
                  aria-label={`Remove ${owner.name} from the owners`}
                  onClick={() => setOwnerList(owners.filter((other) => other.id !== owner.id))}
                />
              </Group>
            ))}
          </Stack>
          <PersonSelect
            key={pickerKey}
            label="Add an owner"
            placeholder="Search people by name"
            value={null}
            onChange={(personId) => {
              if (!personId || owners.some((owner) => owner.id === personId)) return;
              setOwnerList([...owners, { id: personId, name: "" }]);
              setPickerKey((key) => key + 1);
            }}
            error={form.errors.ownerIds}
          />
        </Stack>
        {program && (
          <Checkbox
            label="Archived (hidden from members)"
            {...form.getInputProps("archived", { type: "checkbox" })}
          />
        )}
        <FormErrorAlert message={formError} />
        <FormActions submitLabel="Save program" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** An owner just picked comes with an id alone: their name is read from the directory. */
function OwnerName({ owner }: { owner: ShadowPerson }) {
  const person = useQuery({ ...personQuery(owner.id), enabled: owner.name === "" });
  return <Text size="sm">{owner.name || person.data?.person.displayName || "…"}</Text>;
}
