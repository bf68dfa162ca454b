import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconAlertTriangle, IconCircleCheck, IconKeyboard } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { FrameworkDraft } from "#core/career/frameworks.schemas.ts";
import { frameworkDraftQuery } from "../../api/career-frameworks.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { useLeaveGuard } from "../../components/use-leave-guard.ts";
import { usePageTitle } from "../../components/use-page-title.ts";
import { cellLabel, changesOf, countPending } from "./expectations-grid.ts";
import { ExpectationsTable } from "./expectations-grid-table.tsx";
import { DraftDetails, FrameworkPageLayout } from "./framework-page-layout.tsx";
import { type ExpectationSaveStatus, useExpectationSaves } from "./use-expectation-saves.ts";

const routeApi = getRouteApi("/app/admin/career-frameworks/$frameworkId/expectations");

export function CareerFrameworkExpectationsPage() {
  const { frameworkId } = routeApi.useParams();
  const draft = useQuery(frameworkDraftQuery(frameworkId));
  if (!draft.data) return <QueryStatus query={draft} />;
  return <ExpectationsEditor key={frameworkId} initial={draft.data} />;
}

function ExpectationsEditor({ initial }: { initial: FrameworkDraft }) {
  usePageTitle(`Expectations: ${initial.content.name}`);
  const saves = useExpectationSaves(initial);
  const { draft } = saves;
  const { content } = draft;
  const unsaved = countPending(saves.pending);
  useLeaveGuard(unsaved > 0);
  const scaleWords = content.scale.map((point) => `${point.value} ${point.label}`).join(", ");

  return (
    <FrameworkPageLayout
      frameworkId={draft.frameworkId}
      name={content.name}
      page="expectations"
      details={<DraftDetails version={draft.version} updatedAt={draft.updatedAt} />}
    >
      <Alert variant="light" icon={<IconKeyboard aria-hidden />} title="Filling in the grid">
        <Stack gap={4}>
          <Text size="sm">
            Each cell is the level a role expects in a competency, on the scale {scaleWords}.
          </Text>
          <Text size="sm">
            Arrow keys move between cells; Home and End go to the ends of a row, Page Up and Page
            Down by a screenful. Type a digit from 1 to {content.scale.length} to set a level (focus
            moves on to the next competency), Delete or Backspace to clear it. Levels are saved a
            moment after you stop typing; a * marks one not saved yet.
          </Text>
        </Stack>
      </Alert>
      <SaveStatus
        status={saves.status}
        unsaved={unsaved}
        problem={saves.problem}
        onRetry={saves.retry}
      />
      {content.roles.length === 0 || content.competencies.length === 0 ? (
        <Text c="dimmed">
          The grid needs at least one role and one competency.{" "}
          <AnchorLink
            to="/admin/career-frameworks/$frameworkId"
            params={{ frameworkId: draft.frameworkId }}
          >
            Add them to the draft
          </AnchorLink>
          .
        </Text>
      ) : (
        <ExpectationsTable content={content} pending={saves.pending} onType={saves.type} />
      )}
      {saves.conflict && (
        <ExpectationsConflict
          draft={draft}
          current={saves.conflict}
          pending={saves.pending}
          onKeepMine={saves.keepMine}
          onTakeTheirs={saves.takeTheirs}
        />
      )}
    </FrameworkPageLayout>
  );
}

function SaveStatus({
  status,
  unsaved,
  problem,
  onRetry,
}: {
  status: ExpectationSaveStatus;
  unsaved: number;
  problem: string | null;
  onRetry: () => void;
}) {
  return (
    <Group gap="xs" role="status" aria-live="polite" mih={28}>
      {status === "saved" && (
        <>
          <IconCircleCheck size={18} aria-hidden />
          <Text size="sm">Every level is saved.</Text>
        </>
      )}
      {(status === "pending" || status === "saving") && (
        <>
          {status === "saving" && <Loader size="xs" aria-hidden />}
          <Text size="sm">
            {status === "saving" ? "Saving" : "Waiting to save"} {unsaved}{" "}
            {unsaved === 1 ? "level" : "levels"}…
          </Text>
        </>
      )}
      {status === "failed" && (
        <>
          <IconAlertTriangle size={18} aria-hidden color="var(--mantine-color-red-text)" />
          <Text size="sm" c="var(--mantine-color-error)">
            {unsaved} {unsaved === 1 ? "level was" : "levels were"} not saved: {problem}
          </Text>
          <Button size="compact-sm" variant="default" onClick={onRetry}>
            Try again
          </Button>
        </>
      )}
      {status === "conflict" && (
        <Text size="sm" c="var(--mantine-color-error)">
          The draft was changed elsewhere; choose what to keep.
        </Text>
      )}
    </Group>
  );
}

/** A save met a newer draft: show what was typed and let the admin choose; nothing is lost. */
function ExpectationsConflict({
  draft,
  current,
  pending,
  onKeepMine,
  onTakeTheirs,
}: {
  draft: FrameworkDraft;
  current: FrameworkDraft;
  pending: ReturnType<typeof useExpectationSaves>["pending"];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
  const mine = changesOf(pending, draft.content);
  const roles = new Map(current.content.roles.map((role) => [role.key, role]));
  const competencies = new Map(current.content.competencies.map((c) => [c.key, c]));
  const applicable = changesOf(pending, current.content);
  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      size="lg"
      fullScreen={isPhone}
      title="The draft was changed elsewhere"
    >
      <Stack gap="md">
        <Text>
          Someone saved draft version {current.version} (perhaps you, in another tab) while you were
          filling in the grid. Nothing has been overwritten. Your {mine.length}{" "}
          {mine.length === 1 ? "level is" : "levels are"} not saved yet:
        </Text>
        <List size="sm" spacing={2} mah={240} style={{ overflow: "auto" }}>
          {mine.slice(0, 50).map((change) => {
            const role = roles.get(change.roleKey);
            const competency = competencies.get(change.competencyKey);
            const label =
              role && competency
                ? cellLabel(role, competency, change.level, current.content.scale)
                : `${change.roleKey}, ${change.competencyKey}: no longer in the draft`;
            const theirs = role?.expectations[change.competencyKey];
            return (
              <List.Item key={`${change.roleKey}/${change.competencyKey}`}>
                {label}
                {role && competency ? ` (saved draft: ${theirs ?? "not expected"})` : ""}
              </List.Item>
            );
          })}
          {mine.length > 50 && <List.Item>…and {mine.length - 50} more</List.Item>}
        </List>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onTakeTheirs}>
            Drop my levels
          </Button>
          <Button onClick={onKeepMine} disabled={applicable.length === 0}>
            Save my {applicable.length} {applicable.length === 1 ? "level" : "levels"} on the newer
            draft
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
