import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconMessagePlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocation } from "@tanstack/react-router";
import { useId, useRef, useState } from "react";
import { type GrowthPlanSectionKey, sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import type { CommentView } from "#core/growth-plan/sharing.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { commentsQuery } from "../../api/growth-plans.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { CommentForm, CommentThread } from "./comment-thread.tsx";

interface SectionCommentsProps {
  planId: string;
  section: GrowthPlanSectionKey;
  /** The owner resolves and reopens; everyone the section is shared with comments and replies. */
  canResolve: boolean;
}

/** The open threads of a section, as the step list counts them. */
export function openThreadsOf(comments: readonly CommentView[], section: GrowthPlanSectionKey) {
  return comments.filter((comment) => comment.section === section && !comment.resolvedAt);
}

const holds = (thread: CommentView, id: string | null) =>
  id !== null && (thread.id === id || thread.replies.some((reply) => reply.id === id));

/** The conversation about one section between its owner and the people it is shared with. */
export function SectionComments({ planId, section, canResolve }: SectionCommentsProps) {
  const headingId = useId();
  const comments = useQuery(commentsQuery(planId));
  const ofSection = (comments.data?.comments ?? []).filter(
    (comment) => comment.section === section,
  );
  const open = ofSection.filter((comment) => !comment.resolvedAt);
  const resolved = ofSection.filter((comment) => comment.resolvedAt);
  // A notification links to `#comment-<id>`, which may be a reply or in a resolved thread.
  const hash = useLocation({ select: (location) => location.hash });
  const targetId = hash.startsWith("comment-") ? hash.slice("comment-".length) : null;
  const targetResolved = resolved.some((thread) => holds(thread, targetId));
  const [showResolved, setShowResolved] = useState(false);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const resolvedShown = showResolved || targetResolved;

  const threads = (list: CommentView[], label: string) =>
    list.length > 0 && (
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={label}>
        {list.map((thread) => (
          <CommentThread
            key={thread.id}
            planId={planId}
            thread={thread}
            canResolve={canResolve}
            targetId={targetId}
          />
        ))}
      </Stack>
    );

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Title order={3} size="h5" id={headingId}>
            Comments on {shortTitle(section)}
          </Title>
          {open.length > 0 && (
            <Badge variant="light" tt="none">
              {open.length} open
            </Badge>
          )}
        </Group>
        {!adding && (
          <Button
            ref={addButton}
            variant="default"
            size="compact-sm"
            leftSection={<IconMessagePlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add comment
          </Button>
        )}
      </Group>
      {comments.isError && <FormErrorAlert message={errorMessage(comments.error)} />}
      {adding && (
        <CommentForm
          planId={planId}
          section={section}
          label={`Add a comment on ${shortTitle(section)}`}
          submitLabel="Post comment"
          onClose={() => {
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      )}
      {open.length === 0 && comments.isSuccess && !adding && (
        <Text size="sm" c="dimmed">
          No open comments.
        </Text>
      )}
      {threads(open, `Open comments on ${shortTitle(section)}`)}
      {resolved.length > 0 && (
        <Stack gap="xs">
          <CompactButton
            color="trellis"
            style={{ alignSelf: "flex-start" }}
            aria-expanded={resolvedShown}
            onClick={() => setShowResolved(!resolvedShown)}
          >
            {resolvedShown ? "Hide" : "Show"} {resolved.length} resolved
          </CompactButton>
          {resolvedShown && threads(resolved, `Resolved comments on ${shortTitle(section)}`)}
        </Stack>
      )}
    </Stack>
  );
}

/** "Section 3" rather than "Section 3: Set specific goals", where the context says the rest. */
export function shortTitle(section: GrowthPlanSectionKey): string {
  return sectionTitles[section].split(":")[0] ?? sectionTitles[section];
}
