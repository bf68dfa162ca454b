import { Badge, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileImport, IconGridDots, IconHistory, IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { CreateFrameworkBody, type FrameworkSummary } from "#core/career/frameworks.schemas.ts";
import {
  careerFrameworksQueryKey,
  createFramework,
  frameworkListQuery,
} from "../../api/career-frameworks.api.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { TemplateCard, TemplateListPage } from "./template-card.tsx";

export function CareerFrameworksPage() {
  usePageTitle("Career frameworks");
  const frameworks = useQuery(frameworkListQuery);
  const list = frameworks.data?.frameworks;

  return (
    <TemplateListPage
      title="Career frameworks"
      description="Job families, roles and the competencies each role expects, with the paths between roles. Edit a framework's draft, then publish it as a numbered version: members, assessments and the career map read only published versions."
      actions={
        <>
          <ButtonLink
            to="/admin/career-frameworks/import"
            variant="default"
            leftSection={<IconFileImport size={18} aria-hidden />}
          >
            Import
          </ButtonLink>
          <ModalButton
            label="New framework"
            title="New career framework"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {(close) => <CreateFrameworkForm onCancel={close} />}
          </ModalButton>
        </>
      }
      query={frameworks}
      count={list?.length}
      emptyMessage="No career frameworks yet: create one or import one."
    >
      {list?.map((framework) => (
        <FrameworkCard key={framework.id} framework={framework} />
      ))}
    </TemplateListPage>
  );
}

function FrameworkCard({ framework }: { framework: FrameworkSummary }) {
  const { published, draft, counts } = framework;
  const linkProps = {
    params: { frameworkId: framework.id },
    size: "compact-sm",
    variant: "default",
  } as const;
  return (
    <TemplateCard
      name={framework.name}
      link={{ to: "/admin/career-frameworks/$frameworkId", params: { frameworkId: framework.id } }}
      label={framework.isSample ? "Sample framework" : null}
      archived={false}
      actions={
        <>
          <ButtonLink
            to="/admin/career-frameworks/$frameworkId/expectations"
            {...linkProps}
            leftSection={<IconGridDots size={16} aria-hidden />}
            aria-label={`Expectations of ${framework.name}`}
          >
            Expectations
          </ButtonLink>
          <ButtonLink
            to="/admin/career-frameworks/$frameworkId/versions"
            {...linkProps}
            leftSection={<IconHistory size={16} aria-hidden />}
            aria-label={`Versions of ${framework.name}`}
          >
            Versions
          </ButtonLink>
        </>
      }
    >
      {framework.description && (
        <Text size="sm" lineClamp={2}>
          {framework.description}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {published
          ? `Version ${published.number} published ${formatDateTime(published.publishedAt)}`
          : "Not published yet"}{" "}
        · {counts.roles} roles · {counts.competencies} competencies · {counts.families} job families
      </Text>
      {draft?.unpublishedChanges && (
        <Badge variant="outline" color="orange" tt="none" style={{ alignSelf: "flex-start" }}>
          Unpublished changes
        </Badge>
      )}
    </TemplateCard>
  );
}

function CreateFrameworkForm({ onCancel }: { onCancel: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreateFrameworkBody,
    initialValues: { name: "", description: "" },
    submit: createFramework,
    onSuccess: async (framework) => {
      await queryClient.invalidateQueries({ queryKey: careerFrameworksQueryKey });
      notifications.show({ color: "green", message: `${framework.name} was created.` });
      await navigate({
        to: "/admin/career-frameworks/$frameworkId",
        params: { frameworkId: framework.id },
      });
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <TextInput
          label="Name"
          withAsterisk
          data-autofocus
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          key={form.key("description")}
          {...form.getInputProps("description")}
        />
        <FormActions
          submitLabel="Create framework"
          pending={mutation.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
