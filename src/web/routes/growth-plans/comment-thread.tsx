import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconArrowBackUp, IconCheck, IconRotate } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { GrowthPlanSectionKey } from "#core/growth-plan/sections.schemas.ts";
import {
  type CommentReply,
  type CommentView,
  CreateCommentBody,
} from "#core/growth-plan/sharing.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  addComment,
  commentsQuery,
  reopenComment,
  resolveComment,
} from "../../api/growth-plans.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import classes from "./section-comments.module.css";

interface CommentThreadProps {
  planId: string;
  thread: CommentView;
  /** The owner resolves and reopens; everyone who reads the section replies. */
  canResolve: boolean;
  /** The comment a notification links to (`#comment-<id>`), shown and focused. */
  targetId: string | null;
}

/** One comment and its replies, with Reply and (for the owner) Resolve or Reopen. */
export function CommentThread({ planId, thread, canResolve, targetId }: CommentThreadProps) {
  const queryClient = useQueryClient();
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const resolved = thread.resolvedAt !== null;
  const change = useMutation({
    mutationFn: () =>
      resolved ? reopenComment(planId, thread.id) : resolveComment(planId, thread.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsQuery(planId).queryKey }),
  });
  const author = thread.author.displayName;

  return (
    <Paper component="li" withBorder radius="md" p="sm" className={classes.thread}>
      <Stack gap="xs">
        <CommentBody comment={thread} targetId={targetId} />
        {thread.replies.length > 0 && (
          <Stack
            component="ul"
            gap="xs"
            className={classes.replies}
            aria-label={`Replies to ${author}`}
          >
            {thread.replies.map((reply) => (
              <li key={reply.id}>
                <CommentBody comment={reply} targetId={targetId} />
              </li>
            ))}
          </Stack>
        )}
        {resolved && (
          <Text size="xs" c="dimmed">
            Resolved {formatDateTime(thread.resolvedAt ?? "")}
            {thread.resolvedBy ? ` by ${thread.resolvedBy.displayName}` : ""}
          </Text>
        )}
        {change.isError && <FormErrorAlert message={errorMessage(change.error)} />}
        {replying ? (
          <ReplyForm
            planId={planId}
            section={thread.section}
            parent={thread}
            onClose={() => {
              setReplying(false);
              requestAnimationFrame(() => replyButton.current?.focus());
            }}
          />
        ) : (
          <Group gap="xs">
            {!resolved && (
              <Button
                ref={replyButton}
                size="compact-sm"
                variant="light"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                aria-label={`Reply to ${author}`}
                onClick={() => setReplying(true)}
              >
                Reply
              </Button>
            )}
            {canResolve && (
              <CompactButton
                icon={resolved ? IconRotate : IconCheck}
                variant="light"
                loading={change.isPending}
                aria-label={`${resolved ? "Reopen" : "Resolve"} the comment by ${author}`}
                onClick={() => change.mutate()}
              >
                {resolved ? "Reopen" : "Resolve"}
              </CompactButton>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function CommentBody({
  comment,
  targetId,
}: {
  comment: CommentView | CommentReply;
  targetId: string | null;
}) {
  const isTarget = comment.id === targetId;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isTarget) return;
    ref.current?.scrollIntoView({ block: "center" });
    ref.current?.focus({ preventScroll: true });
  }, [isTarget]);
  return (
    <Stack
      gap={2}
      id={`comment-${comment.id}`}
      ref={ref}
      tabIndex={-1}
      aria-current={isTarget ? "true" : undefined}
      className={classes.comment}
      data-target={isTarget || undefined}
    >
      <Text size="sm" fw={600}>
        {comment.author.displayName}{" "}
        <Text component="span" size="xs" c="dimmed" fw={400}>
          {formatDateTime(comment.createdAt)}
        </Text>
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {comment.body}
      </Text>
    </Stack>
  );
}

/** The box of a new comment or a reply: opens focused, closes after posting or on Cancel. */
export function CommentForm({
  planId,
  section,
  parent,
  label,
  submitLabel,
  onClose,
}: {
  planId: string;
  section: GrowthPlanSectionKey;
  parent?: CommentView;
  label: string;
  submitLabel: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const input = useRef<HTMLTextAreaElement>(null);
  // The box opens where the person asked for it, ready to type.
  useEffect(() => input.current?.focus(), []);
  const { form, mutation, onSubmit, formError } = useApiForm({
    // The section and the thread are the form's place, not inputs: a message about them is the
    // form's own.
    schema: CreateCommentBody.pick({ body: true }),
    initialValues: { body: "" },
    submit: ({ body }) => addComment(planId, section, body, parent?.id),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: commentsQuery(planId).queryKey });
      onClose();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="xs">
        <FormErrorAlert message={formError} />
        <GrowingTextarea
          label={label}
          maxLength={growthPlanLimits.commentLength}
          ref={input}
          key={form.key("body")}
          {...form.getInputProps("body")}
          onKeyDown={(event) => {
            // Escape closes an empty box; words typed are only dropped by Cancel.
            if (event.key === "Escape" && !event.currentTarget.value.trim()) onClose();
          }}
        />
        <Group gap="xs">
          <Button type="submit" size="sm" loading={mutation.isPending}>
            {submitLabel}
          </Button>
          <Button variant="default" size="sm" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReplyForm({
  planId,
  section,
  parent,
  onClose,
}: {
  planId: string;
  section: GrowthPlanSectionKey;
  parent: CommentView;
  onClose: () => void;
}) {
  return (
    <CommentForm
      planId={planId}
      section={section}
      parent={parent}
      label={`Reply to ${parent.author.displayName}`}
      submitLabel="Post reply"
      onClose={onClose}
    />
  );
}
