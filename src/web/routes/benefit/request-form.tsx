import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { benefitLimits } from "#core/benefits.schemas.ts";
import {
  benefitGoalOptionsQuery,
  benefitsQueryKey,
  createBenefitRequest,
} from "../../api/benefits.api.ts";
import { DateField } from "../../components/date-field.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import {
  type BenefitRequestValues,
  benefitRequestDefaults,
  benefitRequestForm,
} from "./benefit-forms.ts";

/** A new funding request, in the budget's currency; it goes to the manager, or to L&D. */
export function BenefitRequestForm({ currency }: { currency: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const goals = useQuery(benefitGoalOptionsQuery);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: benefitRequestForm(currency),
    mode: "controlled",
    initialValues: benefitRequestDefaults as BenefitRequestValues,
    submit: createBenefitRequest,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: benefitsQueryKey });
      await navigate({
        to: "/learning/benefit/requests/$requestId",
        params: { requestId: created.id },
      });
    },
  });
  const goalOptions = [
    { value: "", label: "None" },
    ...(goals.data?.items ?? []).map((goal) => ({ value: goal.id, label: goal.label })),
  ];

  return (
    <form noValidate onSubmit={onSubmit} aria-label="New benefit request">
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <TextInput
          label="What"
          description="The course, certification, conference or book."
          withAsterisk
          maxLength={benefitLimits.title}
          {...form.getInputProps("title")}
        />
        <TextInput
          label="Provider"
          withAsterisk
          maxLength={benefitLimits.provider}
          {...form.getInputProps("provider")}
        />
        <TextInput
          label="Link"
          type="url"
          placeholder="https://"
          maxLength={benefitLimits.link}
          {...form.getInputProps("link")}
        />
        <TextInput
          label={`Cost (${currency})`}
          description={`In ${currency}, the budget's currency; convert other prices first.`}
          inputMode="decimal"
          withAsterisk
          {...form.getInputProps("costMinor")}
        />
        <Group grow align="flex-start" wrap="wrap">
          <DateField label="Starts on" withAsterisk {...form.getInputProps("startsOn")} />
          <DateField label="Ends on" {...form.getInputProps("endsOn")} />
        </Group>
        <NativeSelect
          label="Growth plan goal it supports"
          description={
            goalOptions.length > 1
              ? "Its name is shown to your manager and L&D with the request."
              : "Your active growth plan has no goals yet."
          }
          data={goalOptions}
          {...form.getInputProps("goalId")}
        />
        <Textarea
          label="Details"
          description="Why it helps, and anything L&D should know."
          autosize
          minRows={2}
          maxLength={benefitLimits.details}
          {...form.getInputProps("details")}
        />
        <Text size="xs" c="dimmed">
          Your request goes to your manager, then to L&D. Without a manager it goes to L&D directly.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Submit request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
