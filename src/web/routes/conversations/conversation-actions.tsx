import { Button, Group, Menu, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconChevronDown,
  IconCircleCheck,
  IconDownload,
  IconFlag,
  IconUserMinus,
  IconUserPlus,
  IconX,
} from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type ConversationView,
  conversationLimits,
  InviteGuestBody,
} from "#core/conversations/conversations.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  acknowledgeConversation,
  cancelConversation,
  conversationExportUrl,
  conversationsQueryKey,
  finishConversation,
  inviteGuest,
  managerWorkspaceQueryKey,
  removeGuest,
} from "../../api/conversations.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { DateField } from "../../components/date-field.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { acknowledgeForm, cancelForm, finishForm, toLocalIsoDate } from "./conversation-forms.ts";

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: conversationsQueryKey }),
      queryClient.invalidateQueries({ queryKey: managerWorkspaceQueryKey }),
    ]);
}

/** Finish, confirm, cancel and export: what the caller may do with the conversation now. */
export function ConversationActions({ conversation }: { conversation: ConversationView }) {
  const canExport = conversation.myRole !== "guest";
  return (
    <Group gap="xs">
      {conversation.can.finish && (
        <ModalButton
          label="Finish"
          title="Finish the conversation"
          leftSection={<IconFlag size={18} aria-hidden />}
        >
          {(close) => <FinishForm conversation={conversation} onDone={close} />}
        </ModalButton>
      )}
      {conversation.can.acknowledge && (
        <ModalButton
          label="Confirm"
          title="Confirm the conversation"
          leftSection={<IconCircleCheck size={18} aria-hidden />}
        >
          {(close) => <AcknowledgeForm conversation={conversation} onDone={close} />}
        </ModalButton>
      )}
      {canExport && <ExportMenu conversationId={conversation.id} />}
      {conversation.can.cancel && (
        <ModalButton
          variant="default"
          color="red"
          label="Cancel conversation"
          title="Cancel the conversation"
          leftSection={<IconX size={18} aria-hidden />}
        >
          {(close) => <CancelForm conversation={conversation} onDone={close} />}
        </ModalButton>
      )}
    </Group>
  );
}

function FinishForm({
  conversation,
  onDone,
}: {
  conversation: ConversationView;
  onDone: () => void;
}) {
  const refresh = useRefresh();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: finishForm(conversation.version),
    mode: "controlled",
    initialValues: { nextDate: null as string | null },
    submit: (body) => finishConversation(conversation.id, body),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          {conversation.member.name} is then asked to confirm that it happened and the notes are
          accurate; only then does it count as held.
        </Text>
        <FormErrorAlert message={formError} />
        <DateField
          label="Next date agreed"
          minDate={toLocalIsoDate(new Date())}
          withAsterisk
          {...form.getInputProps("nextDate")}
        />
        <FormActions submitLabel="Finish" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function AcknowledgeForm({
  conversation,
  onDone,
}: {
  conversation: ConversationView;
  onDone: () => void;
}) {
  const refresh = useRefresh();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: acknowledgeForm(conversation.version),
    initialValues: { comment: "" },
    submit: (body) => acknowledgeConversation(conversation.id, body),
    onSuccess: async () => {
      await refresh();
      notifications.show({
        color: "green",
        message: "Confirmed: the conversation counts as held.",
      });
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          Confirm that the conversation happened and that the shared notes are accurate.
        </Text>
        <FormErrorAlert message={formError} />
        <GrowingTextarea
          label="Comment (optional)"
          description="Anything you would add or correct."
          maxLength={conversationLimits.acknowledgementComment}
          key={form.key("comment")}
          {...form.getInputProps("comment")}
        />
        <FormActions submitLabel="Confirm" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function CancelForm({
  conversation,
  onDone,
}: {
  conversation: ConversationView;
  onDone: () => void;
}) {
  const refresh = useRefresh();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: cancelForm(conversation.version),
    initialValues: { reason: "" },
    submit: (body) => cancelConversation(conversation.id, body),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">Everyone invited gets a cancellation for their calendar.</Text>
        <FormErrorAlert message={formError} />
        <GrowingTextarea
          label="Reason (optional)"
          maxLength={conversationLimits.cancelReason}
          key={form.key("reason")}
          {...form.getInputProps("reason")}
        />
        <FormActions
          submitLabel="Cancel conversation"
          pending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

function ExportMenu({ conversationId }: { conversationId: string }) {
  return (
    <Menu position="bottom-end" width={280} shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={conversationExportUrl(conversationId, "markdown")} download>
          Markdown (.md)
        </Menu.Item>
        <Menu.Item component="a" href={conversationExportUrl(conversationId, "pdf")} download>
          PDF (.pdf)
        </Menu.Item>
        <Menu.Label>Shared notes, action items and your own private note</Menu.Label>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Guests (a mentor, say) read the agenda and the shared notes; participants invite them. */
export function Guests({ conversation }: { conversation: ConversationView }) {
  const refresh = useRefresh();
  const remove = useMutation({
    mutationFn: (personId: string) => removeGuest(conversation.id, personId),
    onSettled: refresh,
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const canInvite =
    conversation.can.inviteGuest && conversation.guests.length < conversationLimits.guests;
  return (
    <Stack gap="xs">
      {conversation.guests.length === 0 ? (
        <Text size="sm" c="dimmed">
          No guests.
        </Text>
      ) : (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
          {conversation.guests.map((guest) => (
            <Group component="li" key={guest.id} gap="xs">
              <Text size="sm">{guest.name}</Text>
              {conversation.can.inviteGuest && (
                <CompactButton
                  icon={IconUserMinus}
                  aria-label={`Remove ${guest.name}`}
                  loading={remove.isPending && remove.variables === guest.id}
                  onClick={() => remove.mutate(guest.id)}
                >
                  Remove
                </CompactButton>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {canInvite && (
        <Group>
          <ModalButton
            size="compact-sm"
            variant="default"
            label="Invite a guest"
            title="Invite a guest"
            leftSection={<IconUserPlus size={16} aria-hidden />}
          >
            {(close) => <InviteGuestForm conversation={conversation} onDone={close} />}
          </ModalButton>
        </Group>
      )}
    </Stack>
  );
}

/** The person picker answers null until someone is chosen. */
const GuestForm = z
  .object({ personId: z.string("Choose a person").min(1, "Choose a person") })
  .pipe(InviteGuestBody);

function InviteGuestForm({
  conversation,
  onDone,
}: {
  conversation: ConversationView;
  onDone: () => void;
}) {
  const refresh = useRefresh();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: GuestForm,
    mode: "controlled",
    initialValues: { personId: null as string | null },
    submit: ({ personId }) => inviteGuest(conversation.id, personId),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          A guest reads the agenda and the shared notes, nothing else: not the action items, not
          anyone's private note.
        </Text>
        <FormErrorAlert message={formError} />
        <PersonSelect
          label="Guest"
          placeholder="Search people"
          excludeId={conversation.member.id}
          withAsterisk
          {...form.getInputProps("personId")}
          value={form.getValues().personId}
          onChange={(personId) => form.setFieldValue("personId", personId)}
        />
        <FormActions submitLabel="Invite" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
