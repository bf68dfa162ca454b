import { Alert, Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCalendarEvent, IconInfoCircle } from "@tabler/icons-react";
import { useId } from "react";
import type { PathwayMemberStage, PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { TitledSection } from "../../components/titled-section.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import { AttributionNote } from "./attribution-note.tsx";
import classes from "./pathway.module.css";
import { PathwayItemCard } from "./pathway-item.tsx";
import {
  describeCounts,
  focusStage,
  itemAnchorId,
  progressPercent,
  stageDates,
  stageStatusLabels,
} from "./pathway-view.ts";

/** Everything below a pathway page's title; the member's page and a reader's page share it. */
export function PathwayBody({ view }: { view: PathwayView }) {
  if (!view.template) {
    return (
      <Alert variant="light" icon={<IconInfoCircle aria-hidden />} title="No pathway yet">
        There is no pathway template to follow yet. An administrator can import one or make one the
        default.
      </Alert>
    );
  }
  const focus = focusStage(view);

  return (
    <Stack gap="lg">
      <TenureHeader view={view} />
      {view.leftBehind.length > 0 && <LeftBehindCallout view={view} />}
      {focus && <FocusStageSection view={view} stage={focus} />}
      <TimelineSection view={view} focus={focus} />
      {view.removedWithProgress.length > 0 && <HistorySection view={view} />}
      {view.template.attribution && <AttributionNote attribution={view.template.attribution} />}
    </Stack>
  );
}

function TenureHeader({ view }: { view: PathwayView }) {
  const { tenure, person } = view;
  const whose = view.relation === "self" ? "your" : "their";

  return (
    <Paper withBorder radius="lg" p="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          {tenure.status === "active" && (
            <>
              <Text className={classes.tenureLabel}>{tenure.label}</Text>
              <Text c="dimmed">
                This quarter: {formatCalendarDate(tenure.quarterStart)} –{" "}
                {formatCalendarDate(tenure.quarterEnd)} · day {tenure.dayInQuarter}
              </Text>
            </>
          )}
          {tenure.status === "not-started" && (
            <>
              <Text className={classes.tenureLabel}>Not started yet</Text>
              <Text c="dimmed">
                The pathway starts on {formatCalendarDate(tenure.startsOn)}, {whose} first day.
                Until then every stage is upcoming.
              </Text>
            </>
          )}
          {tenure.status === "no-hire-date" && (
            <>
              <Text className={classes.tenureLabel}>No hire date</Text>
              <Text c="dimmed">
                The pathway follows tenure from the hire date. Ask an administrator to add{" "}
                {view.relation === "self" ? "yours" : `${person.displayName}’s`} to the profile.
              </Text>
            </>
          )}
        </Stack>
        <Stack gap={4} align="flex-start">
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

function LeftBehindCallout({ view }: { view: PathwayView }) {
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
        <ul className={classes.plainList}>
          {view.leftBehind.map((item) => (
            <li key={item.id}>
              <Anchor href={`#${itemAnchorId(item.id)}`} size="sm" c="inherit" underline="always">
                {item.title}
              </Anchor>{" "}
              <Text span size="sm">
                ({item.stageLabel})
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Alert>
  );
}

function StageProgress({ stage }: { stage: PathwayMemberStage }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {describeCounts(stage.counts)}
      </Text>
      <Progress
        value={progressPercent(stage.counts)}
        aria-label={`${stage.label}: ${describeCounts(stage.counts)}`}
        size="md"
        radius="xl"
      />
    </Stack>
  );
}

function FocusStageSection({ view, stage }: { view: PathwayView; stage: PathwayMemberStage }) {
  const dates = stageDates(stage);
  const heading =
    view.tenure.status === "active"
      ? `This quarter: ${stage.label}`
      : `${view.relation === "self" ? "Your" : "Their"} first quarter: ${stage.label}`;

  return (
    <TitledSection title={heading} description={dates}>
      <StageProgress stage={stage} />
      <StageItems view={view} stage={stage} headingOrder={3} expanded />
    </TitledSection>
  );
}

function StageItems({
  view,
  stage,
  headingOrder,
  expanded = false,
}: {
  view: PathwayView;
  stage: PathwayMemberStage;
  headingOrder: 3 | 4;
  expanded?: boolean;
}) {
  if (stage.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No items in this stage.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="sm" className={classes.plainList}>
      {stage.items.map((item) => (
        <PathwayItemCard
          key={item.id}
          view={view}
          item={item}
          headingOrder={headingOrder}
          expanded={expanded}
          leftBehind={stage.status === "past"}
        />
      ))}
    </Stack>
  );
}

function TimelineSection({ view, focus }: { view: PathwayView; focus: PathwayMemberStage | null }) {
  return (
    <TitledSection
      title="All stages"
      description="Every quarter of the pathway, from the first to the considerations for later years."
    >
      <ol className={classes.timeline}>
        {view.stages.map((stage) => (
          <TimelineStage key={stage.keyId} view={view} stage={stage} isFocus={stage === focus} />
        ))}
      </ol>
    </TitledSection>
  );
}

const statusColors = { past: "gray", current: "trellis", upcoming: "blue" } as const;

function TimelineStage({
  view,
  stage,
  isFocus,
}: {
  view: PathwayView;
  stage: PathwayMemberStage;
  isFocus: boolean;
}) {
  const headingId = useId();
  const dates = stageDates(stage);

  return (
    <li className={classes.stage} data-status={stage.status} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs" align="center">
          <Title order={3} size="h5" id={headingId}>
            {stage.label}
          </Title>
          <Badge variant="light" color={statusColors[stage.status]} tt="none">
            {stageStatusLabels[stage.status]}
          </Badge>
          {!stage.inTemplate && (
            <Badge variant="outline" color="gray" tt="none">
              Not in the template any more
            </Badge>
          )}
        </Group>
        {dates && (
          <Text size="sm" c="dimmed">
            {dates}
          </Text>
        )}
        <StageProgress stage={stage} />
        {isFocus ? (
          <Text size="sm" c="dimmed">
            Its items are listed above.
          </Text>
        ) : (
          <StageItems view={view} stage={stage} headingOrder={4} />
        )}
      </Stack>
    </li>
  );
}

function HistorySection({ view }: { view: PathwayView }) {
  return (
    <TitledSection
      title="History"
      description="Items removed from the pathway template after progress was recorded on them."
    >
      <Stack component="ul" gap="sm" className={classes.plainList}>
        {view.removedWithProgress.map((item) => (
          <PathwayItemCard key={item.id} view={view} item={item} headingOrder={3} readOnly />
        ))}
      </Stack>
    </TitledSection>
  );
}
