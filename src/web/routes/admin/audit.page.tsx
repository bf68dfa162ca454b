import {
  Button,
  Center,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type AuditAction, type AuditEventView, auditActions } from "#core/audit.schemas.ts";
import { type AuditFilters, auditEventsQuery } from "../../api/queries.ts";
import { PersonLink } from "../../components/person-link.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { auditActionLabel, auditActionLabels, describeAuditDetails } from "./audit-labels.ts";

const actionOptions = auditActions.map((action) => ({
  value: action,
  label: auditActionLabels[action],
}));

type DayRange = [string | null, string | null];

export function AuditPage() {
  usePageTitle("Audit log");
  const [actorId, setActorId] = useState<string | null>(null);
  const [action, setAction] = useState<AuditAction | null>(null);
  const [days, setDays] = useState<DayRange>([null, null]);

  const filters: Partial<AuditFilters> = {
    actorId: actorId ?? undefined,
    action: action ?? undefined,
    from: days[0] ?? undefined,
    // A range still being picked (only a start) covers that one day.
    to: days[1] ?? days[0] ?? undefined,
  };
  const events = useInfiniteQuery(auditEventsQuery(filters));
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Audit log</Title>
        <Text c="dimmed">
          Who did what, newest first: sign-ins, changes to people, imports, exports and refused
          access. Times are in your time zone; the date filter counts whole days in UTC.
        </Text>
      </Stack>

      <Paper component="search" aria-label="Filter events" withBorder radius="lg" p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <PersonSelect
            label="Who"
            placeholder="Anyone"
            status="all"
            value={actorId}
            onChange={setActorId}
          />
          <Select
            label="Action"
            placeholder="Any action"
            data={actionOptions}
            searchable
            clearable
            value={action}
            onChange={(value) => setAction(value as AuditAction | null)}
          />
          <DatePickerInput
            type="range"
            label="Dates"
            placeholder="Any day"
            valueFormat="YYYY-MM-DD"
            clearable
            allowSingleDateInRange
            value={days}
            onChange={setDays}
          />
        </SimpleGrid>
      </Paper>

      <QueryStatus query={events} />
      {events.data && (
        <Stack gap="md">
          <Text role="status" size="sm" c="dimmed">
            {rows.length === 0
              ? "No events match these filters."
              : `Showing ${rows.length} ${rows.length === 1 ? "event" : "events"}${events.hasNextPage ? "; older ones can be loaded" : ""}.`}
          </Text>
          {rows.length > 0 && <EventsTable events={rows} />}
          {events.hasNextPage && (
            <Center>
              <Button
                variant="default"
                loading={events.isFetchingNextPage}
                onClick={() => void events.fetchNextPage()}
              >
                Load older events
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function EventsTable({ events }: { events: AuditEventView[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
            <Table.Th scope="col">From</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(event.at)}</Table.Td>
              <Table.Td>
                {event.actor ? (
                  <PersonLink id={event.actor.id}>{event.actor.name}</PersonLink>
                ) : (
                  <Text span c="dimmed" size="sm">
                    No one signed in
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {auditActionLabel(event.action)}
                {event.count > 1 && (
                  <Text size="sm" c="dimmed">
                    {event.count} times, until {formatDateTime(event.lastAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                <EventTarget event={event} />
              </Table.Td>
              <Table.Td>
                {describeAuditDetails(event.details).map((line) => (
                  <Text key={line} size="sm" style={{ overflowWrap: "anywhere" }}>
                    {line}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {event.address}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EventTarget({ event }: { event: AuditEventView }) {
  const { target } = event;
  if (!target) return null;
  const label = target.label ?? (target.type === "person" ? "A person" : target.id);
  if (target.type === "person") {
    return <PersonLink id={target.id}>{label}</PersonLink>;
  }
  return <Text size="sm">{label}</Text>;
}
