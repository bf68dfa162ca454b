import { Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { myPathwayQuery } from "../../api/pathway.api.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import classes from "./pathway.module.css";
import { itemKindLabels, progressPercent } from "./pathway-view.ts";

/** The home page's view of the member's pathway: where they are and what comes next. */
export function PathwayHomeCard() {
  const pathway = useQuery(myPathwayQuery);
  const headingId = useId();
  if (!pathway.data) return null;
  const { summary, tenure } = pathway.data;

  return (
    <Card
      component="section"
      aria-labelledby={headingId}
      withBorder
      padding="lg"
      radius="lg"
      maw={640}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed" fw={500}>
          Your pathway
        </Text>
        <Title order={2} size="h4" id={headingId}>
          {summary.headline}
        </Title>
        {tenure.status === "active" && summary.total > 0 && (
          <Progress
            value={progressPercent(summary)}
            aria-label={`This quarter: ${summary.done} of ${summary.total} done`}
            radius="xl"
          />
        )}
        {summary.next.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Next
            </Text>
            <Stack component="ul" gap={4} m={0} pl="md">
              {summary.next.map((item) => (
                <Text component="li" key={item.id} size="sm">
                  {item.title}{" "}
                  <Text span size="sm" c="dimmed">
                    · {itemKindLabels[item.kind]}
                  </Text>
                </Text>
              ))}
            </Stack>
          </Stack>
        )}
        {summary.leftBehindCount > 0 && (
          <Text size="sm" className={classes.warningText}>
            {summary.leftBehindCount} {summary.leftBehindCount === 1 ? "item" : "items"} left behind
            in past quarters
          </Text>
        )}
        <Group>
          <AnchorLink to="/pathway" fw={600}>
            <Group gap={4} component="span">
              Open your pathway
              <IconArrowRight size={16} aria-hidden />
            </Group>
          </AnchorLink>
        </Group>
      </Stack>
    </Card>
  );
}
