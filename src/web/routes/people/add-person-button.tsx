import { Button, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUserPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { CreatePersonBody } from "#core/people.schemas.ts";
import { createPerson } from "../../api/people.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { emptyPersonForm } from "./person-form.ts";
import { PersonFormFields } from "./person-form-fields.tsx";

/** Admins add one person by hand; many at once go through the CSV import. */
export function AddPersonButton() {
  return (
    <ModalButton
      label="Add person"
      leftSection={<IconUserPlus size={18} aria-hidden />}
      title="Add a person"
    >
      {(close) => <AddPersonForm onDone={close} />}
    </ModalButton>
  );
}

function AddPersonForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreatePersonBody,
    mode: "controlled",
    initialValues: emptyPersonForm,
    submit: createPerson,
    onSuccess: async (profile) => {
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      notifications.show({
        color: "green",
        title: `${profile.person.displayName} was added`,
        message: "Invite them from their profile so they can set a password and sign in.",
      });
      onDone();
      void navigate({ to: "/people/$id", params: { id: profile.person.id } });
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <PersonFormFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Add person
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
