import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { IconInfoCircle, IconPlant2 } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type GapAnalysis as GapAnalysisView,
  type GapRow,
  GapsToGoalsBody,
} from "#core/career/assessments.schemas.ts";
import { addGapsToGoals, careerQueryKey, gapAnalysisQuery } from "../../api/career.api.ts";
import { growthPlansQueryKey } from "../../api/growth-plans.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GroupError } from "../../components/group-error.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { LearningSuggestionsButton } from "../learning/learning-suggestions.tsx";
import { formatRating, peersNote, selectableGaps } from "./gap-chart.ts";
import { GapChart } from "./gap-chart.tsx";
import { ScrollableTable } from "./scrollable-table.tsx";

const sourceLabels = { manager: "manager", peers: "peers", self: "you" } as const;

/** Expected vs given ratings as a chart and a table, the rule that made the gaps, and gaps → goals. */
export function GapAnalysis({
  assessmentId,
  scaleLength,
}: {
  assessmentId: string;
  scaleLength: number;
}) {
  const analysis = useQuery(gapAnalysisQuery(assessmentId));
  if (!analysis.data) return <QueryStatus query={analysis} />;
  return <GapView analysis={analysis.data} scaleLength={scaleLength} />;
}

function GapView({ analysis, scaleLength }: { analysis: GapAnalysisView; scaleLength: number }) {
  const note = peersNote(analysis.peers);
  return (
    <Stack gap="md">
      <Text fw={600} role="status">
        {analysis.readiness.text}
      </Text>
      <Alert
        variant="light"
        color="gray"
        icon={<IconInfoCircle aria-hidden />}
        title="How gaps are worked out"
      >
        <Stack gap={4}>
          <Text size="sm">{analysis.ruleText}</Text>
          {note && (
            <Text size="sm">
              The peers' average shows once {analysis.peers.needed} peers have answered, so no
              single answer can be singled out: {note}.
            </Text>
          )}
          {analysis.managerRater ? (
            <Text size="sm">
              Manager: {analysis.managerRater.name}
              {analysis.managerAnswered ? "" : " (has not rated this assessment yet)"}
            </Text>
          ) : (
            !analysis.managerAnswered && (
              <Text size="sm">Your manager has not rated this assessment.</Text>
            )
          )}
        </Stack>
      </Alert>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <GapChart analysis={analysis} scaleLength={scaleLength} />
        <GapsForm analysis={analysis} />
      </SimpleGrid>
    </Stack>
  );
}

function GapsForm({ analysis }: { analysis: GapAnalysisView }) {
  const queryClient = useQueryClient();
  const selectable = new Set(selectableGaps(analysis.rows).map((row) => row.competencyKey));
  const [added, setAdded] = useState<{ planId: string; count: number } | null>(null);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: GapsToGoalsBody,
    mode: "controlled",
    initialValues: { competencyKeys: [] as string[] },
    submit: ({ competencyKeys }) => addGapsToGoals(analysis.assessmentId, competencyKeys),
    onSuccess: async (result) => {
      setAdded({ planId: result.planId, count: result.goalIds.length });
      form.setValues({ competencyKeys: [] });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: careerQueryKey }),
        queryClient.invalidateQueries({ queryKey: growthPlansQueryKey }),
      ]);
    },
  });
  const chosen = form.values.competencyKeys;
  const toggle = (key: string, on: boolean) =>
    form.setFieldValue(
      "competencyKeys",
      on ? [...chosen, key] : chosen.filter((entry) => entry !== key),
    );

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Gaps">
      <Stack gap="sm">
        <ScrollableTable label="Gap table" minWidth={560}>
          <Table verticalSpacing="xs" data-path="competencyKeys">
            <Table.Caption>
              Ratings per competency; choose gaps to turn into growth plan goals.
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Goal</Table.Th>
                <Table.Th scope="col">Competency</Table.Th>
                <Table.Th scope="col">Expected</Table.Th>
                <Table.Th scope="col">You</Table.Th>
                <Table.Th scope="col">
                  Manager
                  {analysis.managerRater && (
                    <Text span size="xs" c="dimmed" display="block" fw={400}>
                      {analysis.managerRater.name}
                    </Text>
                  )}
                </Table.Th>
                <Table.Th scope="col">Peers</Table.Th>
                <Table.Th scope="col">Gap</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {analysis.rows.map((row) => (
                <Table.Tr key={row.competencyKey}>
                  <Table.Td>
                    {selectable.has(row.competencyKey) && (
                      <Checkbox
                        aria-label={`Make a goal of ${row.competencyName}`}
                        checked={chosen.includes(row.competencyKey)}
                        onChange={(event) => toggle(row.competencyKey, event.currentTarget.checked)}
                      />
                    )}
                  </Table.Td>
                  <Table.Th scope="row" fw={500}>
                    {row.competencyName}
                    {row.goalIds.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {row.goalIds.length === 1 ? "A goal" : `${row.goalIds.length} goals`}{" "}
                        already made
                      </Text>
                    )}
                    <LearningSuggestionsButton
                      source={{
                        gap: {
                          assessmentId: analysis.assessmentId,
                          competencyKey: row.competencyKey,
                        },
                      }}
                      name={row.competencyName}
                    />
                  </Table.Th>
                  <Table.Td>{formatRating(row.expected)}</Table.Td>
                  <Table.Td>{formatRating(row.self)}</Table.Td>
                  <Table.Td>{formatRating(row.manager)}</Table.Td>
                  <Table.Td>{formatRating(row.peers)}</Table.Td>
                  <Table.Td>
                    <GapCell row={row} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
        <GroupError message={form.errors.competencyKeys} />
        <FormErrorAlert message={formError} />
        {added && (
          <Alert color="green" variant="light" role="status">
            {added.count === 1 ? "One goal was" : `${added.count} goals were`} added to your growth
            plan.{" "}
            <AnchorLink
              to="/growth-plans/$planId"
              params={{ planId: added.planId }}
              search={{ step: "goals" }}
            >
              Open the plan
            </AnchorLink>
          </Alert>
        )}
        {selectable.size > 0 && (
          <Group>
            <Button
              type="submit"
              loading={mutation.isPending}
              leftSection={<IconPlant2 size={18} aria-hidden />}
            >
              {chosen.length > 0
                ? `Add ${chosen.length} to my growth plan`
                : "Add to my growth plan"}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function GapCell({ row }: { row: GapRow }) {
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">
        {row.gap === null ? "Not rated" : row.gap > 0 ? `${formatRating(row.gap)} below` : "Meets"}
        {row.basis ? ` (by ${sourceLabels[row.basis.source]})` : ""}
      </Text>
      {row.discuss && (
        <Badge variant="outline" color="orange" tt="none">
          ⚑ Discuss
        </Badge>
      )}
    </Stack>
  );
}
