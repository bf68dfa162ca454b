import { Button, Group, List, Loader, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PersonProfile } from "#core/people.schemas.ts";
import type { ErasureTableEffect } from "#core/personal-data-erasure.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { erasePerson, previewErasure } from "../../api/personal-data-erasure.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";

const tableLabel = (table: string) => table.replaceAll("_", " ");

function EffectList({ effects }: { effects: ErasureTableEffect[] }) {
  if (effects.length === 0) return <Text size="sm">Nothing.</Text>;
  return (
    <List size="sm" spacing={2}>
      {effects.map((effect) => (
        <List.Item key={`${effect.table}-${effect.handling}`}>
          {tableLabel(effect.table)}: {effect.rows} {effect.rows === 1 ? "row" : "rows"}
        </List.Item>
      ))}
    </List>
  );
}

/** Erasure cannot be undone: the dialog shows what happens and asks for the phrase typed back. */
export function ErasePersonButton({ profile }: { profile: PersonProfile }) {
  const [opened, modal] = useDisclosure(false);
  const [typed, setTyped] = useState("");
  const queryClient = useQueryClient();
  const { person } = profile;
  const preview = useQuery({
    queryKey: ["erasure-preview", person.id],
    queryFn: () => previewErasure(person.id),
    enabled: opened,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const erase = useMutation({
    mutationFn: () => erasePerson(person.id, typed),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      notifications.show({ color: "green", message: "Their data is erased." });
      modal.close();
    },
  });
  const open = () => {
    setTyped("");
    erase.reset();
    modal.open();
  };
  const phrase = preview.data?.confirmationPhrase ?? "";

  return (
    <>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={18} aria-hidden />}
        onClick={open}
      >
        Erase this person…
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title={`Erase ${person.displayName}'s data?`}
        centered
        size="lg"
      >
        <Stack>
          <FormErrorAlert
            message={
              preview.isError
                ? errorMessage(preview.error)
                : erase.isError
                  ? errorMessage(erase.error)
                  : null
            }
          />
          {preview.isPending && <Loader size="sm" aria-label="Loading what erasure would do" />}
          {preview.data && (
            <>
              <Text size="sm">
                This cannot be undone. Their own content is deleted; what others need stays, shown
                as “Erased person”.
              </Text>
              <Text size="sm" fw={600}>
                Deleted
              </Text>
              <EffectList effects={preview.data.deleted} />
              <Text size="sm" fw={600}>
                Pseudonymised
              </Text>
              <EffectList effects={preview.data.pseudonymised} />
              <Text size="sm" fw={600}>
                Kept, pointing at the erased person
              </Text>
              <EffectList effects={preview.data.kept.filter((effect) => effect.rows > 0)} />
              <TextInput
                label={`Type “${phrase}” to confirm`}
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                autoComplete="off"
                data-autofocus
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={!preview.data || typed.trim() !== phrase}
              loading={erase.isPending}
              onClick={() => erase.mutate()}
            >
              Erase
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
