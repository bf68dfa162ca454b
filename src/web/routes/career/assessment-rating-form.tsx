import { Badge, Group, Paper, Stack, TagsInput, Text, Textarea, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { type Assessment, SaveRatingsBody } from "#core/career/assessments.schemas.ts";
import { careerFrameworkLimits } from "#core/career/framework.schemas.ts";
import {
  assessmentQuery,
  careerQueryKey,
  type RatingsSave,
  saveRatings,
} from "../../api/career.api.ts";
import { errorOfStringList } from "../../forms/field-paths.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { SaveBar } from "../admin/save-bar.tsx";
import { ConflictDialog } from "../growth-plans/conflict-dialog.tsx";
import {
  type RatingsValues,
  ratedCount,
  ratingsForComparison,
  ratingsValuesOf,
} from "./assessment-ratings.ts";
import { ScaleRadioGroup } from "./scale-radio-group.tsx";

interface RatingFormProps {
  assessment: Assessment;
  /** A finished assessment is read, not edited. */
  readOnly?: boolean;
  /** Told when unsaved changes appear or are saved, so the page can ask before it is left. */
  onUnsavedChange?: (unsaved: boolean) => void;
}

/**
 * One radio group per competency, each point of the scale shown with what it looks like for that
 * competency, and the evidence behind the rating. Saved with the version it was read at; a save
 * that meets a newer version opens the conflict dialog, and nothing is overwritten until the
 * person chooses.
 */
export function AssessmentRatingForm({
  assessment,
  readOnly = false,
  onUnsavedChange,
}: RatingFormProps) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<{ current: Assessment; mine: RatingsValues } | null>(
    null,
  );
  const { form, mutation, onSubmit, formError, discard } = useApiForm({
    schema: SaveRatingsBody,
    mode: "controlled",
    initialValues: ratingsValuesOf(assessment) as RatingsValues,
    submit: (values) => saveRatings(assessment.id, values),
    onSuccess: (result: RatingsSave, values) => {
      if (result.outcome === "conflict") {
        setConflict({ current: result.current, mine: values });
        return;
      }
      queryClient.setQueryData(assessmentQuery(assessment.id).queryKey, result.saved);
      void queryClient.invalidateQueries({ queryKey: careerQueryKey });
      const saved = ratingsValuesOf(result.saved);
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
    },
  });
  const idPrefix = useId();

  const keepMine = () => {
    if (!conflict) return;
    const values = { ...conflict.mine, baseVersion: conflict.current.version };
    setConflict(null);
    form.setFieldValue("baseVersion", conflict.current.version);
    mutation.mutate(values);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    queryClient.setQueryData(assessmentQuery(assessment.id).queryKey, conflict.current);
    const theirs = ratingsValuesOf(conflict.current);
    form.setInitialValues(theirs);
    form.setValues(theirs);
    form.resetDirty(theirs);
    setConflict(null);
  };

  const unsaved = form.isDirty() && !mutation.isPending;
  useEffect(() => onUnsavedChange?.(unsaved), [unsaved, onUnsavedChange]);

  const ratings = form.values.ratings;
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Your ratings">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          <Text size="sm" c="dimmed" role="status">
            {ratedCount(ratings)} of {ratings.length} competencies rated
          </Text>
          {assessment.competencies.map(({ competency, themeName, expected }, index) => {
            const path = `ratings.${index}` as const;
            const rating = ratings[index];
            const groupLabelId = `${idPrefix}-${competency.key}`;
            return (
              <Paper
                key={competency.key}
                withBorder
                radius="lg"
                p="md"
                component="section"
                aria-labelledby={groupLabelId}
              >
                <Stack gap="sm">
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Stack gap={2}>
                      <Title order={3} size="h5" id={groupLabelId}>
                        {competency.name}
                      </Title>
                      <Text size="xs" c="dimmed">
                        {themeName}
                      </Text>
                    </Stack>
                    {expected !== null && (
                      <Badge variant="outline" tt="none">
                        Expected: {expected} · {assessment.scale[expected - 1]?.label ?? ""}
                      </Badge>
                    )}
                  </Group>
                  {competency.description && <Text size="sm">{competency.description}</Text>}
                  <ScaleRadioGroup
                    label={`Your rating for ${competency.name}`}
                    scale={assessment.scale}
                    competency={competency}
                    expected={expected}
                    value={rating?.rating ?? null}
                    onChange={(value) => form.setFieldValue(`${path}.rating`, value)}
                    error={form.errors[`${path}.rating`]}
                    path={`${path}.rating`}
                  />
                  <Textarea
                    label="Evidence"
                    description="What you did that shows this level: projects, results, feedback."
                    autosize
                    minRows={2}
                    maxRows={10}
                    key={form.key(`${path}.evidence.text`)}
                    {...form.getInputProps(`${path}.evidence.text`)}
                  />
                  <TagsInput
                    label="Evidence links"
                    description={`Press Enter after each link; at most ${careerFrameworkLimits.evidenceLinks}.`}
                    placeholder="https://…"
                    maxTags={careerFrameworkLimits.evidenceLinks}
                    key={form.key(`${path}.evidence.links`)}
                    {...form.getInputProps(`${path}.evidence.links`)}
                    error={errorOfStringList(form.errors, `${path}.evidence.links`, "Link")}
                  />
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      </fieldset>
      {!readOnly && (
        <SaveBar
          formError={formError}
          saveLabel="Save ratings"
          pending={mutation.isPending}
          changes={{ dirty: form.isDirty(), onDiscard: discard }}
        >
          {form.isDirty() ? (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              All changes saved
            </Text>
          )}
        </SaveBar>
      )}
      {conflict && (
        <ConflictDialog
          partName="Your ratings"
          mine={ratingsForComparison(assessment, conflict.mine.ratings)}
          theirs={ratingsForComparison(conflict.current, conflict.current.ratings)}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      )}
    </form>
  );
}
