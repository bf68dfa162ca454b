import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowsSort,
  IconBellRinging,
  IconBook,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { lazy, Suspense, useState } from "react";
import type { SubtreeSummary, WorkspaceRow } from "#core/conversations/workspace.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  managerWorkspaceQuery,
  managerWorkspaceQueryKey,
  subtreeSummaryQuery,
  type WorkspaceNudgeTopic,
} from "../../api/conversations.api.ts";
import { nudgePerson } from "../../api/notifications.api.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import { OverdueBadge, ToneBadge } from "../conversations/tone-badge.tsx";
import classes from "./manager-workspace.module.css";
import {
  describeRowCount,
  initialDirection,
  noWorkspaceFilters,
  pathwayShare,
  type SortDirection,
  visibleWorkspaceRows,
  type WorkspaceFilters,
  type WorkspaceSortKey,
  workspaceSortLabels,
  workspaceTotals,
} from "./workspace-rows.ts";

// The charts bring recharts (about 100 KB); the table is on screen before they arrive.
const BarsWithTable = lazy(() =>
  import("./workspace-charts.tsx").then((module) => ({ default: module.BarsWithTable })),
);
const GroupsChart = lazy(() =>
  import("./workspace-charts.tsx").then((module) => ({ default: module.GroupsChart })),
);

const route = getRouteApi("/app/manager");

/** A manager's direct reports at a glance, and for a manager of managers the whole subtree. */
export function ManagerWorkspacePage() {
  usePageTitle("Manager workspace");
  const { view } = route.useSearch();
  const navigate = useNavigate({ from: "/manager" });
  const workspace = useQuery(managerWorkspaceQuery);
  const hasSubtree = workspace.data?.hasSubtree ?? false;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 20rem" }}>
          <Title order={1}>Manager workspace</Title>
          <Text c="dimmed">
            Your direct reports' plans, pathways and career conversations. Everything here is what
            you may already see one by one; nothing private.
          </Text>
        </Stack>
        <ButtonLink
          to="/manager-guide"
          variant="default"
          leftSection={<IconBook size={18} aria-hidden />}
        >
          Manager guide
        </ButtonLink>
      </Group>
      <QueryStatus query={workspace} />
      {workspace.data && workspace.data.rows.length === 0 && (
        <Text c="dimmed">No one reports to you at the moment.</Text>
      )}
      {workspace.data &&
        workspace.data.rows.length > 0 &&
        (hasSubtree ? (
          <Tabs
            value={view === "organization" ? "organization" : "reports"}
            onChange={(value) =>
              void navigate({
                search: value === "organization" ? { view: "organization" } : {},
                replace: true,
              })
            }
          >
            <Tabs.List mb="md">
              <Tabs.Tab value="reports">Direct reports</Tabs.Tab>
              <Tabs.Tab value="organization">Whole organization</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="reports">
              <ReportsView rows={workspace.data.rows} />
            </Tabs.Panel>
            <Tabs.Panel value="organization">
              {view === "organization" && <OrganizationView />}
            </Tabs.Panel>
          </Tabs>
        ) : (
          <ReportsView rows={workspace.data.rows} />
        ))}
    </Stack>
  );
}

/** The direct reports: figures, a chart, and the sortable, filterable table. */
export function ReportsView({ rows }: { rows: readonly WorkspaceRow[] }) {
  const [filters, setFilters] = useState<WorkspaceFilters>(noWorkspaceFilters);
  const [sort, setSort] = useState<{ key: WorkspaceSortKey; direction: SortDirection }>({
    key: "name",
    direction: "asc",
  });
  const shown = visibleWorkspaceRows(rows, filters, sort);
  const totals = workspaceTotals(rows);
  const chooseSort = (key: WorkspaceSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "asc" ? "desc" : "asc" }
        : { key, direction: initialDirection(key) },
    );

  return (
    <Stack gap="lg">
      <TitledSection title="At a glance" description="The numbers to compare across your team.">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label="Reports" value={totals.reports} />
          <Figure label="Conversations overdue" value={totals.conversationsOverdue} />
          <Figure label="Goals at risk" value={totals.goalsAtRisk} />
          <Figure label="Open action items" value={totals.openActionItems} />
        </SimpleGrid>
        <Suspense fallback={<PageLoader />}>
          <BarsWithTable
            title="Plans by freshness, and conversations overdue"
            valueLabel="Reports"
            bars={[
              { label: "Updated in 90 days", value: totals.freshPlans },
              { label: "Not updated for 90 days", value: totals.stalePlans },
              { label: "No active plan", value: totals.noPlan },
              { label: "Conversation overdue", value: totals.conversationsOverdue },
            ]}
          />
        </Suspense>
      </TitledSection>

      <TitledSection
        title="Direct reports"
        description={describeRowCount(shown.length, rows.length)}
      >
        <Group gap="md" align="flex-end">
          <TextInput
            label="Filter by name, title or department"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filters.text}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setFilters((current) => ({ ...current, text }));
            }}
            style={{ flex: "1 1 16rem" }}
          />
          <Checkbox
            label="Overdue conversations only"
            checked={filters.overdueOnly}
            onChange={(event) => {
              const overdueOnly = event.currentTarget.checked;
              setFilters((current) => ({ ...current, overdueOnly }));
            }}
          />
          <Checkbox
            label="Stale or missing plans only"
            checked={filters.stalePlansOnly}
            onChange={(event) => {
              const stalePlansOnly = event.currentTarget.checked;
              setFilters((current) => ({ ...current, stalePlansOnly }));
            }}
          />
        </Group>
        {shown.length === 0 ? (
          <Text c="dimmed">No report matches these filters.</Text>
        ) : (
          <Table.ScrollContainer minWidth={1180} type="native">
            <Table verticalSpacing="sm" striped highlightOnHover aria-label="Direct reports">
              <Table.Thead>
                <Table.Tr>
                  <SortableHeader sortKey="name" sort={sort} onSort={chooseSort} sticky />
                  <Table.Th scope="col">Tenure</Table.Th>
                  <Table.Th scope="col">Pathway this quarter</Table.Th>
                  <SortableHeader sortKey="freshness" sort={sort} onSort={chooseSort} />
                  <SortableHeader sortKey="goalsAtRisk" sort={sort} onSort={chooseSort} />
                  <Table.Th scope="col">Last conversation</Table.Th>
                  <SortableHeader sortKey="nextDue" sort={sort} onSort={chooseSort} />
                  <SortableHeader sortKey="openItems" sort={sort} onSort={chooseSort} />
                  <Table.Th scope="col">Feedback requests</Table.Th>
                  <Table.Th scope="col">Target role</Table.Th>
                  <Table.Th scope="col">Nudge</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((row) => (
                  <ReportRow key={row.person.id} row={row} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </TitledSection>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function SortableHeader({
  sortKey,
  sort,
  onSort,
  sticky = false,
}: {
  sortKey: WorkspaceSortKey;
  sort: { key: WorkspaceSortKey; direction: SortDirection };
  onSort: (key: WorkspaceSortKey) => void;
  sticky?: boolean;
}) {
  const active = sort.key === sortKey;
  const Icon = !active
    ? IconArrowsSort
    : sort.direction === "asc"
      ? IconSortAscending
      : IconSortDescending;
  return (
    <Table.Th
      scope="col"
      className={sticky ? classes.stickyColumn : undefined}
      aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
    >
      <button type="button" className={classes.sortButton} onClick={() => onSort(sortKey)}>
        {workspaceSortLabels[sortKey]}
        <Icon size={14} aria-hidden />
      </button>
    </Table.Th>
  );
}

const freshnessBadges = {
  fresh: { tone: "green", label: "Up to date" },
  stale: { tone: "orange", label: "Not updated for 90 days" },
  none: { tone: "gray", label: "No active plan" },
} as const;

function ReportRow({ row }: { row: WorkspaceRow }) {
  const freshness = freshnessBadges[row.plan.freshness];
  const share = pathwayShare(row);
  return (
    <Table.Tr>
      <Table.Th scope="row" className={classes.stickyColumn} fw={400}>
        <Stack gap={2}>
          <AnchorLink to="/people/$id" params={{ id: row.person.id }} fw={600}>
            {row.person.name}
          </AnchorLink>
          {row.person.jobTitle && (
            <Text size="xs" c="dimmed">
              {row.person.jobTitle}
            </Text>
          )}
          <AnchorLink to="/conversations" search={{ member: row.person.id }} size="xs">
            Conversations
          </AnchorLink>
        </Stack>
      </Table.Th>
      <Table.Td className={classes.nowrap}>{row.tenure?.label ?? "—"}</Table.Td>
      <Table.Td miw={140}>
        <Stack gap={4}>
          <Progress
            value={share * 100}
            aria-label={`${row.person.name}: pathway ${row.pathway.done} of ${row.pathway.total} done`}
            size="md"
          />
          <AnchorLink to="/people/$id/pathway" params={{ id: row.person.id }} size="xs">
            {row.pathway.done} of {row.pathway.total} done
          </AnchorLink>
        </Stack>
      </Table.Td>
      <Table.Td miw={190}>
        <Stack gap={2} align="flex-start">
          <ToneBadge tone={freshness.tone}>{freshness.label}</ToneBadge>
          {row.plan.planId && row.plan.updatedAt && (
            <AnchorLink to="/growth-plans/$planId" params={{ planId: row.plan.planId }} size="xs">
              Updated {formatDateTime(row.plan.updatedAt)}
            </AnchorLink>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {row.plan.goalsAtRisk > 0 ? (
          <ToneBadge tone="orange">{row.plan.goalsAtRisk} at risk</ToneBadge>
        ) : (
          "0"
        )}
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        {row.conversations.lastHeldOn
          ? formatCalendarDate(row.conversations.lastHeldOn)
          : "Not yet"}
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Text size="sm" className={classes.nowrap}>
            {row.conversations.nextDueOn
              ? formatCalendarDate(row.conversations.nextDueOn)
              : "No date yet"}
          </Text>
          {row.conversations.overdue && <OverdueBadge />}
          {row.conversations.nextScheduledAt && (
            <Text size="xs" c="dimmed">
              Scheduled {formatDateTime(row.conversations.nextScheduledAt)}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{row.openActionItems}</Table.Td>
      <Table.Td>{row.pendingFeedbackRequests}</Table.Td>
      <Table.Td>
        {row.target ? (
          <Stack gap={2}>
            <Text size="sm">{row.target.roleTitle}</Text>
            <Text size="xs" c="dimmed">
              {Math.round(row.target.readiness * 100)}% ready
            </Text>
          </Stack>
        ) : (
          "—"
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <NudgeButton row={row} about="plan" />
          <NudgeButton row={row} about="conversation" />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

const nudgeWords: Record<WorkspaceNudgeTopic, { action: string; sent: string; message: string }> = {
  plan: {
    action: "Nudge: update plan",
    sent: "Plan nudge sent",
    message: "time to update their plan",
  },
  conversation: {
    action: "Nudge: schedule conversation",
    sent: "Conversation nudge sent",
    message: "let's schedule our career conversation",
  },
};

/** At most one nudge of each kind per report per week: the row says when the next may go. */
function NudgeButton({ row, about }: { row: WorkspaceRow; about: WorkspaceNudgeTopic }) {
  const queryClient = useQueryClient();
  const words = nudgeWords[about];
  const againAfter = row.nudges[about];
  const waiting = againAfter !== null && new Date(againAfter).getTime() > Date.now();
  const nudge = useMutation({
    mutationFn: () => nudgePerson(row.person.id, { about }),
    onSuccess: () =>
      notifications.show({
        color: "green",
        message: `${row.person.name} was nudged: “${words.message}”.`,
      }),
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerWorkspaceQueryKey }),
  });

  if (waiting) {
    return (
      <Text size="xs" c="dimmed" className={classes.nowrap}>
        {words.sent} — again after {formatDateTime(againAfter)}
      </Text>
    );
  }
  return (
    <Button
      size="compact-xs"
      variant="default"
      leftSection={<IconBellRinging size={14} aria-hidden />}
      loading={nudge.isPending}
      aria-label={`${words.action} (${row.person.name})`}
      onClick={() => nudge.mutate()}
    >
      {words.action}
    </Button>
  );
}

function OrganizationView() {
  const whole = useQuery(subtreeSummaryQuery());
  // One of the caller's managers' organizations, chosen from the whole one's groups.
  const [managerId, setManagerId] = useState("");
  const part = useQuery({ ...subtreeSummaryQuery(managerId), enabled: managerId !== "" });
  const summary = managerId ? part : whole;
  const groups = whole.data?.groups ?? [];
  return (
    <Stack gap="lg">
      {groups.length > 0 && (
        <NativeSelect
          label="Show"
          maw={360}
          value={managerId}
          onChange={(event) => setManagerId(event.currentTarget.value)}
          data={[
            { value: "", label: "Everyone under you" },
            ...groups.map((group) => ({
              value: group.manager.id,
              label: `${group.manager.name}'s organization`,
            })),
          ]}
        />
      )}
      <QueryStatus query={summary} />
      {summary.data && <SubtreeFigures summary={summary.data} />}
    </Stack>
  );
}

function SubtreeFigures({ summary }: { summary: SubtreeSummary }) {
  return (
    <>
      <TitledSection
        title="In aggregate"
        description={`${summary.people} ${summary.people === 1 ? "person" : "people"}, counted together.`}
      >
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <Figure label="With an active plan" value={summary.withActivePlan} />
          <Figure label="Stale plans" value={summary.stalePlans} />
          <Figure label="Conversations overdue" value={summary.conversationsOverdue} />
          <Figure label="Held in the last six months" value={summary.heldInLastSixMonths} />
          <Figure label="Open action items" value={summary.openActionItems} />
          <Figure
            label="Pathway stage completion"
            value={`${Math.round(summary.pathwayCompletion * 100)}%`}
          />
        </SimpleGrid>
        <Progress
          value={summary.pathwayCompletion * 100}
          aria-label={`Pathway completion across the organization: ${Math.round(summary.pathwayCompletion * 100)}%`}
        />
      </TitledSection>
      {summary.groups.length > 0 && (
        <TitledSection title="By manager" description="Each of your managers' groups, to compare.">
          <Suspense fallback={<PageLoader />}>
            <GroupsChart
              groups={summary.groups.map((group) => ({
                name: group.manager.name,
                people: group.people,
                conversationsOverdue: group.conversationsOverdue,
                stalePlans: group.stalePlans,
              }))}
            />
          </Suspense>
        </TitledSection>
      )}
      {summary.byTenure.length > 0 && (
        <TitledSection title="By tenure">
          <Suspense fallback={<PageLoader />}>
            <BarsWithTable
              title="People by tenure"
              valueLabel="People"
              bars={summary.byTenure.map((entry) => ({ label: entry.label, value: entry.count }))}
            />
          </Suspense>
        </TitledSection>
      )}
    </>
  );
}
