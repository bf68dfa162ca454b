import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import type { TemplateView } from "#core/growth-plan/templates.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  allTemplatesQuery,
  createTemplate,
  templatesQueryKey,
  updateTemplate,
} from "../../api/growth-plans.api.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { useLeaveGuard } from "../../components/use-leave-guard.ts";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import {
  copiedTemplateFormValues,
  createTemplateFormSchema,
  editTemplateFormSchema,
  shippedTemplateFormValues,
  templateFormValues,
} from "./growth-plan-template-editing.ts";
import { TemplateFields } from "./growth-plan-template-form.tsx";
import { SaveBar } from "./save-bar.tsx";
import { TemplateBadges } from "./template-card.tsx";

const templateRouteApi = getRouteApi("/app/admin/growth-plan-templates/$templateId");
const newTemplateRouteApi = getRouteApi("/app/admin/growth-plan-templates/new");

export function GrowthPlanTemplatePage() {
  const { templateId } = templateRouteApi.useParams();
  const templates = useQuery(allTemplatesQuery);

  if (templates.isPending) return <PageLoader />;
  if (templates.isError) {
    return <QueryErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />;
  }
  const template = templates.data.templates.find((candidate) => candidate.id === templateId);
  if (!template) {
    return (
      <PageNotFound
        title="Template not found"
        message="There is no growth plan template at this address. It may have been mistyped."
      />
    );
  }
  return <EditTemplate key={template.id} template={template} />;
}

export function NewGrowthPlanTemplatePage() {
  usePageTitle("New growth plan template");
  const { from } = newTemplateRouteApi.useSearch();
  const templates = useQuery({ ...allTemplatesQuery, enabled: from !== undefined });

  if (from !== undefined && templates.isPending) return <PageLoader />;
  if (templates.isError) {
    return <QueryErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />;
  }
  const source = templates.data?.templates.find((candidate) => candidate.id === from);
  return <NewTemplate key={source?.id ?? ""} source={source} />;
}

function NewTemplate({ source }: { source: TemplateView | undefined }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const {
    form,
    mutation: create,
    onSubmit,
    formError,
  } = useApiForm({
    schema: createTemplateFormSchema,
    mode: "controlled",
    initialValues: source ? copiedTemplateFormValues(source) : templateFormValues(),
    submit: createTemplate,
    onSuccess: async (template) => {
      await queryClient.invalidateQueries({ queryKey: templatesQueryKey });
      notifications.show({ color: "green", message: `${template.name} was created.` });
      await navigate({
        to: "/admin/growth-plan-templates/$templateId",
        params: { templateId: template.id },
      });
    },
    onError: notifyNotSaved,
  });
  useLeaveGuard(form.isDirty() && !create.isPending && !create.isSuccess);

  return (
    <TemplatePageLayout
      title="New growth plan template"
      details={source && <Text c="dimmed">A copy of {source.name}; nothing is saved yet.</Text>}
    >
      <form noValidate onSubmit={onSubmit}>
        <TemplateFields form={form} mode="create" />
        <SaveBar formError={formError} saveLabel="Create template" pending={create.isPending}>
          <AnchorLink to="/admin/growth-plan-templates" size="sm">
            Cancel
          </AnchorLink>
        </SaveBar>
      </form>
    </TemplatePageLayout>
  );
}

function EditTemplate({ template }: { template: TemplateView }) {
  usePageTitle(template.name);
  const queryClient = useQueryClient();
  const shippedValues = shippedTemplateFormValues(template);
  // The version this form was loaded or last saved at; a save made by someone else since is refused.
  const [baseVersion, setBaseVersion] = useState(template.version);
  const {
    form,
    mutation: save,
    onSubmit,
    formError,
    setFormError,
    discard,
  } = useApiForm({
    schema: editTemplateFormSchema,
    mode: "controlled",
    initialValues: templateFormValues(template),
    submit: (body) => updateTemplate(template.id, { ...body, baseVersion }),
    onSuccess: async (saved) => {
      setBaseVersion(saved.version);
      // The server's version (trimmed, normalised) is the new starting point of the form.
      const values = templateFormValues(saved);
      form.setValues(values);
      form.resetDirty(values);
      notifications.show({ color: "green", message: `${saved.name} was saved.` });
      await queryClient.invalidateQueries({ queryKey: templatesQueryKey });
    },
    onError: notifyNotSaved,
  });
  useLeaveGuard(form.isDirty() && !save.isPending);

  return (
    <TemplatePageLayout
      title={template.name}
      details={
        <>
          <Group gap="xs">
            <TemplateBadges
              label={template.builtIn ? "Shipped with Trellis" : null}
              archived={template.archived}
            />
            <Text size="sm" c="dimmed">
              Id {template.id} ·{" "}
              {template.updatedAt ? `updated ${formatDateTime(template.updatedAt)}` : "as shipped"}
            </Text>
          </Group>
          <Text c="dimmed">
            {template.builtIn ? "Saving stores your version in place of the shipped one. " : ""}
            Plans already started from this template keep what they copied; new plans get the saved
            version.
          </Text>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit}>
        <TemplateFields form={form} mode="edit" />
        <SaveBar
          formError={formError}
          saveLabel="Save template"
          pending={save.isPending}
          changes={{
            dirty: form.isDirty(),
            onDiscard: discard,
          }}
        >
          {shippedValues && template.version > 0 && (
            <Button
              variant="subtle"
              disabled={save.isPending}
              onClick={() => {
                setFormError(null);
                form.setValues(shippedValues);
                notifications.show({
                  message: "The form now holds the shipped version. Save to use it again.",
                });
              }}
            >
              Fill in the shipped version
            </Button>
          )}
        </SaveBar>
      </form>
    </TemplatePageLayout>
  );
}

function TemplatePageLayout({
  title,
  details,
  children,
}: {
  title: string;
  details: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="lg" maw={1040}>
      <AnchorLink to="/admin/growth-plan-templates" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Growth plan templates
        </Group>
      </AnchorLink>
      <Stack gap={6}>
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {title}
        </Title>
        {details}
      </Stack>
      {children}
    </Stack>
  );
}

/** Field messages go under their inputs; the notification says that the save did not happen. */
function notifyNotSaved(error: unknown) {
  notifications.show({
    color: "red",
    message: `The template was not saved: ${errorMessage(error)}`,
  });
}
