import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import {
  type AccomplishmentsContent,
  type ExplorationContent,
  type InspirationContent,
  type RoleContent,
  type TrackingContent,
  trajectoryLabels,
} from "#core/growth-plan/sections.schemas.ts";
import { isSafeLinkDestination } from "#core/safe-markdown.ts";
import { Markdown } from "../../components/markdown.tsx";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import type { PlanDocumentContent } from "./plan-document.tsx";
import { goalColumns, goalName, goalStatusLabels } from "./plan-labels.ts";

// Each section of a plan as a reader sees it, for the plan document.

function Empty({ children = "Nothing written yet." }: { children?: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function Written({ text }: { text: string }) {
  return text.trim() ? <Markdown>{text}</Markdown> : <Empty />;
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Title order={3} size="h6">
        {label}
      </Title>
      {children}
    </Stack>
  );
}

export function InspirationView({ content }: { content: InspirationContent }) {
  const { assessments } = content;
  const assessmentLines = [
    assessments.myersBriggs && `Myers-Briggs: ${assessments.myersBriggs}`,
    assessments.strengths.length > 0 && `StrengthsFinder: ${assessments.strengths.join(", ")}`,
    assessments.learningStyle && `Learning style: ${assessments.learningStyle}`,
  ].filter(Boolean);
  return (
    <Stack gap="md">
      {content.answers.map((answer) => (
        <Labelled key={answer.promptId} label={answer.prompt}>
          <Written text={answer.answer} />
        </Labelled>
      ))}
      {(assessmentLines.length > 0 || assessments.notes.trim()) && (
        <Labelled label="Assessments">
          {assessmentLines.map((line) => (
            <Text key={String(line)} size="sm">
              {line}
            </Text>
          ))}
          {assessments.notes.trim() && <Markdown>{assessments.notes}</Markdown>}
        </Labelled>
      )}
      {content.energyFindings.length > 0 && (
        <Labelled label="Findings from the energy journal">
          <List size="sm" spacing={4}>
            {content.energyFindings.map((finding) => (
              <List.Item key={finding.id}>
                <strong>{finding.kind === "energizes" ? "Energizes" : "Drains"}:</strong>{" "}
                {finding.subject} (average {finding.averageLevel.toFixed(1)} over {finding.count}{" "}
                {finding.count === 1 ? "entry" : "entries"})
                {finding.note ? ` — ${finding.note}` : ""}
              </List.Item>
            ))}
          </List>
        </Labelled>
      )}
    </Stack>
  );
}

export function EnergyLine({ energy }: { energy: PlanDocumentContent["energy"] }) {
  if (!energy || energy.entryCount === 0) return <Empty>No journal entries yet.</Empty>;
  return (
    <Text size="sm">
      {energy.entryCount} {energy.entryCount === 1 ? "entry" : "entries"}
      {energy.lastEntryAt ? `, the latest on ${formatDateTime(energy.lastEntryAt)}` : ""}.
    </Text>
  );
}

export function RoleView({ content }: { content: RoleContent }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Labelled label="Trajectory">
          <Text size="sm">
            {content.trajectory ? trajectoryLabels[content.trajectory] : "Not decided yet"}
          </Text>
        </Labelled>
        <Labelled label="Target roles">
          <Text size="sm">{content.targetRoles.join(", ") || "None named yet"}</Text>
        </Labelled>
        <Labelled label="Time frame">
          <Text size="sm">{content.timeFrame || "Not set"}</Text>
        </Labelled>
      </SimpleGrid>
      {content.notes.trim() && (
        <Labelled label="Notes">
          <Markdown>{content.notes}</Markdown>
        </Labelled>
      )}
    </Stack>
  );
}

export function ExplorationView({ content }: { content: ExplorationContent }) {
  if (content.resources.length === 0) return <Empty>No resources bookmarked yet.</Empty>;
  return (
    <List spacing="xs" size="sm">
      {content.resources.map((resource) => (
        <List.Item key={resource.id}>
          {resource.url ? (
            <Anchor
              href={isSafeLinkDestination(resource.url) ? resource.url : undefined}
              target="_blank"
              rel="noopener noreferrer nofollow"
              fw={600}
            >
              {resource.title}
            </Anchor>
          ) : (
            <strong>{resource.title}</strong>
          )}
          {resource.note && (
            <Text size="sm" c="dimmed">
              {resource.note}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function GoalsView({ goals }: { goals: { id: string; content: GoalContent }[] }) {
  if (goals.length === 0) return <Empty>No goals yet.</Empty>;
  return (
    <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
      {goals.map((goal, index) => (
        <Paper
          component="li"
          key={goal.id}
          withBorder
          radius="md"
          p="md"
          className="plan-document-goal"
        >
          <Stack gap="sm">
            <Group justify="space-between" gap="xs">
              <Title order={3} size="h5">
                {goalName(goal.content, index)}
              </Title>
              <Group gap="xs">
                <Badge
                  variant="light"
                  tt="none"
                  color={goal.content.status === "done" ? "trellis" : "gray"}
                >
                  {goalStatusLabels[goal.content.status]}
                </Badge>
                {goal.content.targetDate && (
                  <Text size="sm" c="dimmed">
                    Target {formatCalendarDate(goal.content.targetDate)}
                  </Text>
                )}
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {goalColumns
                .filter((column) => column.key !== "skill")
                .map((column) => (
                  <Labelled key={column.key} label={column.label}>
                    {column.key === "actionSteps" ? (
                      <ActionStepList steps={goal.content.actionSteps} />
                    ) : (
                      <Written text={goal.content[column.key]} />
                    )}
                  </Labelled>
                ))}
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function ActionStepList({ steps }: { steps: GoalContent["actionSteps"] }) {
  if (steps.length === 0) return <Empty>No action steps yet.</Empty>;
  return (
    <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
      {steps.map((step) => (
        <Group component="li" key={step.id} gap={6} wrap="nowrap" align="flex-start">
          <Checkbox checked={step.done} readOnly tabIndex={-1} aria-hidden size="xs" mt={3} />
          <Text size="sm" td={step.done ? "line-through" : undefined}>
            {step.done ? "Done: " : ""}
            {step.title || "Untitled step"}
            {step.dueOn && (
              <Text component="span" size="xs" c="dimmed">
                {" "}
                (due {formatCalendarDate(step.dueOn)})
              </Text>
            )}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function TrackingView({ content }: { content: TrackingContent }) {
  return (
    <Stack gap="md">
      <Labelled label="Check-in schedule">
        {content.schedule.length === 0 ? (
          <Empty>No schedule yet.</Empty>
        ) : (
          <List size="sm">
            {content.schedule.map((item) => (
              <List.Item key={item.id}>
                {item.label}: {item.cadence}, from {formatCalendarDate(item.startsOn)}
              </List.Item>
            ))}
          </List>
        )}
      </Labelled>
      {content.checkIns.length > 0 && (
        <Labelled label="Check-ins">
          <Stack gap="xs">
            {content.checkIns.map((checkIn) => (
              <Stack key={checkIn.id} gap={2}>
                <Text size="sm" fw={600}>
                  {formatCalendarDate(checkIn.dueOn)} · {checkIn.label}
                  {checkIn.done
                    ? ` — done${checkIn.doneOn ? ` on ${formatCalendarDate(checkIn.doneOn)}` : ""}`
                    : ""}
                </Text>
                {checkIn.reflection.trim() && <Markdown>{checkIn.reflection}</Markdown>}
              </Stack>
            ))}
          </Stack>
        </Labelled>
      )}
      {content.reflections.length > 0 && (
        <Labelled label="Reflections">
          <Stack gap="xs">
            {content.reflections.map((reflection) => (
              <Stack key={reflection.id} gap={2}>
                <Text size="sm" fw={600}>
                  {formatCalendarDate(reflection.on)}
                </Text>
                <Written text={reflection.body} />
              </Stack>
            ))}
          </Stack>
        </Labelled>
      )}
    </Stack>
  );
}

export function AccomplishmentsView({
  content,
  goals,
}: {
  content: AccomplishmentsContent;
  goals: { id: string; content: GoalContent }[];
}) {
  if (content.entries.length === 0) return <Empty>No accomplishments logged yet.</Empty>;
  return (
    <Stack gap="sm">
      {content.entries.map((entry) => {
        const linked = entry.goalIds
          .map((id) => goals.findIndex((goal) => goal.id === id))
          .filter((index) => index >= 0)
          .map((index) => goalName(goals[index]?.content ?? { skill: "" }, index));
        return (
          <Stack key={entry.id} gap={2}>
            <Text size="sm" fw={600}>
              {formatCalendarDate(entry.on)} · {entry.title}
            </Text>
            {linked.length > 0 && (
              <Text size="xs" c="dimmed">
                Supports {linked.join("; ")}
              </Text>
            )}
            {entry.details.trim() && <Markdown>{entry.details}</Markdown>}
          </Stack>
        );
      })}
    </Stack>
  );
}
