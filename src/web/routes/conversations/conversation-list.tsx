import { Badge, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type {
  ConversationCadence,
  ConversationSummary,
} from "#core/conversations/conversations.schemas.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import { statusLabels, statusTones } from "./conversation-forms.ts";
import { OverdueBadge, ToneBadge } from "./tone-badge.tsx";

/** Last held, next due and whether it is overdue, for one member. */
export function CadenceSummary({ cadence }: { cadence: ConversationCadence }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      <Fact label="Last held">
        {cadence.lastHeldOn ? formatCalendarDate(cadence.lastHeldOn) : "Not yet"}
      </Fact>
      <Fact label="Next due">
        <Group gap="xs" component="span">
          <span>{cadence.nextDueOn ? formatCalendarDate(cadence.nextDueOn) : "No date yet"}</span>
          {cadence.overdue && <OverdueBadge />}
        </Group>
      </Fact>
      <Fact label="Next scheduled">
        {cadence.nextScheduledAt ? formatDateTime(cadence.nextScheduledAt) : "Nothing scheduled"}
      </Fact>
    </SimpleGrid>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text component="div" fw={500}>
        {children}
      </Text>
    </Stack>
  );
}

export function ConversationStatusBadge({ status }: { status: ConversationSummary["status"] }) {
  return <ToneBadge tone={statusTones[status]}>{statusLabels[status]}</ToneBadge>;
}

const roleWords: Record<ConversationSummary["myRole"], string> = {
  member: "You are the member",
  manager: "You are the manager",
  former_manager: "You were the manager",
  guest: "You are a guest",
};

/** Conversations as a list of cards, each leading to the conversation. */
export function ConversationList({
  conversations,
  emptyMessage,
}: {
  conversations: readonly ConversationSummary[];
  emptyMessage: string;
}) {
  if (conversations.length === 0) return <Text c="dimmed">{emptyMessage}</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {conversations.map((conversation) => {
        const other = conversation.myRole === "member" ? conversation.manager : conversation.member;
        return (
          <Paper component="li" key={conversation.id} withBorder radius="md" p="md">
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={4} style={{ minWidth: 0, flex: "1 1 16rem" }}>
                <AnchorLink
                  to="/conversations/$conversationId"
                  params={{ conversationId: conversation.id }}
                  fw={600}
                >
                  {formatDateTime(conversation.scheduledAt)} · with {other.name}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {conversation.member.name} and {conversation.manager.name} ·{" "}
                  {conversation.durationMinutes} min · {roleWords[conversation.myRole]}
                </Text>
                {conversation.nextDate && (
                  <Text size="sm">
                    Next date agreed: {formatCalendarDate(conversation.nextDate)}
                  </Text>
                )}
              </Stack>
              <Group gap="xs">
                <ConversationStatusBadge status={conversation.status} />
                {conversation.openActionItems > 0 && (
                  <Badge variant="outline" color="gray" c="var(--mantine-color-text)" tt="none">
                    {conversation.openActionItems} open{" "}
                    {conversation.openActionItems === 1 ? "item" : "items"}
                  </Badge>
                )}
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
