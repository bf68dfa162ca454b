import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CreateLiveSeriesBody, type LiveSessionView } from "#core/live-learning.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  cancelLiveSession,
  createLiveSeries,
  createLiveSession,
  liveLearningQueryKey,
  liveSeriesQuery,
  liveSessionsQuery,
  updateLiveSession,
} from "../../api/live-learning.api.ts";
import { DateField } from "../../components/date-field.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { useNavigationArea } from "../app/navigation-area.ts";
import { LearningAdminLinks } from "../learning/learning-nav.tsx";
import { timeZoneOptions } from "../people/time-zones.ts";
import { longWhen, todayIn } from "./calendar-range.ts";
import { seatsLeft } from "./session-card.tsx";
import { SessionForm, type SessionFormValues, sessionFormValues } from "./session-form.ts";

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const day = 86_400_000;

/** L&D plans the calendar: sessions with their host, seats and place; series to group them. */
export function LiveSessionsAdminPage() {
  usePageTitle("Live sessions");
  useNavigationArea("/admin/learning");
  const [from] = useState(() => new Date(Date.parse(`${todayIn("UTC")}T00:00:00Z`) - 7 * day));
  const range = {
    from: from.toISOString(),
    to: new Date(from.getTime() + 62 * day).toISOString(),
  };
  const sessions = useQuery(liveSessionsQuery(range));
  const zone = sessions.data?.viewerTimeZone ?? browserZone;
  return (
    <Stack gap="md" maw={1100}>
      <LearningAdminLinks />
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Live sessions</Title>
        <ModalButton
          label="Plan a session"
          title="Plan a live session"
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          {(close) => <SessionFormBody session={null} zone={zone} onDone={close} />}
        </ModalButton>
      </Group>
      <Text c="dimmed">
        Sessions of the last week and the next eight weeks, in your time zone ({zone}). Members RSVP
        on the calendar; the host records attendance on the session's page.
      </Text>
      <QueryStatus query={sessions} />
      {sessions.data && <SessionTable sessions={sessions.data.items} zone={zone} />}
      <SeriesSection />
    </Stack>
  );
}

function SessionTable({ sessions, zone }: { sessions: LiveSessionView[]; zone: string }) {
  if (sessions.length === 0) return <Text>No sessions planned in this period.</Text>;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Session</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Seats</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                <AnchorLink to="/learning/sessions/$sessionId" params={{ sessionId: session.id }}>
                  {session.title}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  Hosted by {session.host.name}
                  {session.status === "cancelled" ? " · cancelled" : ""}
                </Text>
              </Table.Td>
              <Table.Td>{longWhen(session.startsAt, session.endsAt, zone)}</Table.Td>
              <Table.Td>{seatsLeft(session)}</Table.Td>
              <Table.Td>
                {session.status === "scheduled" && (
                  <Group gap="xs" wrap="wrap">
                    <ModalButton
                      label="Edit"
                      title={`Edit ${session.title}`}
                      variant="default"
                      size="xs"
                      aria-label={`Edit ${session.title}`}
                    >
                      {(close) => <SessionFormBody session={session} zone={zone} onDone={close} />}
                    </ModalButton>
                    <CancelSessionButton session={session} />
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CancelSessionButton({ session }: { session: LiveSessionView }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelLiveSession(session.id, session.version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: liveLearningQueryKey }),
  });
  return (
    <ModalButton
      label="Cancel"
      title={`Cancel ${session.title}?`}
      variant="default"
      color="red"
      size="xs"
      aria-label={`Cancel ${session.title}`}
    >
      {(close) => (
        <Stack gap="md">
          <Text>
            Everyone going gets a cancellation for their calendar, and everyone with an RSVP a
            notification. This cannot be undone.
          </Text>
          {cancel.error && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(cancel.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate(undefined, { onSuccess: close })}
            >
              Cancel the session
            </Button>
          </Group>
        </Stack>
      )}
    </ModalButton>
  );
}

function SessionFormBody({
  session,
  zone,
  onDone,
}: {
  session: LiveSessionView | null;
  zone: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const series = useQuery(liveSeriesQuery);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: SessionForm,
    mode: "controlled",
    initialValues: sessionFormValues(session, zone) as SessionFormValues,
    submit: (body) =>
      session
        ? updateLiveSession(session.id, { ...body, baseVersion: session.version })
        : createLiveSession(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: liveLearningQueryKey });
      onDone();
    },
  });
  const hostProps = form.getInputProps("hostId");
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <TextInput label="Title" withAsterisk {...form.getInputProps("title")} />
        <Textarea
          label="Description"
          description="Markdown: what to prepare, what you will practise."
          autosize
          minRows={3}
          {...form.getInputProps("description")}
        />
        <PersonSelect
          label="Host"
          withAsterisk
          placeholder="Search by name or email"
          value={form.values.hostId}
          onChange={(id) => form.setFieldValue("hostId", id)}
          error={hostProps.error}
          initialPerson={
            session
              ? {
                  id: session.host.id,
                  email: "",
                  name: session.host.name,
                  preferredName: null,
                  displayName: session.host.name,
                  jobTitle: null,
                  division: null,
                  department: null,
                  team: null,
                  location: null,
                  timeZone: null,
                  managerId: null,
                  status: "active",
                }
              : null
          }
        />
        <NativeSelect
          label="Series"
          data={[
            { value: "", label: "No series" },
            ...(series.data?.items ?? []).map((item) => ({ value: item.id, label: item.title })),
          ]}
          {...form.getInputProps("seriesId")}
        />
        <DateField label="Date" withAsterisk {...form.getInputProps("date")} />
        <Group grow>
          <TimeInput label="Starts" withAsterisk {...form.getInputProps("start")} />
          <TimeInput label="Ends" withAsterisk {...form.getInputProps("end")} />
        </Group>
        <Select
          label="Time zone"
          description="The zone the times above are in; each person sees them in their own."
          searchable
          allowDeselect={false}
          withAsterisk
          data={timeZoneOptions(form.values.timeZone)}
          {...form.getInputProps("timeZone")}
        />
        <NumberInput
          label="Seats"
          min={1}
          allowDecimal={false}
          withAsterisk
          {...form.getInputProps("capacity")}
        />
        <TextInput label="Online link" type="url" {...form.getInputProps("onlineUrl")} />
        <TextInput label="Place" {...form.getInputProps("place")} />
        <Checkbox
          label="A group conversation from a division"
          description="Attending also completes the pathway's group conversation item for people of other divisions."
          {...form.getInputProps("groupConversation", { type: "checkbox" })}
        />
        {form.values.groupConversation && (
          <TextInput label="Division" withAsterisk {...form.getInputProps("division")} />
        )}
        <FormActions
          submitLabel={session ? "Save session" : "Plan session"}
          pending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

function SeriesSection() {
  const series = useQuery(liveSeriesQuery);
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreateLiveSeriesBody,
    initialValues: { title: "", description: "" },
    submit: createLiveSeries,
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: liveLearningQueryKey });
    },
  });
  return (
    <TitledSection title="Series" description="Group sessions that belong together.">
      <QueryStatus query={series} />
      {series.data && series.data.items.length > 0 && (
        <Stack gap={2}>
          {series.data.items.map((item) => (
            <Text key={item.id}>{item.title}</Text>
          ))}
        </Stack>
      )}
      <form noValidate onSubmit={onSubmit}>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="New series" {...form.getInputProps("title")} key={form.key("title")} />
          <Button type="submit" variant="default" loading={mutation.isPending}>
            Add series
          </Button>
        </Group>
        <FormErrorAlert message={formError} />
      </form>
    </TitledSection>
  );
}
