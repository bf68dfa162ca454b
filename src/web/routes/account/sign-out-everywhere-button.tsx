import { Button, Group, Modal, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconLogout } from "@tabler/icons-react";
import { useSignOut } from "../../session/use-sign-out.ts";

/** Ending every session is hard to undo on other devices, so it asks first. */
export function SignOutEverywhereButton() {
  const [confirmOpened, confirm] = useDisclosure(false);
  const signOutEverywhere = useSignOut({ everywhere: true });

  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconLogout size={16} aria-hidden />}
        onClick={confirm.open}
      >
        Sign out everywhere
      </Button>
      <Modal opened={confirmOpened} onClose={confirm.close} title="Sign out everywhere?" centered>
        <Text size="sm">
          Every device signed in to your account, including this one, will be signed out.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={signOutEverywhere.isPending}
            onClick={() => signOutEverywhere.mutate()}
          >
            Sign out everywhere
          </Button>
        </Group>
      </Modal>
    </>
  );
}
