import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { RevisionDetail, RevisionSummary } from "#core/growth-plan/revisions.schemas.ts";
import { sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import {
  growthPlansQueryKey,
  listRevisions,
  planQuery,
  restoreRevision,
  revisionQuery,
} from "../../api/growth-plans.api.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { diffFields } from "./plan-diff.ts";
import { PlanDocument } from "./plan-document.tsx";

const routeApi = getRouteApi("/app/growth-plans/$planId/history");

const changeLabels = {
  created: "created",
  updated: "edited",
  deleted: "deleted",
  restored: "restored",
};

function partLabel(revision: RevisionSummary): string {
  return revision.part.kind === "section" ? sectionTitles[revision.part.section] : "A goal";
}

function describeRevision(revision: RevisionSummary): string {
  const restored = revision.restoredFrom ? ` from version ${revision.restoredFrom}` : "";
  return `${partLabel(revision)} ${changeLabels[revision.change]}${restored}`;
}

export function PlanHistoryPage() {
  const { planId } = routeApi.useParams();
  const { version } = routeApi.useSearch();
  const navigate = useNavigate();
  const plan = useQuery(planQuery(planId));
  usePageTitle(plan.data ? `History of ${plan.data.plan.title}` : "Plan history");
  const revisions = useInfiniteQuery({
    queryKey: [...growthPlansQueryKey, "revisions", planId],
    queryFn: ({ pageParam }) => listRevisions(planId, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
  });

  const failure = plan.error ?? revisions.error;
  if (failure instanceof ApiError && (failure.status === 404 || failure.status === 403)) {
    return (
      <PageNotFound
        title="History not available"
        message="Only the owner of a plan sees its history."
      />
    );
  }
  const all = revisions.data?.pages.flatMap((page) => page.revisions) ?? [];
  const selected = version ?? all[0]?.version;

  return (
    <Stack gap="lg">
      <AnchorLink to="/growth-plans/$planId" params={{ planId }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Back to the plan
        </Group>
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1}>History</Title>
        <Text c="dimmed">
          Every saved change of {plan.data ? `"${plan.data.plan.title}"` : "this plan"}. Edits of
          the same part within ten minutes are kept as one version. Restoring brings back a whole
          earlier state as new versions; nothing is lost.
        </Text>
      </Stack>
      {(plan.isPending || revisions.isPending) && <PageLoader />}
      {failure && !(failure instanceof ApiError && failure.status === 404) && (
        <QueryErrorAlert
          error={failure}
          onRetry={() => void Promise.all([plan.refetch(), revisions.refetch()])}
        />
      )}
      {revisions.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: "start" }}>
          <Stack gap="xs" component="nav" aria-label="Versions">
            <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
              {all.map((revision) => (
                <li key={revision.version}>
                  <UnstyledButton
                    w="100%"
                    p="sm"
                    aria-current={revision.version === selected ? "true" : undefined}
                    style={{
                      borderRadius: "var(--mantine-radius-md)",
                      border: "1px solid var(--mantine-color-default-border)",
                      background:
                        revision.version === selected
                          ? "var(--mantine-primary-color-light)"
                          : undefined,
                    }}
                    onClick={() =>
                      void navigate({
                        to: "/growth-plans/$planId/history",
                        params: { planId },
                        search: { version: revision.version },
                        replace: true,
                      })
                    }
                  >
                    <Text size="sm" fw={600}>
                      Version {revision.version}: {describeRevision(revision)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {revision.author?.displayName ?? "Someone no longer here"} ·{" "}
                      {formatDateTime(revision.at)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
            {revisions.hasNextPage && (
              <Button
                variant="default"
                loading={revisions.isFetchingNextPage}
                onClick={() => void revisions.fetchNextPage()}
              >
                Show older versions
              </Button>
            )}
          </Stack>
          {selected !== undefined && (
            <RevisionPanel
              planId={planId}
              version={selected}
              latest={all[0]?.version === selected}
              listed={all.find((revision) => revision.version === selected)}
            />
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function RevisionPanel({
  planId,
  version,
  latest,
  listed,
}: {
  planId: string;
  version: number;
  latest: boolean;
  /** The same revision as the list shows it, which names its author. */
  listed: RevisionSummary | undefined;
}) {
  const detail = useQuery(revisionQuery(planId, version));
  if (detail.isPending) return <PageLoader />;
  if (detail.isError)
    return <QueryErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  // The detail answer may leave the author out; the list names them.
  const revision = {
    ...detail.data.revision,
    author: detail.data.revision.author ?? listed?.author ?? null,
  };
  return <RevisionView planId={planId} detail={{ ...detail.data, revision }} latest={latest} />;
}

function RevisionView({
  planId,
  detail,
  latest,
}: {
  planId: string;
  detail: RevisionDetail;
  latest: boolean;
}) {
  const { revision, snapshot, change } = detail;
  const [showingPlan, setShowingPlan] = useState(false);
  const [confirming, confirm] = useDisclosure(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changes = diffFields(change.before, change.after);
  const goalSkill =
    revision.part.kind === "goal"
      ? ((change.after ?? change.before) as GoalContent | null)?.skill?.trim()
      : undefined;
  const restore = useMutation({
    mutationFn: () => restoreRevision(planId, revision.version),
    onSuccess: async (restored) => {
      queryClient.setQueryData(planQuery(planId).queryKey, restored);
      await queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
      confirm.close();
      notifications.show({ color: "green", message: `Version ${revision.version} was restored.` });
      await navigate({
        to: "/growth-plans/$planId",
        params: { planId },
        search: { view: "overview" },
      });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      component="section"
      aria-label={`Version ${revision.version}`}
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4">
            Version {revision.version}
          </Title>
          <Text size="sm">
            {describeRevision(revision)}
            {goalSkill ? ` ("${goalSkill}")` : ""} by{" "}
            {revision.author?.displayName ?? "someone no longer here"},{" "}
            {formatDateTime(revision.at)}
          </Text>
        </Stack>
        <Title order={3} size="h5">
          What changed
        </Title>
        {changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No field changed in this version.
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">Before</Table.Th>
                <Table.Th scope="col">After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((field) => (
                <Table.Tr key={field.path}>
                  <Table.Th scope="row" fw={500}>
                    {field.label}
                  </Table.Th>
                  <DiffCell value={field.before} />
                  <DiffCell value={field.after} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="xs">
          <Button
            variant="default"
            aria-expanded={showingPlan}
            onClick={() => setShowingPlan((shown) => !shown)}
          >
            {showingPlan ? "Hide the plan at this version" : "View the plan at this version"}
          </Button>
          {!latest && <Button onClick={confirm.open}>Restore this version</Button>}
        </Group>
        {showingPlan && (
          <PlanDocument content={{ sections: snapshot.sections, goals: snapshot.goals }} />
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={confirm.close}
        title={`Restore version ${revision.version}?`}
      >
        <Stack>
          <Text>
            Every section and goal goes back to how it stood at version {revision.version}. Goals
            added since are removed and deleted ones come back. This is saved as new versions, so
            you can undo it from this page.
          </Text>
          <Alert variant="light" color="gray">
            Energy journal entries, sharing and comments are not versioned and stay as they are.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              Cancel
            </Button>
            <Button loading={restore.isPending} onClick={() => restore.mutate()}>
              Restore
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function DiffCell({ value }: { value: string | null }) {
  return (
    <Table.Td style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", verticalAlign: "top" }}>
      {value === null || value === "" ? (
        <Text span size="sm" c="dimmed">
          {value === null ? "(not there)" : "(empty)"}
        </Text>
      ) : (
        value
      )}
    </Table.Td>
  );
}
