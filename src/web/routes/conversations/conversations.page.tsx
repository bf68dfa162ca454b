import { Group, Stack, Text, Title } from "@mantine/core";
import { IconBook, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { ConversationSummary } from "#core/conversations/conversations.schemas.ts";
import { memberConversationsQuery, myConversationsQuery } from "../../api/conversations.api.ts";
import { personQuery } from "../../api/queries.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { isOpen } from "./conversation-forms.ts";
import { CadenceSummary, ConversationList } from "./conversation-list.tsx";
import { StartConversationFormBody } from "./start-conversation-form.tsx";

const route = getRouteApi("/app/conversations");

/** Career conversations: the caller's own (as member and as manager), or one report's history. */
export function ConversationsPage() {
  const { member } = route.useSearch();
  const user = useCurrentUser();
  const memberId = member && member !== user.id ? member : null;
  return memberId ? <MemberHistory memberId={memberId} /> : <MyConversations userId={user.id} />;
}

function MyConversations({ userId }: { userId: string }) {
  usePageTitle("Career conversations");
  const mine = useQuery(myConversationsQuery);
  // The cadence comes with one member's list: my own as the member.
  const myCadence = useQuery(memberConversationsQuery(userId));
  const items = mine.data?.items ?? [];

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title="Career conversations"
        description="Conversations about where you want to go and how to get there, with your manager, and with the people who report to you."
      />
      {myCadence.data?.cadence && (
        <TitledSection title="Your rhythm" description="When your own conversations are due.">
          <CadenceSummary cadence={myCadence.data.cadence} />
        </TitledSection>
      )}
      <QueryStatus query={mine} />
      {mine.data && <Lists items={items} />}
    </Stack>
  );
}

function MemberHistory({ memberId }: { memberId: string }) {
  const person = useQuery(personQuery(memberId));
  const name = person.data?.person.displayName ?? "…";
  usePageTitle(`Conversations with ${name}`);
  const history = useQuery(memberConversationsQuery(memberId));

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title={`Conversations with ${name}`}
        description="Every career conversation of this member you may read, newest first."
        memberId={memberId}
      />
      <QueryStatus query={history} />
      {history.data?.cadence && (
        <TitledSection title="Rhythm" description={`When ${name}'s conversations are due.`}>
          <CadenceSummary cadence={history.data.cadence} />
        </TitledSection>
      )}
      {history.data && <Lists items={history.data.items} />}
    </Stack>
  );
}

function PageHeader({
  title,
  description,
  memberId,
}: {
  title: string;
  description: string;
  memberId?: string;
}) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Stack gap={4} style={{ flex: "1 1 20rem" }}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{description}</Text>
      </Stack>
      <Group gap="xs">
        <ButtonLink
          to="/manager-guide"
          variant="default"
          leftSection={<IconBook size={18} aria-hidden />}
        >
          Manager guide
        </ButtonLink>
        <ModalButton
          label="Start a conversation"
          title="Start a career conversation"
          leftSection={<IconPlus size={18} aria-hidden />}
        >
          {(close) => (
            <StartConversationFormBody onDone={close} {...(memberId ? { memberId } : {})} />
          )}
        </ModalButton>
      </Group>
    </Group>
  );
}

function Lists({ items }: { items: readonly ConversationSummary[] }) {
  const upcoming = items
    .filter((item) => isOpen(item.status))
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const past = items.filter((item) => !isOpen(item.status));
  return (
    <>
      <TitledSection title="Upcoming and awaiting confirmation">
        <ConversationList
          conversations={upcoming}
          emptyMessage="Nothing scheduled. Start a conversation when it is time for the next one."
        />
      </TitledSection>
      <TitledSection title="History">
        <ConversationList conversations={past} emptyMessage="No earlier conversations." />
      </TitledSection>
    </>
  );
}
