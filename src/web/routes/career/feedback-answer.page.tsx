import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { AnswerFeedbackBody, type FeedbackRequestView } from "#core/career/assessments.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import {
  answerFeedbackRequest,
  careerQueryKey,
  declineFeedbackRequest,
  feedbackRequestQuery,
} from "../../api/career.api.ts";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { SaveBar } from "../admin/save-bar.tsx";
import { feedbackStatusLabels } from "./assessment-labels.ts";
import { answerValuesOf } from "./feedback-answers.ts";
import { ScaleRadioGroup } from "./scale-radio-group.tsx";

const routeApi = getRouteApi("/app/career/feedback/$requestId");

export function FeedbackAnswerPage() {
  const { requestId } = routeApi.useParams();
  const request = useQuery(feedbackRequestQuery(requestId));
  if (request.error instanceof ApiError && request.error.status === 404) {
    return (
      <PageNotFound
        title="Request not found"
        message="No feedback request to you has this address."
      />
    );
  }
  if (!request.data) return <QueryStatus query={request} />;
  return <AnswerView request={request.data} />;
}

function AnswerView({ request }: { request: FeedbackRequestView }) {
  usePageTitle(`Feedback for ${request.requester.name}`);
  const queryClient = useQueryClient();
  const store = async (saved: FeedbackRequestView) => {
    queryClient.setQueryData(feedbackRequestQuery(request.id).queryKey, saved);
    await queryClient.invalidateQueries({ queryKey: careerQueryKey });
  };
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: AnswerFeedbackBody,
    mode: "controlled",
    initialValues: answerValuesOf(request),
    submit: (values) => answerFeedbackRequest(request.id, values),
    onSuccess: async (saved) => {
      await store(saved);
      form.resetDirty();
      notifications.show({
        color: "green",
        message: `Thank you: ${request.requester.name} will see your answer.`,
      });
    },
  });
  const decline = useMutation({
    mutationFn: () => declineFeedbackRequest(request.id),
    onSuccess: store,
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const declined = request.status === "declined";

  return (
    <Stack gap="lg" maw={880}>
      <AnchorLink to="/career/feedback" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Feedback requests
        </Group>
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          Feedback for {request.requester.name}
        </Title>
        <Text c="dimmed">
          Against the role {request.roleTitle}
          {request.dueOn ? ` · answer by ${formatCalendarDate(request.dueOn)}` : ""}
        </Text>
        <Group gap="xs">
          <Badge tt="none" variant="light">
            {feedbackStatusLabels[request.status]}
          </Badge>
          <Badge tt="none" variant="outline" color="gray">
            {request.relation === "manager"
              ? "As their manager: your rating is shown by name"
              : "As a peer: shown only in an average of at least three peers"}
          </Badge>
        </Group>
      </Stack>
      {request.message && (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" fw={600}>
            Their message
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{request.message}</Text>
        </Paper>
      )}
      {declined ? (
        <Alert color="gray" variant="light">
          You declined this request.
        </Alert>
      ) : (
        <form noValidate onSubmit={onSubmit} aria-label="Your answer">
          <Stack gap="md">
            {request.competencies.map(({ competency, themeName }, index) => {
              const path = `ratings.${index}` as const;
              return (
                <Paper
                  key={competency.key}
                  withBorder
                  radius="lg"
                  p="md"
                  component="section"
                  aria-label={competency.name}
                >
                  <Stack gap="sm">
                    <Stack gap={2}>
                      <Title order={2} size="h5">
                        {competency.name}
                      </Title>
                      <Text size="xs" c="dimmed">
                        {themeName}
                      </Text>
                    </Stack>
                    {competency.description && <Text size="sm">{competency.description}</Text>}
                    <ScaleRadioGroup
                      label={`Your rating of ${request.requester.name} for ${competency.name}`}
                      scale={request.scale}
                      competency={competency}
                      value={form.values.ratings[index]?.rating ?? null}
                      onChange={(value) => form.setFieldValue(`${path}.rating`, value)}
                      error={form.errors[`${path}.rating`]}
                      path={`${path}.rating`}
                    />
                    <Textarea
                      label="Comment"
                      description="Optional: an example helps them act on it."
                      autosize
                      minRows={2}
                      {...form.getInputProps(`${path}.comment`)}
                    />
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
          <SaveBar
            formError={formError}
            saveLabel={request.status === "answered" ? "Update my answer" : "Send my answer"}
            pending={mutation.isPending}
          >
            {request.status === "pending" && (
              <Button
                variant="default"
                loading={decline.isPending}
                onClick={() => decline.mutate()}
              >
                Decline
              </Button>
            )}
          </SaveBar>
        </form>
      )}
    </Stack>
  );
}
