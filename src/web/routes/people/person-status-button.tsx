import { Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconUserCheck, IconUserOff } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PersonProfile } from "#core/people.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { deactivatePerson, reactivatePerson } from "../../api/people.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";

/** Deactivating locks someone out at once, so it asks first and says exactly what happens. */
export function PersonStatusButton({ profile }: { profile: PersonProfile }) {
  const [opened, modal] = useDisclosure(false);
  const queryClient = useQueryClient();
  const { person } = profile;
  const isActive = person.status === "active";
  // The dialog keeps the action it opened with, while it closes over the updated profile.
  const [deactivating, setDeactivating] = useState(isActive);

  const statusMutation = useMutation({
    mutationFn: () => (deactivating ? deactivatePerson(person.id) : reactivatePerson(person.id)),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      notifications.show({
        color: "green",
        message:
          updated.person.status === "deactivated"
            ? `${updated.person.displayName} is deactivated and signed out everywhere.`
            : `${updated.person.displayName} is active again.`,
      });
      modal.close();
    },
  });

  const open = () => {
    statusMutation.reset();
    setDeactivating(isActive);
    modal.open();
  };
  const title = deactivating
    ? `Deactivate ${person.displayName}?`
    : `Reactivate ${person.displayName}?`;

  return (
    <>
      <Button
        variant="light"
        color={isActive ? "red" : "trellis"}
        leftSection={
          isActive ? <IconUserOff size={18} aria-hidden /> : <IconUserCheck size={18} aria-hidden />
        }
        onClick={open}
      >
        {isActive ? "Deactivate" : "Reactivate"}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={title} centered>
        <Stack>
          <FormErrorAlert
            message={statusMutation.isError ? errorMessage(statusMutation.error) : null}
          />
          {deactivating ? (
            <>
              <Text size="sm">When you deactivate {person.displayName}:</Text>
              <List size="sm" spacing={4}>
                <List.Item>every session they have ends at once, on every device;</List.Item>
                <List.Item>
                  they can no longer sign in, and a pending invitation is cancelled;
                </List.Item>
                <List.Item>they leave the directory for everyone but administrators.</List.Item>
              </List>
              <Text size="sm">Nothing is deleted: you can reactivate them later.</Text>
            </>
          ) : (
            <Text size="sm">
              {person.displayName} returns to the directory and can sign in again with their
              password{profile.account?.hasPassword ? "" : " once they accept an invitation"}.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              Cancel
            </Button>
            <Button
              color={deactivating ? "red" : "trellis"}
              loading={statusMutation.isPending}
              onClick={() => statusMutation.mutate()}
            >
              {deactivating ? "Deactivate" : "Reactivate"}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
