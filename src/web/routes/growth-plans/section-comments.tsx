import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { type GrowthPlanSectionKey, sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import { type CommentView, CreateCommentBody } from "#core/growth-plan/sharing.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { addComment, commentsQuery, resolveComment } from "../../api/growth-plans.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";

interface SectionCommentsProps {
  planId: string;
  section: GrowthPlanSectionKey;
  /** The owner resolves; everyone the section is shared with comments. */
  canResolve: boolean;
}

/** The conversation about one section between its owner and the people it is shared with. */
export function SectionComments({ planId, section, canResolve }: SectionCommentsProps) {
  const headingId = useId();
  const comments = useQuery(commentsQuery(planId));
  const ofSection = (comments.data?.comments ?? []).filter(
    (comment) => comment.section === section,
  );
  const open = ofSection.filter((comment) => !comment.resolvedAt);
  const resolved = ofSection.filter((comment) => comment.resolvedAt);
  const [showResolved, setShowResolved] = useState(false);

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
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
      {comments.isError && <FormErrorAlert message={errorMessage(comments.error)} />}
      {open.length === 0 && comments.isSuccess && (
        <Text size="sm" c="dimmed">
          No open comments.
        </Text>
      )}
      <CommentItems comments={open} planId={planId} canResolve={canResolve} />
      {resolved.length > 0 && (
        <Stack gap="xs">
          <CompactButton
            color="trellis"
            style={{ alignSelf: "flex-start" }}
            aria-expanded={showResolved}
            onClick={() => setShowResolved((shown) => !shown)}
          >
            {showResolved ? "Hide" : "Show"} {resolved.length} resolved
          </CompactButton>
          {showResolved && <CommentItems comments={resolved} planId={planId} canResolve={false} />}
        </Stack>
      )}
      <CommentForm planId={planId} section={section} />
    </Stack>
  );
}

function CommentItems({
  comments,
  planId,
  canResolve,
}: {
  comments: CommentView[];
  planId: string;
  canResolve: boolean;
}) {
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationFn: (commentId: string) => resolveComment(planId, commentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsQuery(planId).queryKey }),
  });
  // A notification links to `#comment-<id>`: once the comments are here, show that one.
  const hash = useLocation({ select: (location) => location.hash });
  const target = comments.find((comment) => hash === `comment-${comment.id}`);
  useEffect(() => {
    if (!target) return;
    const element = document.getElementById(`comment-${target.id}`);
    element?.scrollIntoView({ block: "center" });
    element?.focus({ preventScroll: true });
  }, [target]);
  if (comments.length === 0) return null;

  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
      {comments.map((comment) => (
        <Paper
          component="li"
          key={comment.id}
          id={`comment-${comment.id}`}
          tabIndex={-1}
          withBorder
          radius="md"
          p="sm"
          aria-current={target?.id === comment.id ? "true" : undefined}
          style={
            target?.id === comment.id
              ? { borderColor: "var(--mantine-primary-color-filled)" }
              : undefined
          }
        >
          <Stack gap={4}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {comment.author.displayName}{" "}
                <Text component="span" size="xs" c="dimmed" fw={400}>
                  {formatDateTime(comment.createdAt)}
                </Text>
              </Text>
              {canResolve && !comment.resolvedAt && (
                <CompactButton
                  variant="light"
                  loading={resolve.isPending && resolve.variables === comment.id}
                  onClick={() => resolve.mutate(comment.id)}
                  aria-label={`Resolve the comment by ${comment.author.displayName}`}
                >
                  Resolve
                </CompactButton>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {comment.body}
            </Text>
            {comment.resolvedAt && (
              <Text size="xs" c="dimmed">
                Resolved {formatDateTime(comment.resolvedAt)}
                {comment.resolvedBy ? ` by ${comment.resolvedBy.displayName}` : ""}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function CommentForm({ planId, section }: { planId: string; section: GrowthPlanSectionKey }) {
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    // The section is the form's place, not an input: a message about it is the form's own.
    schema: CreateCommentBody.pick({ body: true }),
    initialValues: { body: "" },
    submit: ({ body }) => addComment(planId, section, body),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: commentsQuery(planId).queryKey });
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="xs">
        <FormErrorAlert message={formError} />
        <GrowingTextarea
          label={`Add a comment on ${shortTitle(section)}`}
          maxLength={growthPlanLimits.commentLength}
          key={form.key("body")}
          {...form.getInputProps("body")}
        />
        <Button
          type="submit"
          variant="default"
          loading={mutation.isPending}
          style={{ alignSelf: "flex-start" }}
        >
          Post comment
        </Button>
      </Stack>
    </form>
  );
}

/** "Section 3" rather than "Section 3: Set specific goals", where the context says the rest. */
export function shortTitle(section: GrowthPlanSectionKey): string {
  return sectionTitles[section].split(":")[0] ?? sectionTitles[section];
}
