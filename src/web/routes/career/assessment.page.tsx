import {
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  IconArrowLeft,
  IconChevronDown,
  IconDownload,
  IconRefresh,
  IconTrash,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { Assessment } from "#core/career/assessments.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import {
  assessmentExportUrl,
  assessmentQuery,
  careerQueryKey,
  deleteAssessment,
  finishAssessment,
  rebaseAssessment,
  shareAssessment,
} from "../../api/career.api.ts";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ModalButton, ResponsiveModal } from "../../components/responsive-modal.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { useLeaveGuard } from "../../components/use-leave-guard.ts";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { feedbackStatusLabels, relationLabels, statusLabel } from "./assessment-labels.ts";
import { AssessmentRatingForm } from "./assessment-rating-form.tsx";
import { FeedbackRequestForm } from "./feedback-request-form.tsx";
import { GapAnalysis } from "./gap-analysis.tsx";

const routeApi = getRouteApi("/app/career/assessments/$assessmentId");

export function AssessmentPage() {
  const { assessmentId } = routeApi.useParams();
  const assessment = useQuery(assessmentQuery(assessmentId));
  if (assessment.error instanceof ApiError && assessment.error.status === 404) {
    return (
      <PageNotFound
        title="Assessment not found"
        message="No assessment you can see has this address."
      />
    );
  }
  if (!assessment.data) return <QueryStatus query={assessment} />;
  return <AssessmentView assessment={assessment.data} />;
}

function AssessmentView({ assessment }: { assessment: Assessment }) {
  usePageTitle(`Assessment: ${assessment.roleTitle}`);
  const user = useCurrentUser();
  const isOwner = assessment.person.id === user.id;
  const [unsaved, setUnsaved] = useState(false);
  useLeaveGuard(unsaved);
  const queryClient = useQueryClient();
  const store = async (saved: Assessment) => {
    queryClient.setQueryData(assessmentQuery(assessment.id).queryKey, saved);
    await queryClient.invalidateQueries({ queryKey: careerQueryKey });
  };
  const onError = (error: unknown) => {
    notifications.show({ color: "red", message: errorMessage(error) });
    void queryClient.invalidateQueries({ queryKey: assessmentQuery(assessment.id).queryKey });
  };
  const finish = useMutation({
    mutationFn: () => finishAssessment(assessment.id, assessment.version),
    onSuccess: store,
    onError,
  });
  const share = useMutation({
    mutationFn: (sharedWithManager: boolean) => shareAssessment(assessment.id, sharedWithManager),
    onSuccess: store,
    onError,
  });
  const rebase = useMutation({
    mutationFn: () => rebaseAssessment(assessment.id, assessment.version),
    onSuccess: async ({ assessment: saved, dropped }) => {
      await store(saved);
      notifications.show({
        color: "green",
        message:
          dropped.length === 0
            ? `Moved to version ${saved.versionNumber}; your ratings came along.`
            : `Moved to version ${saved.versionNumber}; ratings of ${dropped.map((entry) => entry.competencyName).join(", ")} were dropped, as the role no longer expects them.`,
      });
    },
    onError,
  });

  return (
    <Stack gap="lg">
      <AnchorLink to="/career/assessments" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Assessments
        </Group>
      </AnchorLink>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {isOwner ? "Self-assessment" : `${assessment.person.name}'s self-assessment`}:{" "}
            {assessment.roleTitle}
          </Title>
          <Text c="dimmed">
            {assessment.frameworkName}, version {assessment.versionNumber} · last changed{" "}
            {formatDateTime(assessment.updatedAt)}
          </Text>
          <Group gap="xs">
            <Badge variant={assessment.status === "finished" ? "filled" : "light"} tt="none">
              {statusLabel(assessment)}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {assessment.sharedWithManager ? "Shared with your manager" : "Private to you"}
            </Badge>
            {assessment.isCurrentRole && (
              <Badge variant="outline" color="gray" tt="none">
                Your current role
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          <ExportMenu assessmentId={assessment.id} />
          {isOwner && <DeleteButton assessment={assessment} />}
        </Group>
      </Group>

      {isOwner && assessment.latestVersionNumber > assessment.versionNumber && (
        <Alert color="blue" variant="light" title="A newer version of this framework is published">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              This assessment uses version {assessment.versionNumber}; version{" "}
              {assessment.latestVersionNumber} is the latest. Moving to it keeps your ratings of
              every competency that is still there.
            </Text>
            <Button
              size="xs"
              leftSection={<IconRefresh size={16} aria-hidden />}
              loading={rebase.isPending}
              onClick={() => rebase.mutate()}
            >
              Move to version {assessment.latestVersionNumber}
            </Button>
          </Stack>
        </Alert>
      )}

      {isOwner && (
        <Paper withBorder radius="lg" p="md">
          <Group justify="space-between" gap="md">
            <Switch
              label="Share with my manager"
              description="Your manager sees your finished ratings and the gap analysis. You can stop sharing at any time."
              checked={assessment.sharedWithManager}
              disabled={share.isPending}
              onChange={(event) => share.mutate(event.currentTarget.checked)}
            />
            {assessment.status === "draft" ? (
              <Button loading={finish.isPending} onClick={() => finish.mutate()}>
                Finish assessment
              </Button>
            ) : (
              <Text size="sm">
                Finished {assessment.finishedAt ? formatDateTime(assessment.finishedAt) : ""}
              </Text>
            )}
          </Group>
        </Paper>
      )}

      <TitledSection
        title={isOwner ? "Your ratings" : "Ratings"}
        description="Rate yourself on each competency. Each level says what it looks like for that competency."
      >
        <AssessmentRatingForm
          key={assessment.versionNumber}
          onUnsavedChange={setUnsaved}
          assessment={assessment}
          readOnly={!isOwner || assessment.status === "finished"}
        />
      </TitledSection>

      {isOwner && <FeedbackSection assessment={assessment} />}

      <TitledSection
        title="Gap analysis"
        description="Where you stand against what the role expects."
      >
        <GapAnalysis assessmentId={assessment.id} scaleLength={assessment.scale.length} />
      </TitledSection>
    </Stack>
  );
}

function FeedbackSection({ assessment }: { assessment: Assessment }) {
  return (
    <TitledSection
      title="Feedback"
      description="Ask your manager and peers to rate the same competencies."
      actions={
        <ModalButton label="Ask for feedback" title="Ask for feedback" variant="default">
          {(close) => <FeedbackRequestForm assessment={assessment} onDone={close} />}
        </ModalButton>
      }
    >
      {assessment.requests.length === 0 ? (
        <Text size="sm">You have not asked anyone yet.</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {assessment.requests.map((request) => (
            <Paper key={request.id} component="li" withBorder radius="md" p="sm">
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={500}>
                  {request.rater.name}{" "}
                  <Text span size="sm" c="dimmed">
                    ({relationLabels[request.relation]})
                  </Text>
                </Text>
                <Group gap="xs">
                  {request.dueOn && request.status === "pending" && (
                    <Text size="sm" c="dimmed">
                      due {formatCalendarDate(request.dueOn)}
                    </Text>
                  )}
                  <Badge
                    variant={request.status === "answered" ? "filled" : "light"}
                    color={request.status === "declined" ? "gray" : undefined}
                    tt="none"
                  >
                    {feedbackStatusLabels[request.status]}
                  </Badge>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </TitledSection>
  );
}

function ExportMenu({ assessmentId }: { assessmentId: string }) {
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={assessmentExportUrl(assessmentId, "md")} download>
          Markdown (.md)
        </Menu.Item>
        <Menu.Item component="a" href={assessmentExportUrl(assessmentId, "csv")} download>
          Table for spreadsheets (.csv)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function DeleteButton({ assessment }: { assessment: Assessment }) {
  const [opened, dialog] = useDisclosure(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteAssessment(assessment.id),
    onSuccess: async () => {
      dialog.close();
      queryClient.removeQueries({ queryKey: assessmentQuery(assessment.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: careerQueryKey });
      notifications.show({ color: "green", message: "The assessment was deleted." });
      await navigate({ to: "/career/assessments" });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconTrash size={18} aria-hidden />}
        onClick={dialog.open}
      >
        Delete
      </Button>
      <ResponsiveModal
        opened={opened}
        onClose={dialog.close}
        title="Delete this assessment?"
        size="md"
      >
        <Stack gap="md">
          <Text>
            Your ratings, evidence and the feedback requests of this assessment will be deleted.
            Goals you already made from its gaps stay in your growth plan.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete assessment
            </Button>
          </Group>
        </Stack>
      </ResponsiveModal>
    </>
  );
}
