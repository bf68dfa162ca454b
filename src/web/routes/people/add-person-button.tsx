import { Button, Group, Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { CreatePersonBody } from "#core/people.schemas.ts";
import { createPerson } from "../../api/people.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { applyApiErrorToForm } from "../../forms/api-form-errors.ts";
import { zodForm } from "../../forms/zod-form.ts";
import { emptyPersonForm, type PersonFormValues } from "./person-form.ts";
import { PersonFormFields } from "./person-form-fields.tsx";

/** Admins add one person by hand; many at once go through the CSV import. */
export function AddPersonButton() {
  const [opened, modal] = useDisclosure(false);
  // A long form reads best as its own screen on a phone.
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;

  return (
    <>
      <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={modal.open}>
        Add person
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title="Add a person"
        size="lg"
        fullScreen={isPhone}
      >
        {opened && <AddPersonForm onDone={modal.close} />}
      </Modal>
    </>
  );
}

function AddPersonForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<PersonFormValues, CreatePersonBody>({
    mode: "controlled",
    initialValues: emptyPersonForm,
    ...zodForm(CreatePersonBody),
  });

  const createMutation = useMutation({
    mutationFn: createPerson,
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
    onError: (error) => setFormError(applyApiErrorToForm(form, error)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        createMutation.mutate(values);
      })}
    >
      <Stack>
        <FormErrorAlert message={formError} />
        <PersonFormFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createMutation.isPending}>
            Add person
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
