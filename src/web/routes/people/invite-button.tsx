import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCheck, IconCopy, IconMailForward } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { InvitationCreated, PersonProfile } from "#core/people.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { createInvitation } from "../../api/people.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { formatDateTime } from "../../format/dates.ts";

/** Creates a one-time sign-up link; the link is shown only here, once. */
export function InviteButton({ profile }: { profile: PersonProfile }) {
  const [opened, modal] = useDisclosure(false);
  const queryClient = useQueryClient();
  const { person } = profile;
  const pending = profile.account?.pendingInvitationExpiresAt;

  const inviteMutation = useMutation({
    mutationFn: () => createInvitation(person.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });

  const open = () => {
    inviteMutation.reset();
    modal.open();
  };

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconMailForward size={18} aria-hidden />}
        onClick={open}
      >
        {pending ? "New invitation" : "Invite"}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={`Invite ${person.displayName}`} centered>
        {inviteMutation.data ? (
          <InvitationLink invitation={inviteMutation.data} onDone={modal.close} />
        ) : (
          <Stack>
            <FormErrorAlert
              message={inviteMutation.isError ? errorMessage(inviteMutation.error) : null}
            />
            <Text size="sm">
              {person.displayName} gets a link to set their password and sign in. It works once and
              expires after 7 days.
              {pending ? " The invitation sent earlier stops working." : ""}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={modal.close}>
                Cancel
              </Button>
              <Button loading={inviteMutation.isPending} onClick={() => inviteMutation.mutate()}>
                Create invitation link
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

function InvitationLink({
  invitation,
  onDone,
}: {
  invitation: InvitationCreated;
  onDone: () => void;
}) {
  return (
    <Stack>
      <Alert color="green" variant="light" role="status">
        {invitation.emailed
          ? "The invitation was emailed. You can also pass on the link yourself."
          : "Email is not set up, so give this link to the person yourself."}
      </Alert>
      <TextInput
        label="Invitation link"
        description={`Works once, until ${formatDateTime(invitation.expiresAt)}. It is not shown again.`}
        value={invitation.url}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        rightSection={
          <CopyButton value={invitation.url}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? "Copied" : "Copy link"}>
                <ActionIcon
                  variant="subtle"
                  color={copied ? "trellis" : "gray"}
                  aria-label={copied ? "Link copied" : "Copy link"}
                  onClick={copy}
                >
                  {copied ? (
                    <IconCheck size={16} aria-hidden />
                  ) : (
                    <IconCopy size={16} aria-hidden />
                  )}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        }
      />
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
