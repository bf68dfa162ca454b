import { Alert, Group, Stack, Text, Title } from "@mantine/core";
import { IconBook, IconClipboardCheck, IconPlant2 } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { ConversationView } from "#core/conversations/conversations.schemas.ts";
import { conversationQuery } from "../../api/conversations.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import {
  AutosaveRegistryContext,
  createAutosaveRegistry,
  useCombinedAutosaveStatus,
} from "../growth-plans/autosave/use-autosave.ts";
import { AutosaveStatusIndicator } from "../growth-plans/autosave-status.tsx";
import { ActionItems, CarriedOverItems } from "./action-items.tsx";
import { ConversationActions, Guests } from "./conversation-actions.tsx";
import { ConversationStatusBadge } from "./conversation-list.tsx";
import { PrivateNoteEditor, TopicNotes } from "./conversation-notes.tsx";

const route = getRouteApi("/app/conversations/$conversationId");

/** A light alert's title is printed in shade 6 of its colour, below AA for yellow and green. */
const readableTitle = { title: { color: "var(--mantine-color-text)" } };

/** While it is open, the other participant's notes arrive every few seconds. */
const openPollInterval = 10_000;

export function ConversationPage() {
  const { conversationId } = route.useParams();
  const conversation = useQuery({
    ...conversationQuery(conversationId),
    refetchInterval: (query) => (query.state.data?.can.edit ? openPollInterval : false),
  });
  usePageTitle(
    conversation.data
      ? `Conversation ${formatDateTime(conversation.data.scheduledAt)}`
      : "Career conversation",
  );
  return (
    <Stack gap="lg" maw={960}>
      <QueryStatus query={conversation} />
      {conversation.data && <ConversationBody conversation={conversation.data} />}
    </Stack>
  );
}

/** The conversation as the caller may see it: a guest gets the agenda and shared notes only. */
export function ConversationBody({ conversation }: { conversation: ConversationView }) {
  const [registry] = useState(createAutosaveRegistry);
  const status = useCombinedAutosaveStatus(registry);
  const guest = conversation.myRole === "guest";
  const notesEditable = conversation.can.edit && !guest;

  return (
    <AutosaveRegistryContext.Provider value={registry}>
      <Stack gap="lg">
        <Header conversation={conversation} />
        {notesEditable && (
          <Group justify="flex-end">
            <AutosaveStatusIndicator status={status} />
          </Group>
        )}
        {conversation.status === "awaiting_acknowledgement" && (
          <Alert
            color="yellow"
            variant="light"
            title="Awaiting confirmation"
            styles={readableTitle}
          >
            {conversation.myRole === "member"
              ? "Confirm that it happened and that the notes are accurate; only then does it count as held."
              : `${conversation.member.name} has not confirmed it yet; it counts as held once they do.`}
          </Alert>
        )}
        {conversation.status === "cancelled" && (
          <Alert color="gray" variant="light" title="Cancelled" styles={readableTitle}>
            {conversation.cancelReason ?? "This conversation was cancelled."}
          </Alert>
        )}
        {conversation.acknowledgementComment && (
          <Alert
            color="green"
            variant="light"
            title={`${conversation.member.name}'s comment`}
            styles={readableTitle}
          >
            <Text style={{ whiteSpace: "pre-wrap" }}>{conversation.acknowledgementComment}</Text>
          </Alert>
        )}
        <Stack component="section" aria-labelledby="agenda-heading" gap="sm">
          <Title order={2} size="h3" id="agenda-heading">
            Agenda
          </Title>
          {guest && (
            <Text size="sm" c="dimmed">
              You are a guest: you read the agenda and the shared notes.
            </Text>
          )}
          {conversation.topics.map((topic, index) => (
            <TopicNotes
              key={topic.key}
              conversationId={conversation.id}
              topic={topic}
              note={conversation.sharedNotes.find((note) => note.topicKey === topic.key)}
              editable={notesEditable}
              index={index}
            />
          ))}
        </Stack>
        {!guest && (
          <>
            {conversation.privateNote && (
              <PrivateNoteEditor conversationId={conversation.id} note={conversation.privateNote} />
            )}
            <TitledSection
              title="Action items"
              description="Who does what by when. Open items come onto the next conversation's agenda."
            >
              <ActionItems conversation={conversation} />
            </TitledSection>
            <TitledSection
              title="Carried over"
              description="Open action items from earlier conversations."
            >
              <CarriedOverItems conversation={conversation} />
            </TitledSection>
          </>
        )}
      </Stack>
    </AutosaveRegistryContext.Provider>
  );
}

function Header({ conversation }: { conversation: ConversationView }) {
  const { links } = conversation;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 20rem" }}>
          <AnchorLink to="/conversations" size="sm">
            All conversations
          </AnchorLink>
          <Group gap="sm">
            <Title order={1}>Career conversation</Title>
            <ConversationStatusBadge status={conversation.status} />
          </Group>
          <Text fw={500}>
            {formatDateTime(conversation.scheduledAt)} · {conversation.durationMinutes} minutes
          </Text>
          <Text c="dimmed">
            {conversation.member.name} (member) with {conversation.manager.name} (manager)
          </Text>
          {conversation.nextDate && (
            <Text>Next date agreed: {formatCalendarDate(conversation.nextDate)}</Text>
          )}
        </Stack>
        <ConversationActions conversation={conversation} />
      </Group>
      <Group gap="lg" align="flex-start">
        {links.activePlan && (
          <AnchorLink
            to="/growth-plans/$planId"
            params={{ planId: links.activePlan.id }}
            style={{ display: "inline-flex", alignItems: "center", gap: 6 }}
          >
            <IconPlant2 size={18} aria-hidden />
            Growth plan: {links.activePlan.title}
          </AnchorLink>
        )}
        {links.latestAssessment && (
          <AnchorLink
            to="/career/assessments/$assessmentId"
            params={{ assessmentId: links.latestAssessment.id }}
            style={{ display: "inline-flex", alignItems: "center", gap: 6 }}
          >
            <IconClipboardCheck size={18} aria-hidden />
            Assessment: {links.latestAssessment.roleTitle}
            {links.latestAssessment.finishedAt
              ? ` (${formatDateTime(links.latestAssessment.finishedAt)})`
              : ""}
          </AnchorLink>
        )}
        <AnchorLink
          to="/manager-guide"
          style={{ display: "inline-flex", alignItems: "center", gap: 6 }}
        >
          <IconBook size={18} aria-hidden />
          Manager guide
        </AnchorLink>
      </Group>
      {conversation.myRole !== "guest" && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            Guests
          </Text>
          <Guests conversation={conversation} />
        </Stack>
      )}
    </Stack>
  );
}
