import { Alert, Anchor, Button, Checkbox, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { LiveSessionRoster, LiveSessionView } from "#core/live-learning.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  cancelMyRsvp,
  invitationDownloadUrl,
  liveLearningQueryKey,
  liveSessionQuery,
  liveSessionRosterQuery,
  recordAttendance,
  rsvpToSession,
} from "../../api/live-learning.api.ts";
import { Markdown } from "../../components/markdown.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";
import { longWhen } from "./calendar-range.ts";
import { RsvpBadge, seatsLeft } from "./session-card.tsx";

const route = getRouteApi("/app/learning/sessions/$sessionId");

/** One session: when and where, the viewer's RSVP and invitation, and for the host the roster. */
export function LiveSessionPage() {
  const { sessionId } = route.useParams();
  const session = useQuery(liveSessionQuery(sessionId));
  usePageTitle(session.data?.title ?? "Live session");
  return (
    <Stack gap="md" maw={900}>
      <LearningLinks />
      <QueryStatus query={session} />
      {session.data && <SessionDetails session={session.data} />}
      {session.data?.canRecordAttendance && <Roster sessionId={session.data.id} />}
    </Stack>
  );
}

function SessionDetails({ session }: { session: LiveSessionView }) {
  const zone = session.viewerTimeZone;
  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {session.title}
        </Title>
        <RsvpBadge session={session} />
      </Group>
      <Stack gap={4}>
        <Text>{longWhen(session.startsAt, session.endsAt, zone)}</Text>
        {zone !== session.timeZone && (
          <Text size="sm" c="dimmed">
            Planned as {longWhen(session.startsAt, session.endsAt, session.timeZone)}
          </Text>
        )}
        <Text size="sm">Hosted by {session.host.name}</Text>
        {session.series && <Text size="sm">Series: {session.series.title}</Text>}
        {session.groupConversation && (
          <Text size="sm">Group conversation from the {session.division} division</Text>
        )}
        {session.place && <Text size="sm">Place: {session.place}</Text>}
        {session.onlineUrl && (
          <Text size="sm">
            Online:{" "}
            <Anchor href={session.onlineUrl} target="_blank" rel="noreferrer noopener">
              {session.onlineUrl}
            </Anchor>
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {seatsLeft(session)}
        </Text>
      </Stack>
      <RsvpActions session={session} />
      {session.description.trim() && (
        <TitledSection title="About this session">
          <Markdown>{session.description}</Markdown>
        </TitledSection>
      )}
    </>
  );
}

function RsvpActions({ session }: { session: LiveSessionView }) {
  const queryClient = useQueryClient();
  const onSuccess = async (saved: LiveSessionView) => {
    queryClient.setQueryData(liveSessionQuery(saved.id).queryKey, saved);
    await queryClient.invalidateQueries({ queryKey: liveLearningQueryKey });
  };
  const going = useMutation({ mutationFn: () => rsvpToSession(session.id), onSuccess });
  const cancel = useMutation({ mutationFn: () => cancelMyRsvp(session.id), onSuccess });
  const failed = going.error ?? cancel.error;
  const over = Date.parse(session.endsAt) <= Date.now();
  if (session.status === "cancelled") {
    return (
      <Alert color="red" variant="light">
        This session was cancelled.
      </Alert>
    );
  }
  const full = session.goingCount >= session.capacity;
  return (
    <Stack gap="xs">
      {failed && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(failed)}
        </Alert>
      )}
      {session.myRsvp?.status === "going" && (
        <Text size="sm">
          You are going. The calendar invitation was sent by email; you can also download it.
        </Text>
      )}
      {session.myRsvp?.status === "waitlisted" && (
        <Text size="sm">
          You are number {session.myRsvp.waitlistPosition} on the waitlist. When a seat opens, it is
          yours and you get the invitation.
        </Text>
      )}
      {session.myRsvp?.attended === true && <Text size="sm">You attended this session.</Text>}
      <Group gap="sm" wrap="wrap">
        {!session.myRsvp && !over && (
          <Button loading={going.isPending} onClick={() => going.mutate()}>
            {full ? "Join the waitlist" : "RSVP: I'm going"}
          </Button>
        )}
        {session.myRsvp?.status === "going" && (
          <Button
            component="a"
            href={invitationDownloadUrl(session.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Download invitation (.ics)
          </Button>
        )}
        {session.myRsvp && !over && (
          <Button
            variant="default"
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {session.myRsvp.status === "going" ? "Cancel my RSVP" : "Leave the waitlist"}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Roster({ sessionId }: { sessionId: string }) {
  const roster = useQuery(liveSessionRosterQuery(sessionId));
  return (
    <TitledSection
      title="Roster and attendance"
      description="Only you (the host) and administrators see this. Marking someone as attended completes the live learning item of their pathway."
    >
      <QueryStatus query={roster} />
      {roster.data && <AttendanceForm key={rosterKey(roster.data)} roster={roster.data} />}
    </TitledSection>
  );
}

/** A new form when someone joins or leaves the roster; a save keeps the form (and its message). */
const rosterKey = (roster: LiveSessionRoster) =>
  roster.entries.map((entry) => entry.person.id).join(",");

function AttendanceForm({ roster }: { roster: LiveSessionRoster }) {
  const queryClient = useQueryClient();
  const [marks, setMarks] = useState(
    () => new Map(roster.entries.map((entry) => [entry.person.id, entry.attended === true])),
  );
  const save = useMutation({
    mutationFn: () =>
      recordAttendance(roster.session.id, {
        entries: [...marks].map(([personId, attended]) => ({ personId, attended })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(liveSessionRosterQuery(saved.session.id).queryKey, saved);
    },
  });
  const started = Date.parse(roster.session.startsAt) <= Date.now();
  if (roster.entries.length === 0) return <Text c="dimmed">Nobody has RSVPed yet.</Text>;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={0}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>RSVP</Table.Th>
              <Table.Th>Attended</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roster.entries.map((entry) => (
              <Table.Tr key={entry.person.id}>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{entry.person.name}</Table.Td>
                <Table.Td>
                  {entry.status === "going" ? "Going" : `Waitlist #${entry.waitlistPosition}`}
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${entry.person.name} attended`}
                    checked={marks.get(entry.person.id) ?? false}
                    disabled={!started}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      setMarks((current) => new Map(current).set(entry.person.id, checked));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      {save.isSuccess && (
        <Text size="sm" role="status">
          Attendance saved.
        </Text>
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!started}>
          Save attendance
        </Button>
        {!started && (
          <Text size="sm" c="dimmed">
            Attendance is recorded once the session starts.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
