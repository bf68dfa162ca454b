import { Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconDownload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import {
  type PathwayTemplateDetail,
  UpdatePathwayTemplateBody,
} from "#core/pathway/pathway-api.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import {
  pathwayQueryKey,
  pathwayTemplateExportUrl,
  pathwayTemplateQuery,
  pathwayTemplatesQueryKey,
  setPathwayAssignment,
  updatePathwayTemplate,
} from "../../api/pathway.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { AttributionNote } from "../pathway/attribution-note.tsx";
import { TemplateStatusActions } from "./pathway-template-actions.tsx";
import { followersText } from "./pathway-template-editing.ts";
import { StagesSection } from "./pathway-template-stages.tsx";
import { TemplateBadges } from "./template-card.tsx";
import { useStorePathwayTemplate } from "./use-pathway-template-update.ts";

const routeApi = getRouteApi("/app/admin/pathway-templates/$templateId");

export function PathwayTemplatePage() {
  const { templateId } = routeApi.useParams();
  const template = useQuery(pathwayTemplateQuery(templateId));

  if (template.isPending) return <PageLoader />;
  if (template.error instanceof ApiError && [400, 404].includes(template.error.status)) {
    return (
      <PageNotFound
        title="Template not found"
        message="There is no pathway template at this address. It may have been mistyped."
      />
    );
  }
  if (template.isError) {
    return <QueryErrorAlert error={template.error} onRetry={() => void template.refetch()} />;
  }
  return <TemplateEditor template={template.data} />;
}

function TemplateEditor({ template }: { template: PathwayTemplateDetail }) {
  usePageTitle(template.name);

  return (
    <Stack gap="lg" maw={1040}>
      <AnchorLink to="/admin/pathway-templates" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Pathway templates
        </Group>
      </AnchorLink>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 20rem", minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {template.name}
          </Title>
          <Group gap="xs">
            <TemplateBadges
              label={template.isDefault ? "Default" : null}
              archived={template.status === "archived"}
            />
            <Text size="sm" c="dimmed">
              {template.stages.length} stages · {template.itemCount} items ·{" "}
              {followersText(template)}
            </Text>
          </Group>
          {template.attribution && <AttributionNote attribution={template.attribution} />}
        </Stack>
        <Group gap="xs">
          <TemplateStatusActions template={template} />
          <Button
            component="a"
            href={pathwayTemplateExportUrl(template.id)}
            download
            size="compact-sm"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Export Markdown
          </Button>
        </Group>
      </Group>

      <DetailsSection template={template} />
      <AssignSection template={template} />
      <StagesSection template={template} />
    </Stack>
  );
}

function DetailsSection({ template }: { template: PathwayTemplateDetail }) {
  const storeTemplate = useStorePathwayTemplate();
  const {
    form,
    mutation: save,
    onSubmit,
    formError,
  } = useApiForm({
    schema: UpdatePathwayTemplateBody,
    mode: "controlled",
    initialValues: {
      name: template.name,
      audience: template.audience,
      description: template.description,
    },
    submit: (body) => updatePathwayTemplate(template.id, body),
    onSuccess: (detail) => {
      form.resetDirty();
      notifications.show({ color: "green", message: "The template details were saved." });
      return storeTemplate(detail);
    },
  });

  return (
    <TitledSection title="Details" description="Rename the template or describe who it is for.">
      <form noValidate onSubmit={onSubmit}>
        <Stack>
          <FormErrorAlert message={formError} />
          <Group grow align="flex-start" gap="sm" wrap="wrap">
            <TextInput label="Name" withAsterisk miw="14rem" {...form.getInputProps("name")} />
            <TextInput label="Audience" miw="14rem" {...form.getInputProps("audience")} />
          </Group>
          <GrowingTextarea
            label="Description"
            description="Markdown, shown to admins."
            maxRows={10}
            {...form.getInputProps("description")}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </TitledSection>
  );
}

function AssignSection({ template }: { template: PathwayTemplateDetail }) {
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assign = useMutation({
    mutationFn: (templateId: string | null) => setPathwayAssignment(personId ?? "", templateId),
    onSuccess: async (assignment) => {
      setError(null);
      notifications.show({
        color: "green",
        message:
          assignment.source === "assigned"
            ? `${assignment.template?.name ?? "The template"} is now assigned.`
            : "They follow the default template again.",
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: pathwayTemplatesQueryKey }),
        queryClient.invalidateQueries({ queryKey: pathwayQueryKey }),
      ]);
    },
    onError: (cause) => setError(errorMessage(cause)),
  });
  const archived = template.status === "archived";

  return (
    <TitledSection
      title="Assign to a person"
      description="People without an assignment follow the default template. Their progress stays with each item."
    >
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <PersonSelect
            label="Person"
            placeholder="Search by name or email"
            value={personId}
            onChange={(id) => {
              setPersonId(id);
              setError(null);
            }}
            error={error}
            miw="16rem"
            style={{ flex: "1 1 16rem" }}
          />
          <Button
            disabled={!personId || archived}
            loading={assign.isPending && assign.variables !== null}
            onClick={() => assign.mutate(template.id)}
          >
            Assign this template
          </Button>
          <Button
            variant="default"
            disabled={!personId}
            loading={assign.isPending && assign.variables === null}
            onClick={() => assign.mutate(null)}
          >
            Follow the default instead
          </Button>
        </Group>
        {archived && (
          <Text size="sm" c="dimmed">
            An archived template cannot be assigned. Restore it first.
          </Text>
        )}
      </Stack>
    </TitledSection>
  );
}
