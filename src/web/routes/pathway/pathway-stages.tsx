import { Anchor, Badge, Group, Progress, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown } from "@tabler/icons-react";
import { useId } from "react";
import type { PathwayMemberStage, PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { TitledSection } from "../../components/titled-section.tsx";
import classes from "./pathway.module.css";
import { PathwayItemRow } from "./pathway-item.tsx";
import {
  describeCounts,
  focusAnchorId,
  progressPercent,
  stageAnchorId,
  stageDates,
  stageStatusLabels,
} from "./pathway-view.ts";

/** A stage's items as compact rows, or a word that it has none. */
export function StageItems({ view, stage }: { view: PathwayView; stage: PathwayMemberStage }) {
  if (stage.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No items in this stage.
      </Text>
    );
  }
  return (
    <ul className={classes.rows}>
      {stage.items.map((item) => (
        <PathwayItemRow key={item.id} view={view} item={item} inPast={stage.status === "past"} />
      ))}
    </ul>
  );
}

export function StageProgress({ stage }: { stage: PathwayMemberStage }) {
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

const statusColors = { past: "gray", current: "trellis", upcoming: "blue" } as const;

interface TimelineProps {
  view: PathwayView;
  focus: PathwayMemberStage | null;
  /** Stages shown unfolded. */
  unfolded: ReadonlySet<string>;
  onToggle: (keyId: string) => void;
}

/** Every stage, folded to its count; the focus stage points up to where its items are. */
export function TimelineSection({ view, focus, unfolded, onToggle }: TimelineProps) {
  return (
    <TitledSection
      title="All stages"
      description="Every quarter of the pathway, from the first to the considerations for later years. Open one to see its items."
    >
      <ol className={classes.timeline}>
        {view.stages.map((stage) => (
          <TimelineStage
            key={stage.keyId}
            view={view}
            stage={stage}
            isFocus={stage === focus}
            open={stage !== focus && unfolded.has(stage.keyId)}
            onToggle={() => onToggle(stage.keyId)}
          />
        ))}
      </ol>
    </TitledSection>
  );
}

function TimelineStage({
  view,
  stage,
  isFocus,
  open,
  onToggle,
}: {
  view: PathwayView;
  stage: PathwayMemberStage;
  isFocus: boolean;
  open: boolean;
  onToggle: () => void;
}) {
  const itemsId = useId();
  const dates = stageDates(stage);
  const summary = `${stage.label} — ${
    stage.items.length === 0 ? "no items" : describeCounts(stage.counts)
  }`;

  return (
    <li
      className={classes.stage}
      data-status={stage.status}
      id={stageAnchorId(stage.keyId)}
      tabIndex={-1}
    >
      <Stack gap={6}>
        <Group gap="xs" align="center" wrap="wrap">
          <h3 className={classes.stageHeading}>
            {isFocus ? (
              <span className={classes.stageSummary}>{summary}</span>
            ) : (
              <UnstyledButton
                className={classes.stageToggle}
                aria-expanded={open}
                aria-controls={open ? itemsId : undefined}
                onClick={onToggle}
              >
                <IconChevronDown
                  size={16}
                  aria-hidden
                  className={classes.chevron}
                  data-open={open || undefined}
                />
                {summary}
              </UnstyledButton>
            )}
          </h3>
          <Badge size="sm" variant="light" color={statusColors[stage.status]} tt="none">
            {stageStatusLabels[stage.status]}
          </Badge>
          {!stage.inTemplate && (
            <Badge size="sm" variant="outline" color="gray" tt="none">
              Not in the template any more
            </Badge>
          )}
        </Group>
        {isFocus && (
          <Text size="sm" c="dimmed">
            {dates ? `${dates} · ` : ""}
            <Anchor href={`#${focusAnchorId}`} size="sm" underline="always">
              Its items are listed above
            </Anchor>
          </Text>
        )}
        {open && (
          <Stack id={itemsId} gap="xs">
            {dates && (
              <Text size="sm" c="dimmed">
                {dates}
              </Text>
            )}
            <StageItems view={view} stage={stage} />
          </Stack>
        )}
      </Stack>
    </li>
  );
}
