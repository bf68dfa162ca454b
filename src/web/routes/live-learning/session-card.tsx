import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import type { LiveSessionView } from "#core/live-learning.schemas.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { timeSpan } from "./calendar-range.ts";

/** What the viewer's RSVP is, in words and colour (dark shades: readable in both themes). */
export function RsvpBadge({ session }: { session: LiveSessionView }) {
  if (session.status === "cancelled") {
    return (
      <Badge color="red.9" variant="filled" tt="none">
        Cancelled
      </Badge>
    );
  }
  if (session.myRsvp?.status === "going") {
    return (
      <Badge color="teal.9" variant="filled" tt="none">
        Going
      </Badge>
    );
  }
  if (session.myRsvp?.status === "waitlisted") {
    return (
      <Badge color="orange.9" variant="filled" tt="none">
        Waitlist #{session.myRsvp.waitlistPosition}
      </Badge>
    );
  }
  return null;
}

export function seatsLeft(session: LiveSessionView): string {
  const left = session.capacity - session.goingCount;
  if (left > 0) return `${left} of ${session.capacity} seats left`;
  return session.waitlistCount > 0 ? `Full · ${session.waitlistCount} waiting` : "Full";
}

/** One session in a day of the week or list view. */
export function SessionCard({ session, zone }: { session: LiveSessionView; zone: string }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <AnchorLink
            to="/learning/sessions/$sessionId"
            params={{ sessionId: session.id }}
            fw={600}
            style={{ overflowWrap: "anywhere" }}
          >
            {session.title}
          </AnchorLink>
          <RsvpBadge session={session} />
        </Group>
        <Text size="sm">
          {timeSpan(session.startsAt, session.endsAt, zone)} · hosted by {session.host.name}
        </Text>
        <Text size="sm" c="dimmed">
          {session.series ? `${session.series.title} · ` : ""}
          {session.groupConversation ? `Group conversation (${session.division}) · ` : ""}
          {seatsLeft(session)}
        </Text>
      </Stack>
    </Card>
  );
}
