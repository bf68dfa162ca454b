import { Button, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { type PersonProfile, UpdatePersonBody } from "#core/people.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { updatePerson } from "../../api/people.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { sessionQuery } from "../../api/session.queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { changedFields, type PersonFormValues, personFormValues } from "./person-form.ts";
import { PersonFormFields } from "./person-form-fields.tsx";

export function EditPersonButton({ profile }: { profile: PersonProfile }) {
  return (
    <ModalButton
      label="Edit"
      variant="default"
      leftSection={<IconPencil size={18} aria-hidden />}
      title={`Edit ${profile.person.displayName}`}
    >
      {(close) => <EditPersonForm profile={profile} onDone={close} />}
    </ModalButton>
  );
}

function EditPersonForm({ profile, onDone }: { profile: PersonProfile; onDone: () => void }) {
  const queryClient = useQueryClient();
  const initialValues: PersonFormValues = personFormValues(profile);

  const { form, mutation, onSubmit, formError, setFormError } = useApiForm({
    schema: UpdatePersonBody,
    mode: "controlled",
    initialValues,
    // Only what changed is sent; nothing changed, nothing to send.
    submit: (values) => {
      const before = UpdatePersonBody.safeParse(initialValues);
      const changes = before.success ? changedFields(before.data, values) : values;
      return Object.keys(changes).length === 0
        ? Promise.resolve(null)
        : updatePerson(profile.person.id, changes);
    },
    onSuccess: async (updated) => {
      if (!updated) {
        onDone();
        return;
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
        // Editing oneself may change the name or role the app shows.
        queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }),
      ]);
      notifications.show({ color: "green", message: `${updated.person.displayName} was updated.` });
      onDone();
    },
    onError: (error) => {
      // A conflict's message carries what its field cannot, e.g. the whole reporting cycle.
      if (error instanceof ApiError && error.code === "conflict") setFormError(error.message);
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <PersonFormFields
          form={form}
          personId={profile.person.id}
          initialManager={profile.manager}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
