import { Badge, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { z } from "zod";
import { type AssessmentSummary, CreateAssessmentBody } from "#core/career/assessments.schemas.ts";
import {
  assessmentsQuery,
  careerMapQuery,
  careerQueryKey,
  createAssessment,
  frameworksQuery,
} from "../../api/career.api.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { statusLabel } from "./assessment-labels.ts";
import { sortRoles } from "./career-map.ts";
import { CareerLinks } from "./career-nav.tsx";

export function AssessmentsPage() {
  usePageTitle("My assessments");
  const assessments = useQuery(assessmentsQuery);
  const list = assessments.data?.assessments ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} maw={720}>
          <Title order={1}>My assessments</Title>
          <Text c="dimmed">
            Rate yourself against your current role or one you are aiming for, ask your manager and
            peers for their view, and see the gaps. Assessments are private until you share them.
          </Text>
        </Stack>
        <ModalButton
          label="New assessment"
          title="New assessment"
          leftSection={<IconPlus size={18} aria-hidden />}
        >
          {(close) => <NewAssessmentForm onCancel={close} />}
        </ModalButton>
      </Group>
      <CareerLinks />
      <QueryStatus query={assessments} />
      {assessments.data && list.length === 0 && (
        <Paper withBorder radius="lg" p="lg">
          <Text>You have no assessment yet. Start one here, or from any role's page.</Text>
        </Paper>
      )}
      {list.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {list.map((assessment) => (
            <AssessmentCard key={assessment.id} assessment={assessment} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function AssessmentCard({ assessment }: { assessment: AssessmentSummary }) {
  return (
    <Paper component="li" withBorder radius="lg" p="md">
      <Group justify="space-between" gap="sm" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <AnchorLink
            to="/career/assessments/$assessmentId"
            params={{ assessmentId: assessment.id }}
            fw={600}
            size="lg"
            style={{ overflowWrap: "anywhere" }}
          >
            {assessment.roleTitle}
          </AnchorLink>
          <Text size="sm" c="dimmed">
            {assessment.frameworkName} · version {assessment.versionNumber} · last changed{" "}
            {formatDateTime(assessment.updatedAt)}
          </Text>
          {assessment.readiness && (
            <Text size="sm">
              Meets {assessment.readiness.met} of {assessment.readiness.expected} expectations
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Badge variant={assessment.status === "finished" ? "filled" : "light"} tt="none">
            {statusLabel(assessment)}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            {assessment.sharedWithManager ? "Shared with manager" : "Private"}
          </Badge>
          {assessment.latestVersionNumber > assessment.versionNumber && (
            <Badge variant="outline" tt="none">
              Newer framework version
            </Badge>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

/** The form keeps "my current role" as an empty choice; the API leaves roleKey out for it. */
const NewAssessmentSchema = z
  .object({ frameworkId: z.string().min(1, "Choose a framework"), roleKey: z.string() })
  .transform(({ frameworkId, roleKey }) =>
    roleKey === "" ? { frameworkId } : { frameworkId, roleKey },
  )
  .pipe(CreateAssessmentBody);

function NewAssessmentForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const frameworks = useQuery(frameworksQuery);
  const published = frameworks.data?.frameworks.filter((framework) => framework.published) ?? [];
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: NewAssessmentSchema,
    mode: "controlled",
    initialValues: { frameworkId: "", roleKey: "" },
    submit: createAssessment,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: careerQueryKey });
      await navigate({
        to: "/career/assessments/$assessmentId",
        params: { assessmentId: created.id },
      });
    },
  });
  const onlyFramework = published.length === 1 ? (published[0]?.id ?? "") : "";
  // With one framework there is nothing to choose.
  useEffect(() => {
    if (onlyFramework && form.getValues().frameworkId === "")
      form.setFieldValue("frameworkId", onlyFramework);
  }, [onlyFramework, form.getValues, form.setFieldValue]);
  const frameworkId = form.values.frameworkId;
  const map = useQuery({ ...careerMapQuery(frameworkId), enabled: frameworkId !== "" });
  const roles = sortRoles(map.data?.roles ?? []);

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormErrorAlert message={formError} />
        <QueryStatus query={frameworks} />
        <Select
          label="Framework"
          required
          data={published.map((framework) => ({ value: framework.id, label: framework.name }))}
          {...form.getInputProps("frameworkId")}
          value={frameworkId || null}
          onChange={(value) => {
            form.setFieldValue("frameworkId", value ?? "");
            form.setFieldValue("roleKey", "");
          }}
        />
        <Select
          label="Role to assess against"
          description="Your current role when left empty."
          placeholder="My current role"
          searchable
          clearable
          disabled={frameworkId === ""}
          data={roles.map((role) => ({
            value: role.key,
            label: `${role.title} (${role.department}, level ${role.level})${role.key === map.data?.myRoleKey ? " — your role" : ""}`,
          }))}
          {...form.getInputProps("roleKey")}
          value={form.values.roleKey || null}
          onChange={(value) => form.setFieldValue("roleKey", value ?? "")}
        />
        <FormActions
          submitLabel="Start assessment"
          pending={mutation.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
