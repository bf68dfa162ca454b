import { Button, Group, Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type PersonProfile, UpdatePersonBody } from "#core/people.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { updatePerson } from "../../api/people.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { sessionQuery } from "../../api/session.queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { applyApiErrorToForm } from "../../forms/api-form-errors.ts";
import { zodForm } from "../../forms/zod-form.ts";
import { changedFields, type PersonFormValues, personFormValues } from "./person-form.ts";
import { PersonFormFields } from "./person-form-fields.tsx";

export function EditPersonButton({ profile }: { profile: PersonProfile }) {
  const [opened, modal] = useDisclosure(false);
  // A long form reads best as its own screen on a phone.
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={18} aria-hidden />}
        onClick={modal.open}
      >
        Edit
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title={`Edit ${profile.person.displayName}`}
        size="lg"
        fullScreen={isPhone}
      >
        {opened && <EditPersonForm profile={profile} onDone={modal.close} />}
      </Modal>
    </>
  );
}

function EditPersonForm({ profile, onDone }: { profile: PersonProfile; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const initialValues = personFormValues(profile);

  const form = useForm<PersonFormValues, UpdatePersonBody>({
    mode: "controlled",
    initialValues,
    ...zodForm(UpdatePersonBody),
  });

  const updateMutation = useMutation({
    mutationFn: (changes: UpdatePersonBody) => updatePerson(profile.person.id, changes),
    onSuccess: async (updated) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
        // Editing oneself may change the name or role the app shows.
        queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }),
      ]);
      notifications.show({ color: "green", message: `${updated.person.displayName} was updated.` });
      onDone();
    },
    onError: (error) => {
      const unexplained = applyApiErrorToForm(form, error);
      // A conflict's message carries what the field cannot, e.g. the whole reporting cycle.
      const conflict =
        error instanceof ApiError && error.code === "conflict" ? error.message : null;
      setFormError(unexplained ?? conflict);
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        const before = UpdatePersonBody.safeParse(initialValues);
        const changes = before.success ? changedFields(before.data, values) : values;
        if (Object.keys(changes).length === 0) {
          onDone();
          return;
        }
        updateMutation.mutate(changes);
      })}
    >
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
          <Button type="submit" loading={updateMutation.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
