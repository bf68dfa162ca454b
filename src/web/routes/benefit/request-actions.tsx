import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BenefitRequestView } from "#core/benefits.schemas.ts";
import { benefitLimits } from "#core/benefits.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  addBenefitReceipt,
  benefitsQueryKey,
  decideAsLd,
  decideAsManager,
  markBenefitPaid,
  withdrawBenefitRequest,
} from "../../api/benefits.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { LdDecisionForm, ManagerDecisionForm, ReceiptForm } from "./benefit-forms.ts";

const decisionOptions = [
  { value: "approve", label: "Approve" },
  { value: "decline", label: "Decline" },
];

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: benefitsQueryKey });
}

export function ManagerDecisionPanel({ request }: { request: BenefitRequestView }) {
  const refresh = useRefresh();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: ManagerDecisionForm,
    initialValues: { decision: "approve" as "approve" | "decline", note: "" },
    submit: (values) => decideAsManager(request.id, values),
    onSuccess: refresh,
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Manager decision">
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <NativeSelect label="Decision" data={decisionOptions} {...form.getInputProps("decision")} />
        <Textarea
          label="Note to the requester"
          description="Needed when you decline."
          autosize
          minRows={2}
          maxLength={benefitLimits.note}
          {...form.getInputProps("note")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Save manager decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function LdDecisionPanel({ request }: { request: BenefitRequestView }) {
  const refresh = useRefresh();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: LdDecisionForm,
    mode: "controlled",
    initialValues: {
      decision: "approve" as "approve" | "decline",
      note: "",
      override: false,
      overrideReason: "",
    },
    submit: (values) => decideAsLd(request.id, values),
    onSuccess: refresh,
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="L&D decision">
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <NativeSelect label="Decision" data={decisionOptions} {...form.getInputProps("decision")} />
        <Textarea
          label="Note to the requester"
          description="Needed when you decline."
          autosize
          minRows={2}
          maxLength={benefitLimits.note}
          {...form.getInputProps("note")}
        />
        {request.exceedsRemaining && (
          <>
            <Checkbox
              label="Approve beyond what remains of the budget (override)"
              {...form.getInputProps("override", { type: "checkbox" })}
            />
            <TextInput
              label="Reason for the override"
              maxLength={benefitLimits.overrideReason}
              {...form.getInputProps("overrideReason")}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Save L&D decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ReceiptPanel({ request }: { request: BenefitRequestView }) {
  const refresh = useRefresh();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: ReceiptForm,
    initialValues: { url: "", label: "" },
    submit: (values) => addBenefitReceipt(request.id, values),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Add a receipt">
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <TextInput
          label="Receipt link"
          type="url"
          placeholder="https://"
          withAsterisk
          {...form.getInputProps("url")}
        />
        <TextInput
          label="Label"
          maxLength={benefitLimits.receiptLabel}
          {...form.getInputProps("label")}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={mutation.isPending}>
            Add receipt
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Paid (L&D) and withdraw (the requester): one click each. */
export function QuickActions({ request }: { request: BenefitRequestView }) {
  const refresh = useRefresh();
  const paid = useMutation({ mutationFn: () => markBenefitPaid(request.id), onSuccess: refresh });
  const withdraw = useMutation({
    mutationFn: () => withdrawBenefitRequest(request.id),
    onSuccess: refresh,
  });
  const failure = paid.error ?? withdraw.error;
  if (!request.can.markPaid && !request.can.withdraw) return null;
  return (
    <Stack gap="xs">
      <FormErrorAlert message={failure ? errorMessage(failure) : null} />
      <Group gap="sm">
        {request.can.markPaid && (
          <Button onClick={() => paid.mutate()} loading={paid.isPending}>
            Mark as paid
          </Button>
        )}
        {request.can.withdraw && (
          <Button variant="default" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
            Withdraw request
          </Button>
        )}
      </Group>
    </Stack>
  );
}
