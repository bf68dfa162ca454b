import { Card, Group, NumberInput, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import {
  ApplyBody,
  type ProgramView,
  RotationBody,
  type RotationView,
  shadowLimits,
  UpdateRotationBody,
} from "#core/shadow-programs.schemas.ts";
import {
  addRotation,
  applyToRotation,
  completeApplication,
  rotationApplicationsQuery,
  shadowKey,
  shadowProgramQuery,
  updateRotation,
} from "../../api/shadow-programs.api.ts";
import { DateField } from "../../components/date-field.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { Markdown } from "../../components/markdown.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";
import {
  ActionButton,
  ApplicationCard,
  DecisionButton,
  rotationDays,
  StatusBadge,
} from "./shadow-parts.tsx";

const route = getRouteApi("/app/learning/shadow/programs/$programId");

const open = new Set(["pending_manager", "pending_owner", "waitlisted", "confirmed", "completed"]);
const ownerDecidable = new Set(["pending_owner", "waitlisted", "confirmed"]);

/** One shadow program: its rotations to apply to; for its owners, their applications too. */
export function ShadowProgramPage() {
  const { programId } = route.useParams();
  const program = useQuery(shadowProgramQuery(programId));
  usePageTitle(program.data?.name ?? "Shadow program");
  const user = useCurrentUser();
  const runs = program.data ? program.data.isOwner || user.role === "admin" : false;

  return (
    <Stack gap="lg" maw={960}>
      <LearningLinks />
      <QueryStatus query={program} />
      {program.data && (
        <>
          <Stack gap="xs">
            <Title order={1}>{program.data.name}</Title>
            <Text size="sm" c="dimmed">
              Run by {program.data.owners.map((owner) => owner.name).join(", ")}
            </Text>
            <Markdown>{program.data.description}</Markdown>
          </Stack>
          <TitledSection
            title="Rotations"
            actions={
              runs && (
                <ModalButton size="xs" label="Add a rotation" title="Add a rotation">
                  {(close) => <RotationForm program={program.data} onDone={close} />}
                </ModalButton>
              )
            }
          >
            {program.data.rotations.length === 0 && <Text c="dimmed">No rotations yet.</Text>}
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
              {program.data.rotations.map((rotation) => (
                <RotationCard
                  key={rotation.id}
                  program={program.data}
                  rotation={rotation}
                  runs={runs}
                />
              ))}
            </Stack>
          </TitledSection>
        </>
      )}
    </Stack>
  );
}

function RotationCard({
  program,
  rotation,
  runs,
}: {
  program: ProgramView;
  rotation: RotationView;
  runs: boolean;
}) {
  const days = rotationDays(rotation);
  const today = new Date().toISOString().slice(0, 10);
  const mine = rotation.myApplication;
  const canApply = rotation.endsOn >= today && (!mine || !open.has(mine.status));
  return (
    <Card component="li" withBorder radius="md" aria-label={`Rotation ${days}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            {days}
          </Title>
          {mine && <StatusBadge status={mine.status} />}
        </Group>
        <Text size="sm">
          {rotation.seatsTaken} of {rotation.seats} seats taken
          {rotation.waitlisted > 0 ? ` · ${rotation.waitlisted} on the waitlist` : ""}
          {rotation.host ? ` · shadowing ${rotation.host.name}` : ""}
        </Text>
        <Group gap="xs">
          {canApply && (
            <ModalButton
              size="xs"
              label="Apply"
              aria-label={`Apply to the rotation ${days}`}
              title={`Apply to ${program.name}, ${days}`}
            >
              {(close) => <ApplyForm rotation={rotation} onDone={close} />}
            </ModalButton>
          )}
          {runs && (
            <ModalButton
              size="xs"
              variant="default"
              label="Edit"
              aria-label={`Edit the rotation ${days}`}
              title={`Edit the rotation ${days}`}
            >
              {(close) => <RotationForm program={program} rotation={rotation} onDone={close} />}
            </ModalButton>
          )}
        </Group>
        {runs && <RotationApplications rotation={rotation} />}
      </Stack>
    </Card>
  );
}

function RotationApplications({ rotation }: { rotation: RotationView }) {
  const applications = useQuery(rotationApplicationsQuery(rotation.id));
  const items = applications.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Applications
      </Text>
      <QueryStatus query={applications} />
      {applications.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No applications yet.
        </Text>
      )}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((application) => (
          <ApplicationCard
            key={application.id}
            application={application}
            heading={application.applicant.name}
            actions={
              <>
                {ownerDecidable.has(application.status) && (
                  <DecisionButton application={application} as="owner" />
                )}
                {application.status === "confirmed" && (
                  <ActionButton
                    label="Mark completed"
                    ariaLabel={`Mark completed: ${application.applicant.name}'s rotation`}
                    run={() => completeApplication(application.id)}
                  />
                )}
              </>
            }
          />
        ))}
      </Stack>
    </Stack>
  );
}

function ApplyForm({ rotation, onDone }: { rotation: RotationView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: ApplyBody,
    initialValues: { motivation: "" },
    submit: (values) => applyToRotation(rotation.id, values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: shadowKey });
      notifications.show({ color: "green", message: "Your application was sent." });
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Textarea
          label="Motivation"
          description="Why this rotation, and what you hope to learn. Your manager, the program's owners and administrators read it; nobody else does."
          autosize
          minRows={4}
          maxLength={shadowLimits.motivation}
          required
          key={form.key("motivation")}
          {...form.getInputProps("motivation")}
        />
        <FormErrorAlert message={formError} />
        <FormActions
          submitLabel="Send application"
          pending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** Adds a rotation, or edits one from the version it was read at. */
function RotationForm({
  program,
  rotation,
  onDone,
}: {
  program: ProgramView;
  rotation?: RotationView;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: rotation ? UpdateRotationBody : RotationBody,
    mode: "controlled",
    initialValues: {
      ...(rotation ? { baseVersion: rotation.version } : {}),
      startsOn: rotation?.startsOn ?? "",
      endsOn: rotation?.endsOn ?? "",
      seats: rotation?.seats ?? 2,
      hostId: rotation?.host?.id ?? null,
    },
    submit: (values) =>
      rotation && "baseVersion" in values
        ? updateRotation(rotation.id, values as UpdateRotationBody)
        : addRotation(program.id, values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: shadowKey });
      notifications.show({ color: "green", message: "The rotation was saved." });
      onDone();
    },
  });
  const dateProps = (field: "startsOn" | "endsOn") => ({
    value: form.values[field] || null,
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ""),
    error: form.errors[field],
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <DateField label="First day" required {...dateProps("startsOn")} />
        <DateField label="Last day" required {...dateProps("endsOn")} />
        <NumberInput
          label="Seats"
          min={1}
          max={shadowLimits.seats}
          allowDecimal={false}
          required
          {...form.getInputProps("seats")}
        />
        <PersonSelect
          label="Person shadowed (optional)"
          placeholder="Search by name"
          value={form.values.hostId}
          initialPerson={null}
          onChange={(personId) => form.setFieldValue("hostId", personId)}
          error={form.errors.hostId}
        />
        {rotation?.host && (
          <Text size="xs" c="dimmed">
            Now: {rotation.host.name}
          </Text>
        )}
        <FormErrorAlert message={formError} />
        <FormActions submitLabel="Save rotation" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
