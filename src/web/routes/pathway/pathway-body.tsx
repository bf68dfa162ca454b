import { Alert, Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCalendarEvent, IconInfoCircle } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import type { PathwayMemberStage, PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { TitledSection } from "../../components/titled-section.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import { AttributionNote } from "./attribution-note.tsx";
import classes from "./pathway.module.css";
import { PathwayItemRow } from "./pathway-item.tsx";
import { StageItems, StageProgress, TimelineSection } from "./pathway-stages.tsx";
import {
  focusAnchorId,
  focusStage,
  initiallyUnfolded,
  stageAnchorId,
  stageDates,
  stagesLeftBehind,
} from "./pathway-view.ts";

/** Everything below a pathway page's title; the member's page and a reader's page share it. */
export function PathwayBody({ view }: { view: PathwayView }) {
  const [unfolded, setUnfolded] = useState(() => initiallyUnfolded(view));
  const [reveal, setReveal] = useState<string | null>(null);

  // Opening a stage from the callout moves there once it is shown.
  useEffect(() => {
    if (!reveal) return;
    const target = document.getElementById(stageAnchorId(reveal));
    target?.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: true });
    setReveal(null);
  }, [reveal]);

  if (!view.template) {
    return (
      <Alert variant="light" icon={<IconInfoCircle aria-hidden />} title="No pathway yet">
        There is no pathway template to follow yet. An administrator can import one or make one the
        default.
      </Alert>
    );
  }
  const focus = focusStage(view);
  const toggle = (keyId: string) =>
    setUnfolded((current) => {
      const next = new Set(current);
      if (!next.delete(keyId)) next.add(keyId);
      return next;
    });
  const open = (keyId: string) => {
    setUnfolded((current) => new Set(current).add(keyId));
    setReveal(keyId);
  };

  return (
    <Stack gap="lg">
      <TenureHeader view={view} />
      {view.leftBehind.length > 0 && <LeftBehindCallout view={view} onOpen={open} />}
      {focus && <FocusStageSection view={view} stage={focus} />}
      <TimelineSection view={view} focus={focus} unfolded={unfolded} onToggle={toggle} />
      {view.removedWithProgress.length > 0 && <HistorySection view={view} />}
      {view.template.attribution && <AttributionNote attribution={view.template.attribution} />}
    </Stack>
  );
}

function TenureHeader({ view }: { view: PathwayView }) {
  const { tenure, person } = view;
  const whose = view.relation === "self" ? "your" : "their";

  return (
    <Paper withBorder radius="lg" p="md">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={2}>
          {tenure.status === "active" && (
            <>
              <Text className={classes.tenureLabel}>{tenure.label}</Text>
              <Text size="sm" c="dimmed">
                This quarter: {formatCalendarDate(tenure.quarterStart)} –{" "}
                {formatCalendarDate(tenure.quarterEnd)} · day {tenure.dayInQuarter}
              </Text>
            </>
          )}
          {tenure.status === "not-started" && (
            <>
              <Text className={classes.tenureLabel}>Not started yet</Text>
              <Text size="sm" c="dimmed">
                The pathway starts on {formatCalendarDate(tenure.startsOn)}, {whose} first day.
                Until then every stage is upcoming.
              </Text>
            </>
          )}
          {tenure.status === "no-hire-date" && (
            <>
              <Text className={classes.tenureLabel}>No hire date</Text>
              <Text size="sm" c="dimmed">
                The pathway follows tenure from the hire date. Ask an administrator to add{" "}
                {view.relation === "self" ? "yours" : `${person.displayName}’s`} to the profile.
              </Text>
            </>
          )}
        </Stack>
        <Stack gap={2} align="flex-start">
          <Text size="sm" c="dimmed">
            Pathway
          </Text>
          <Text fw={600}>{view.template?.name}</Text>
          {person.hireDate && (
            <Text size="sm" c="dimmed">
              <IconCalendarEvent size={14} aria-hidden style={{ verticalAlign: -2 }} /> Hired{" "}
              {formatCalendarDate(person.hireDate)}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** The count of open items of past quarters, and a way to each quarter that holds some. */
function LeftBehindCallout({
  view,
  onOpen,
}: {
  view: PathwayView;
  onOpen: (keyId: string) => void;
}) {
  const count = view.leftBehind.length;
  return (
    <Alert
      variant="light"
      color="orange"
      icon={<IconAlertTriangle aria-hidden />}
      title={`${count} ${count === 1 ? "item" : "items"} left behind in past quarters`}
      styles={{ title: { color: "var(--pathway-warning-text)" } }}
    >
      <Stack gap={6}>
        <Text size="sm">
          {view.relation === "self"
            ? "Still open from earlier quarters: do them now, or hide what no longer fits."
            : "Still open from earlier quarters."}
        </Text>
        <Group component="ul" gap="md" className={classes.plainList}>
          {stagesLeftBehind(view).map(({ stage, open }) => (
            <li key={stage.keyId}>
              <Anchor
                href={`#${stageAnchorId(stage.keyId)}`}
                size="sm"
                c="inherit"
                underline="always"
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(stage.keyId);
                }}
              >
                {stage.label}: {open} open
              </Anchor>
            </li>
          ))}
        </Group>
      </Stack>
    </Alert>
  );
}

function FocusStageSection({ view, stage }: { view: PathwayView; stage: PathwayMemberStage }) {
  const dates = stageDates(stage);
  const heading =
    view.tenure.status === "active"
      ? `This quarter: ${stage.label}`
      : `${view.relation === "self" ? "Your" : "Their"} first quarter: ${stage.label}`;

  return (
    <div id={focusAnchorId} tabIndex={-1} className={classes.anchorTarget}>
      <TitledSection title={heading} description={dates}>
        <StageProgress stage={stage} />
        <StageItems view={view} stage={stage} />
      </TitledSection>
    </div>
  );
}

function HistorySection({ view }: { view: PathwayView }) {
  return (
    <TitledSection
      title="History"
      description="Items removed from the pathway template after progress was recorded on them."
    >
      <ul className={classes.rows}>
        {view.removedWithProgress.map((item) => (
          <PathwayItemRow key={item.id} view={view} item={item} readOnly />
        ))}
      </ul>
    </TitledSection>
  );
}
