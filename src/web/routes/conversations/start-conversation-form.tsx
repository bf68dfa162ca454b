import { NativeSelect, NumberInput, Stack, Text } from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { conversationLimits } from "#core/conversations/conversations.schemas.ts";
import {
  conversationsQueryKey,
  conversationTemplatesQuery,
  createConversation,
} from "../../api/conversations.api.ts";
import { teamQuery } from "../../api/queries.ts";
import { DateField } from "../../components/date-field.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import {
  StartConversationForm,
  type StartConversationValues,
  startConversationDefaults,
  toLocalIsoDate,
} from "./conversation-forms.ts";

/**
 * Starts a conversation: the caller with their manager, or a manager with one of their reports.
 * The agenda is copied from the chosen template (the default one when none is chosen).
 */
export function StartConversationFormBody({
  memberId,
  onDone,
}: {
  /** Who it is with when the form opens, e.g. a report chosen in the workspace. */
  memberId?: string;
  onDone: () => void;
}) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const team = useQuery({ ...teamQuery(user.id), enabled: user.managesPeople });
  const templates = useQuery(conversationTemplatesQuery);

  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: StartConversationForm,
    mode: "controlled",
    initialValues: startConversationDefaults(
      memberId ?? (user.managesPeople ? "" : user.id),
    ) as StartConversationValues,
    submit: createConversation,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: conversationsQueryKey });
      onDone();
      await navigate({
        to: "/conversations/$conversationId",
        params: { conversationId: created.id },
      });
    },
  });

  const memberOptions = [
    { value: "", label: "Choose…", disabled: true },
    { value: user.id, label: "Me, with my manager" },
    ...(team.data?.reports ?? []).map((report) => ({
      value: report.id,
      label: `${report.displayName} (reports to you)`,
    })),
  ];
  const activeTemplates = (templates.data?.items ?? []).filter((template) => !template.archived);
  const defaultTemplate = activeTemplates.find((template) => template.isDefault);
  const templateOptions = [
    {
      value: "",
      label: defaultTemplate ? `${defaultTemplate.name} (default)` : "The default agenda",
    },
    ...activeTemplates
      .filter((template) => !template.isDefault)
      .map((template) => ({ value: template.id, label: template.name })),
  ];

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          Both of you get an invitation for your calendar. The agenda comes from the template and
          can be changed later.
        </Text>
        <FormErrorAlert message={formError} />
        <NativeSelect
          label="With"
          description="Yourself with your manager, or one of the people who report to you."
          data={memberOptions}
          withAsterisk
          {...form.getInputProps("memberId")}
        />
        <DateField
          label="Date"
          minDate={toLocalIsoDate(new Date())}
          withAsterisk
          {...form.getInputProps("date")}
        />
        <TimeInput
          label="Time"
          description="In your own time zone."
          withAsterisk
          {...form.getInputProps("time")}
        />
        <NumberInput
          label="Duration (minutes)"
          min={conversationLimits.minDurationMinutes}
          max={conversationLimits.maxDurationMinutes}
          step={15}
          allowDecimal={false}
          {...form.getInputProps("durationMinutes")}
        />
        <NativeSelect
          label="Agenda template"
          data={templateOptions}
          {...form.getInputProps("templateId")}
        />
        <FormActions
          submitLabel="Start conversation"
          pending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
