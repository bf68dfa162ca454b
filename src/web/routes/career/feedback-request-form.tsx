import { Checkbox, CloseButton, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type Assessment, CreateFeedbackRequestsBody } from "#core/career/assessments.schemas.ts";
import { careerFrameworkLimits } from "#core/career/framework.schemas.ts";
import { assessmentQuery, careerQueryKey, requestFeedback } from "../../api/career.api.ts";
import { personQuery } from "../../api/queries.ts";
import { DateField } from "../../components/date-field.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GroupError } from "../../components/group-error.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";

/** The form holds the date field's day (YYYY-MM-DD); empty means no due date. */
const FeedbackRequestFormSchema = z.strictObject({
  ...CreateFeedbackRequestsBody.shape,
  dueOn: z
    .string()
    .nullable()
    .transform((value) => (value === null || value.trim() === "" ? null : value))
    .pipe(CreateFeedbackRequestsBody.shape.dueOn.unwrap()),
});

/** Ask the manager and peers to rate the same competencies. */
export function FeedbackRequestForm({
  assessment,
  onDone,
}: {
  assessment: Assessment;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: FeedbackRequestFormSchema,
    mode: "controlled",
    initialValues: {
      includeManager: true,
      peerIds: [] as string[],
      message: "",
      dueOn: null as string | null,
    },
    submit: (values) => requestFeedback(assessment.id, values),
    onSuccess: async (saved) => {
      // The answer lists every request of the assessment; the rest of it is unchanged.
      queryClient.setQueryData(assessmentQuery(assessment.id).queryKey, (stored) =>
        stored ? { ...stored, requests: saved.requests } : stored,
      );
      await queryClient.invalidateQueries({ queryKey: careerQueryKey });
      onDone();
    },
  });
  const peerIds = form.values.peerIds;
  const alreadyAsked = new Set(assessment.requests.map((request) => request.rater.id));

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormErrorAlert message={formError} />
        <Checkbox
          label="Ask my manager"
          description="Your manager's rating is shown to you by name."
          {...form.getInputProps("includeManager", { type: "checkbox" })}
        />
        <Stack gap="xs">
          <PersonSelect
            label="Add a peer"
            description={`Peers' ratings are only shown as an average, once at least ${careerFrameworkLimits.peerAggregateMinimum} have answered.`}
            placeholder="Search by name"
            value={null}
            excludeId={user.id}
            onChange={(personId) => {
              if (!personId || peerIds.includes(personId)) return;
              form.setFieldValue("peerIds", [...peerIds, personId]);
            }}
            data-path="peerIds"
          />
          <GroupError message={form.errors.peerIds} />
          {peerIds.length > 0 && (
            <Stack
              gap={4}
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
              aria-label="Peers to ask"
            >
              {peerIds.map((personId, index) => (
                <Paper key={personId} component="li" withBorder radius="md" px="sm" py={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <PeerName personId={personId} askedBefore={alreadyAsked.has(personId)} />
                    <CloseButton
                      aria-label={`Remove peer ${index + 1}`}
                      onClick={() => form.removeListItem("peerIds", index)}
                    />
                  </Group>
                  <GroupError message={form.errors[`peerIds.${index}`]} />
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
        <Textarea
          label="Message"
          description="What you would like them to look at; optional."
          autosize
          minRows={2}
          {...form.getInputProps("message")}
        />
        <DateField label="Answer by" description="Optional." {...form.getInputProps("dueOn")} />
        <FormActions submitLabel="Send requests" pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The picker gives an id; the name comes from the person's profile (usually cached already). */
function PeerName({ personId, askedBefore }: { personId: string; askedBefore: boolean }) {
  const person = useQuery(personQuery(personId));
  return (
    <Text size="sm">
      {person.data?.person.displayName ?? "…"}
      {askedBefore ? " (asked before)" : ""}
    </Text>
  );
}
