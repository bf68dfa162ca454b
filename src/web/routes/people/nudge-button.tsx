import { Radio, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBellRinging } from "@tabler/icons-react";
import { NudgeBody, notificationLimits } from "#core/notifications/notifications.schemas.ts";
import type { PersonProfile } from "#core/people.schemas.ts";
import { nudgePerson } from "../../api/notifications.api.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";

/** A manager's reminder to a direct report about their plan, pathway or career conversation; one of each kind a week. */
export function NudgeButton({ profile }: { profile: PersonProfile }) {
  const name = profile.person.displayName;
  return (
    <ModalButton
      variant="default"
      leftSection={<IconBellRinging size={18} aria-hidden />}
      label="Nudge"
      title={`Nudge ${name}`}
    >
      {(close) => <NudgeForm personId={profile.person.id} name={name} onDone={close} />}
    </ModalButton>
  );
}

function NudgeForm({
  personId,
  name,
  onDone,
}: {
  personId: string;
  name: string;
  onDone: () => void;
}) {
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: NudgeBody,
    mode: "controlled",
    initialValues: { about: "plan" as "plan" | "pathway" | "conversation", message: "" },
    submit: (body) => nudgePerson(personId, body),
    onSuccess: () => {
      notifications.show({ color: "green", message: `${name} was nudged.` });
      onDone();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          {name} gets a notification, and an email if they chose email. One nudge of each kind a
          week.
        </Text>
        <FormErrorAlert message={formError} />
        <Radio.Group label="About" {...form.getInputProps("about")}>
          <Stack gap="xs" mt={6}>
            <Radio value="plan" label="Their growth plan" />
            <Radio value="pathway" label="Their pathway" />
            <Radio value="conversation" label="Scheduling our career conversation" />
          </Stack>
        </Radio.Group>
        <GrowingTextarea
          label="Message (optional)"
          maxLength={notificationLimits.nudgeMessageLength}
          {...form.getInputProps("message")}
        />
        <FormActions submitLabel="Send nudge" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
