import {
  ActionIcon,
  Badge,
  Group,
  Paper,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { InspirationContent } from "#core/growth-plan/sections.schemas.ts";
import { promptsQuery } from "../../../api/growth-plans.api.ts";
import classes from "../growth-plans.module.css";
import { MarkdownField } from "../markdown-field.tsx";
import { problemAt, useSectionAutosave } from "../plan-parts.ts";
import { SectionConflict } from "./section-conflict.tsx";

export function InspirationEditor({ plan, hint }: { plan: PlanView; hint: string | null }) {
  const autosave = useSectionAutosave(plan, "inspiration");
  const prompts = useQuery(promptsQuery);
  const { draft, update } = autosave;
  const helpOf = (promptId: string) =>
    prompts.data?.prompts.find((prompt) => prompt.id === promptId)?.help;
  const setAssessments = (change: Partial<InspirationContent["assessments"]>) =>
    update((section) => ({ ...section, assessments: { ...section.assessments, ...change } }));

  return (
    <Stack gap="lg">
      <SectionConflict sectionKey="inspiration" autosave={autosave} />
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
      {draft.answers.map((answer, index) => (
        <MarkdownField
          key={answer.promptId}
          label={answer.prompt}
          description={helpOf(answer.promptId)}
          value={answer.answer}
          error={problemAt(autosave, `answers.${index}.answer`)}
          onChange={(value) =>
            update((section) => ({
              ...section,
              answers: section.answers.map((candidate, position) =>
                position === index ? { ...candidate, answer: value } : candidate,
              ),
            }))
          }
        />
      ))}

      <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Title order={3} size="h5" component="legend" mb="xs">
          Assessments (optional)
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Myers-Briggs type"
            placeholder="e.g. INFJ"
            miw={12 * 16}
            value={draft.assessments.myersBriggs}
            error={problemAt(autosave, "assessments.myersBriggs")}
            onChange={(event) => setAssessments({ myersBriggs: event.currentTarget.value })}
          />
          <TextInput
            label="Learning style"
            placeholder="e.g. learning by doing"
            miw={12 * 16}
            value={draft.assessments.learningStyle}
            error={problemAt(autosave, "assessments.learningStyle")}
            onChange={(event) => setAssessments({ learningStyle: event.currentTarget.value })}
          />
        </Group>
        <TagsInput
          label="StrengthsFinder themes"
          description="Most dominant first; press Enter after each theme."
          maxTags={growthPlanLimits.strengths}
          value={draft.assessments.strengths}
          error={problemAt(autosave, "assessments.strengths")}
          onChange={(strengths) => setAssessments({ strengths })}
        />
        <MarkdownField
          label="Assessment notes"
          minRows={2}
          value={draft.assessments.notes}
          error={problemAt(autosave, "assessments.notes")}
          onChange={(notes) => setAssessments({ notes })}
        />
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h5">
          Findings from the energy journal
        </Title>
        {draft.energyFindings.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet. Log your energy for a week, then add what stands out from the journal's
            summary.
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {draft.energyFindings.map((finding) => (
              <Paper component="li" key={finding.id} withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Badge
                        variant="light"
                        color={finding.kind === "energizes" ? "trellis" : "gray"}
                        className={finding.kind === "drains" ? classes.drainsBadge : undefined}
                        tt="none"
                      >
                        {finding.kind === "energizes" ? "Energizes" : "Drains"}
                      </Badge>
                      <Text fw={600}>{finding.subject}</Text>
                    </Group>
                    <Text size="sm" c="dimmed">
                      Average {finding.averageLevel.toFixed(1)} of 5 over {finding.count}{" "}
                      {finding.count === 1 ? "entry" : "entries"}
                    </Text>
                    {finding.note && <Text size="sm">{finding.note}</Text>}
                  </Stack>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove the finding about ${finding.subject}`}
                    onClick={() =>
                      update((section) => ({
                        ...section,
                        energyFindings: section.energyFindings.filter(
                          (candidate) => candidate.id !== finding.id,
                        ),
                      }))
                    }
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
