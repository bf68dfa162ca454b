import {
  Alert,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlant2, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type ActionItemOwner,
  ActionItemToPlanBody,
  type ActionItemView,
  type ConversationView,
  conversationLimits,
  UpdateActionItemBody,
} from "#core/conversations/conversations.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  actionItemToPlan,
  addActionItem,
  conversationsQueryKey,
  deleteActionItem,
  updateActionItem,
} from "../../api/conversations.api.ts";
import { growthPlansQueryKey, planQuery } from "../../api/growth-plans.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { DateField } from "../../components/date-field.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { ActionItemForm } from "./conversation-forms.ts";

function useRefreshConversation() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: conversationsQueryKey });
}

function ownerName(conversation: ConversationView, owner: ActionItemOwner): string {
  return owner === "member" ? conversation.member.name : conversation.manager.name;
}

/** The action items agreed in this conversation, and the open ones carried over from earlier. */
export function ActionItems({ conversation }: { conversation: ConversationView }) {
  const editable = conversation.can.edit;
  return (
    <Stack gap="md">
      {conversation.actionItems.length === 0 ? (
        <Text c="dimmed" size="sm">
          No action items yet.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {conversation.actionItems.map((item) => (
            <ActionItemRow
              key={item.id}
              conversation={conversation}
              item={item}
              editable={editable}
            />
          ))}
        </Stack>
      )}
      {editable && conversation.actionItems.length < conversationLimits.actionItems && (
        <Group>
          <ModalButton
            variant="default"
            label="Add an action item"
            title="Add an action item"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {(close) => <AddActionItemForm conversation={conversation} onDone={close} />}
          </ModalButton>
        </Group>
      )}
    </Stack>
  );
}

/** Open items of the member's earlier conversations: still to be done, so on this agenda too. */
export function CarriedOverItems({ conversation }: { conversation: ConversationView }) {
  if (conversation.carriedOver.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing left open from earlier conversations.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
      {conversation.carriedOver.map((item) => (
        <ActionItemRow
          key={item.id}
          conversation={conversation}
          item={item}
          editable={false}
          carried
        />
      ))}
    </Stack>
  );
}

function ActionItemRow({
  conversation,
  item,
  editable,
  carried = false,
}: {
  conversation: ConversationView;
  item: ActionItemView;
  editable: boolean;
  carried?: boolean;
}) {
  const refresh = useRefreshConversation();
  const participant = conversation.myRole === "member" || conversation.myRole === "manager";
  const toggle = useMutation({
    mutationFn: (done: boolean) =>
      updateActionItem(item.conversationId, item.id, { baseVersion: item.version, done }),
    onSettled: refresh,
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const remove = useMutation({
    mutationFn: () => deleteActionItem(item.conversationId, item.id, item.version),
    onSettled: refresh,
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const canAddToPlan =
    conversation.myRole === "member" && item.owner === "member" && !item.planLink && !item.doneOn;
  const details = [
    ownerName(conversation, item.owner),
    item.dueOn ? `due ${formatCalendarDate(item.dueOn)}` : null,
    item.doneOn ? `done ${formatCalendarDate(item.doneOn)}` : null,
  ].filter(Boolean);

  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-label={item.title}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: "1 1 18rem", minWidth: 0 }}>
          <Checkbox
            mt={2}
            checked={item.doneOn !== null}
            disabled={!participant || toggle.isPending}
            onChange={(event) => toggle.mutate(event.currentTarget.checked)}
            aria-label={`Done: ${item.title}`}
          />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text
              fw={500}
              td={item.doneOn ? "line-through" : undefined}
              style={{ overflowWrap: "anywhere" }}
            >
              {item.title}
            </Text>
            <Text size="sm" c="dimmed">
              {details.join(" · ")}
              {carried && " · from an earlier conversation"}
            </Text>
            {item.planLink && (
              <AnchorLink
                to="/growth-plans/$planId"
                params={{ planId: item.planLink.planId }}
                size="sm"
              >
                {item.planLink.actionStepId ? "An action step in the plan" : "A goal in the plan"}
              </AnchorLink>
            )}
          </Stack>
        </Group>
        <Group gap={4}>
          {canAddToPlan && conversation.links.activePlan && (
            <ModalButton
              size="compact-sm"
              variant="light"
              label="Add to my plan"
              title={`Add “${item.title}” to my plan`}
              leftSection={<IconPlant2 size={16} aria-hidden />}
              aria-label={`Add to my plan: “${item.title}”`}
            >
              {(close) => (
                <AddToPlanForm
                  conversation={conversation}
                  item={item}
                  planId={conversation.links.activePlan?.id ?? ""}
                  onDone={close}
                />
              )}
            </ModalButton>
          )}
          {editable && (
            <>
              <ModalButton
                size="compact-sm"
                variant="subtle"
                color="gray"
                label="Edit"
                title="Edit the action item"
                leftSection={<IconPencil size={16} aria-hidden />}
                aria-label={`Edit “${item.title}”`}
              >
                {(close) => (
                  <EditActionItemForm conversation={conversation} item={item} onDone={close} />
                )}
              </ModalButton>
              <CompactButton
                icon={IconTrash}
                color="red"
                loading={remove.isPending}
                aria-label={`Delete “${item.title}”`}
                onClick={() => remove.mutate()}
              >
                Delete
              </CompactButton>
            </>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function OwnerRadios({
  conversation,
  inputProps,
}: {
  conversation: ConversationView;
  inputProps: ReturnType<ReturnType<typeof useApiForm>["form"]["getInputProps"]>;
}) {
  return (
    <Radio.Group label="Owner" withAsterisk data-path="owner" {...inputProps}>
      <Group gap="md" mt={6}>
        <Radio value="member" label={`${conversation.member.name} (member)`} />
        <Radio value="manager" label={`${conversation.manager.name} (manager)`} />
      </Group>
    </Radio.Group>
  );
}

function AddActionItemForm({
  conversation,
  onDone,
}: {
  conversation: ConversationView;
  onDone: () => void;
}) {
  const refresh = useRefreshConversation();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: ActionItemForm,
    mode: "controlled",
    initialValues: { owner: "member" as ActionItemOwner, title: "", dueOn: null as string | null },
    submit: (body) => addActionItem(conversation.id, body),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormErrorAlert message={formError} />
        <TextInput
          label="What is to be done"
          withAsterisk
          maxLength={conversationLimits.actionItemTitle}
          {...form.getInputProps("title")}
        />
        <OwnerRadios conversation={conversation} inputProps={form.getInputProps("owner")} />
        <DateField label="Due date" description="Optional." {...form.getInputProps("dueOn")} />
        <FormActions submitLabel="Add item" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function EditActionItemForm({
  conversation,
  item,
  onDone,
}: {
  conversation: ConversationView;
  item: ActionItemView;
  onDone: () => void;
}) {
  const refresh = useRefreshConversation();
  const schema = z
    .object({
      owner: z.enum(["member", "manager"]),
      title: z.string(),
      dueOn: z.string().nullable(),
    })
    .transform(
      (values): z.input<typeof UpdateActionItemBody> => ({
        baseVersion: item.version,
        owner: values.owner,
        title: values.title,
        dueOn: values.dueOn || null,
      }),
    )
    .pipe(UpdateActionItemBody);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema,
    mode: "controlled",
    initialValues: { owner: item.owner, title: item.title, dueOn: item.dueOn },
    submit: (body) => updateActionItem(conversation.id, item.id, body),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormErrorAlert message={formError} />
        <TextInput
          label="What is to be done"
          withAsterisk
          maxLength={conversationLimits.actionItemTitle}
          {...form.getInputProps("title")}
        />
        <OwnerRadios conversation={conversation} inputProps={form.getInputProps("owner")} />
        <DateField label="Due date" description="Optional." {...form.getInputProps("dueOn")} />
        <FormActions submitLabel="Save" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The member's own item becomes a new goal, or an action step of a goal, of their active plan. */
function AddToPlanForm({
  conversation,
  item,
  planId,
  onDone,
}: {
  conversation: ConversationView;
  item: ActionItemView;
  planId: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const plan = useQuery(planQuery(planId));
  const goals = plan.data?.goals ?? [];
  const schema = z
    .object({ as: z.enum(["goal", "action_step"]), goalId: z.string() })
    .superRefine((values, issue) => {
      if (values.as === "action_step" && !values.goalId) {
        issue.addIssue({ code: "custom", path: ["goalId"], message: "Choose the goal" });
      }
    })
    .transform(
      (values): z.input<typeof ActionItemToPlanBody> =>
        values.as === "goal" ? { as: "goal" } : { as: "action_step", goalId: values.goalId },
    )
    .pipe(ActionItemToPlanBody);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema,
    mode: "controlled",
    initialValues: { as: "goal" as "goal" | "action_step", goalId: "" },
    submit: (body) => actionItemToPlan(conversation.id, item.id, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: growthPlansQueryKey }),
      ]);
      notifications.show({ color: "green", message: "Added to your growth plan." });
      onDone();
    },
  });
  const asStep = form.getValues().as === "action_step";

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          It goes into “{conversation.links.activePlan?.title}”, linked to this conversation both
          ways.
        </Text>
        <FormErrorAlert message={formError} />
        <Radio.Group label="Add it as" data-path="as" {...form.getInputProps("as")}>
          <Stack gap="xs" mt={6}>
            <Radio value="goal" label="A new goal" />
            <Radio
              value="action_step"
              label="An action step of one of my goals"
              disabled={goals.length === 0}
            />
          </Stack>
        </Radio.Group>
        {asStep && (
          <NativeSelect
            label="Goal"
            withAsterisk
            data={[
              { value: "", label: "Choose a goal…", disabled: true },
              ...goals.map((goal, index) => ({
                value: goal.id,
                label: goal.content.skill || `Goal ${index + 1}`,
              })),
            ]}
            {...form.getInputProps("goalId")}
          />
        )}
        {plan.isError && (
          <Alert color="red" role="alert">
            The plan's goals could not be loaded: {errorMessage(plan.error)}
          </Alert>
        )}
        <FormActions submitLabel="Add to my plan" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
