import { Button, Card, Group, Radio, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import {
  type ApplicationStatus,
  type ApplicationView,
  DecisionBody,
  shadowLimits,
} from "#core/shadow-programs.schemas.ts";
import { decideApplication, shadowKey } from "../../api/shadow-programs.api.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { type Tone, ToneBadge } from "../conversations/tone-badge.tsx";

export const statusLabels: Record<ApplicationStatus, string> = {
  pending_manager: "Waiting for the manager",
  pending_owner: "Waiting for the program owner",
  waitlisted: "On the waitlist",
  confirmed: "Seat confirmed",
  declined: "Declined",
  withdrawn: "Withdrawn",
  completed: "Completed",
};

const statusTones: Record<ApplicationStatus, Tone> = {
  pending_manager: "yellow",
  pending_owner: "yellow",
  waitlisted: "orange",
  confirmed: "green",
  declined: "orange",
  withdrawn: "gray",
  completed: "blue",
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <ToneBadge tone={statusTones[status]}>{statusLabels[status]}</ToneBadge>;
}

/** "March 9, 2026 – March 13, 2026", or one day. */
export function rotationDays(rotation: { startsOn: string; endsOn: string }): string {
  return rotation.startsOn === rotation.endsOn
    ? formatCalendarDate(rotation.startsOn)
    : `${formatCalendarDate(rotation.startsOn)} – ${formatCalendarDate(rotation.endsOn)}`;
}

/** One application as a card: who, which rotation, where it stands, what was said. */
export function ApplicationCard({
  application,
  heading,
  actions,
}: {
  application: ApplicationView;
  /** What the card is named by: the program for one's own, the applicant for approvers. */
  heading: string;
  actions?: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" component="li" aria-label={heading}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{heading}</Text>
          <StatusBadge status={application.status} />
        </Group>
        <Text size="sm">
          {application.program.name} · {rotationDays(application.rotation)}
        </Text>
        {application.waitlistPosition !== null && (
          <Text size="sm">Number {application.waitlistPosition} on the waitlist</Text>
        )}
        {application.motivation !== null && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              Motivation
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {application.motivation}
            </Text>
          </Stack>
        )}
        {application.managerDecision && (
          <Text size="sm">
            {application.managerDecision.by.name} (manager) {application.managerDecision.decision}
            {application.managerDecision.note ? `: ${application.managerDecision.note}` : ""}
          </Text>
        )}
        {application.ownerDecision && (
          <Text size="sm">
            {application.ownerDecision.by.name} (program owner) {application.ownerDecision.decision}
            {application.ownerDecision.note ? `: ${application.ownerDecision.note}` : ""}
          </Text>
        )}
        {actions && <Group gap="xs">{actions}</Group>}
      </Stack>
    </Card>
  );
}

/** Approve or decline, with a note for the applicant, as their manager or a program owner. */
export function DecisionButton({
  application,
  as,
}: {
  application: ApplicationView;
  as: "manager" | "owner";
}) {
  return (
    <ModalButton
      size="xs"
      label="Decide"
      aria-label={`Decide on ${application.applicant.name}'s application`}
      title={`${application.applicant.name}: ${application.program.name}`}
    >
      {(close) => <DecisionForm application={application} as={as} onDone={close} />}
    </ModalButton>
  );
}

function DecisionForm({
  application,
  as,
  onDone,
}: {
  application: ApplicationView;
  as: "manager" | "owner";
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: DecisionBody,
    mode: "controlled",
    initialValues: { decision: "approve", note: "" },
    submit: (values) => decideApplication(application.id, as, values),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: shadowKey });
      notifications.show({ color: "green", message: statusLabels[saved.status] });
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">{rotationDays(application.rotation)}</Text>
        <Radio.Group label="Decision" {...form.getInputProps("decision")}>
          <Group mt="xs">
            <Radio value="approve" label="Approve" />
            <Radio value="decline" label="Decline" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Note for the applicant"
          autosize
          minRows={2}
          maxLength={shadowLimits.note}
          {...form.getInputProps("note")}
        />
        <FormErrorAlert message={formError} />
        <FormActions submitLabel="Save decision" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function ActionButton({
  label,
  ariaLabel,
  run,
  confirmColor,
}: {
  label: string;
  ariaLabel: string;
  run: () => Promise<unknown>;
  confirmColor?: string;
}) {
  const queryClient = useQueryClient();
  return (
    <Button
      size="xs"
      variant="light"
      {...(confirmColor ? { color: confirmColor } : {})}
      aria-label={ariaLabel}
      onClick={async () => {
        try {
          await run();
          await queryClient.invalidateQueries({ queryKey: shadowKey });
        } catch (error) {
          notifications.show({
            color: "red",
            message: error instanceof Error ? error.message : "That did not work.",
          });
        }
      }}
    >
      {label}
    </Button>
  );
}
