import { Group, Progress, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { myPathwayQuery } from "../../api/pathway.api.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import classes from "./pathway.module.css";
import { StageItems } from "./pathway-stages.tsx";
import { focusStage, progressPercent } from "./pathway-view.ts";

/** The headline, with the start date as every page writes dates. */
function headline(view: PathwayView): string {
  return view.tenure.status === "not-started"
    ? `Starts on ${formatCalendarDate(view.tenure.startsOn)}`
    : view.summary.headline;
}

/**
 * Home: this quarter of the member's pathway, each item one click from done, and what was left
 * behind. Nothing when there is no pathway to follow.
 */
export function PathwayHomeCard() {
  const pathway = useQuery(myPathwayQuery);
  const view = pathway.data;
  if (!view?.template) return null;
  const focus = focusStage(view);
  const { summary } = view;

  return (
    <TitledSection
      title={headline(view)}
      description={focus ? `Your pathway: ${focus.label}` : "Your pathway"}
    >
      {view.tenure.status === "active" && summary.total > 0 && (
        <Progress
          value={progressPercent(summary)}
          aria-label={`This quarter: ${summary.done} of ${summary.total} done`}
          radius="xl"
        />
      )}
      {focus && <StageItems view={view} stage={focus} />}
      <Group justify="space-between" gap="sm">
        {summary.leftBehindCount > 0 ? (
          <Text size="sm" className={classes.warningText}>
            {summary.leftBehindCount} {summary.leftBehindCount === 1 ? "item" : "items"} left behind
            in past quarters
          </Text>
        ) : (
          <span />
        )}
        <AnchorLink to="/pathway" fw={600} size="sm">
          <Group gap={4} component="span">
            Open your pathway
            <IconArrowRight size={16} aria-hidden />
          </Group>
        </AnchorLink>
      </Group>
    </TitledSection>
  );
}
