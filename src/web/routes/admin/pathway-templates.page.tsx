import { Anchor, Checkbox, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileImport, IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import {
  CreatePathwayTemplateBody,
  type PathwayTemplateSummary,
} from "#core/pathway/pathway-api.schemas.ts";
import {
  createPathwayTemplate,
  pathwayTemplateExportUrl,
  pathwayTemplatesQuery,
  pathwayTemplatesQueryKey,
} from "../../api/pathway.api.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { TemplateStatusActions } from "./pathway-template-actions.tsx";
import { followersText } from "./pathway-template-editing.ts";
import { TemplateCard, TemplateListPage } from "./template-card.tsx";
import type { TemplateStatusFilter } from "./template-status-filter.tsx";

type StatusFilter = TemplateStatusFilter;

export function PathwayTemplatesPage() {
  usePageTitle("Pathway templates");
  const [status, setStatus] = useState<StatusFilter>("active");
  const templates = useQuery(pathwayTemplatesQuery(status));

  return (
    <TemplateListPage
      title="Pathway templates"
      description="Quarter-by-quarter learning suggestions that members follow from their hire date. Everyone follows the default template unless another one is assigned to them."
      actions={
        <>
          <ButtonLink
            to="/admin/pathway-templates/import"
            variant="default"
            leftSection={<IconFileImport size={18} aria-hidden />}
          >
            Import pathway (Markdown)
          </ButtonLink>
          <NewTemplateButton />
        </>
      }
      status={status}
      onStatusChange={setStatus}
      query={templates}
      count={templates.data?.templates.length}
      emptyMessage={
        status === "archived" ? "No archived templates." : "No templates yet: import one."
      }
    >
      {templates.data?.templates.map((template) => (
        <TemplateRow key={template.id} template={template} />
      ))}
    </TemplateListPage>
  );
}

function TemplateRow({ template }: { template: PathwayTemplateSummary }) {
  return (
    <TemplateCard
      name={template.name}
      link={{ to: "/admin/pathway-templates/$templateId", params: { templateId: template.id } }}
      label={template.isDefault ? "Default" : null}
      archived={template.status === "archived"}
      actions={
        <>
          <TemplateStatusActions template={template} />
          <Anchor href={pathwayTemplateExportUrl(template.id)} download size="sm">
            Export
          </Anchor>
        </>
      }
    >
      {template.audience && <Text size="sm">For {template.audience}</Text>}
      <Text size="sm" c="dimmed">
        {template.stageCount} {template.stageCount === 1 ? "stage" : "stages"} ·{" "}
        {template.itemCount} {template.itemCount === 1 ? "item" : "items"} ·{" "}
        {followersText(template)} · updated {formatDateTime(template.updatedAt)}
      </Text>
      {template.attribution && (
        <Text size="xs" c="dimmed">
          {template.attribution.text} ({template.attribution.license})
        </Text>
      )}
    </TemplateCard>
  );
}

/** The API's rules, with a choice of starting stages in place of the list of them. */
const newTemplateFormSchema = CreatePathwayTemplateBody.omit({ stages: true }).extend({
  withYearOne: z.boolean(),
});

const yearOne = ["y1q1", "y1q2", "y1q3", "y1q4"];

function NewTemplateButton() {
  return (
    <ModalButton
      label="New template"
      leftSection={<IconPlus size={18} aria-hidden />}
      title="New pathway template"
    >
      {(close) => <NewTemplateForm onDone={close} />}
    </ModalButton>
  );
}

function NewTemplateForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const {
    form,
    mutation: create,
    onSubmit,
    formError,
  } = useApiForm({
    schema: newTemplateFormSchema,
    mode: "controlled",
    initialValues: { name: "", audience: "", description: "", withYearOne: true },
    submit: ({ withYearOne, ...values }) =>
      createPathwayTemplate({ ...values, stages: withYearOne ? yearOne : [] }),
    onSuccess: async (template) => {
      await queryClient.invalidateQueries({ queryKey: pathwayTemplatesQueryKey });
      notifications.show({ color: "green", message: `${template.name} was created.` });
      onDone();
      await navigate({
        to: "/admin/pathway-templates/$templateId",
        params: { templateId: template.id },
      });
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <TextInput label="Name" withAsterisk {...form.getInputProps("name")} />
        <TextInput
          label="Audience"
          description="Who it is for, e.g. Individual contributors. Leave empty for everyone."
          {...form.getInputProps("audience")}
        />
        <GrowingTextarea
          label="Description"
          description="Optional. Markdown."
          minRows={3}
          maxRows={10}
          {...form.getInputProps("description")}
        />
        <Checkbox
          label="Start with the four quarters of year 1"
          {...form.getInputProps("withYearOne", { type: "checkbox" })}
        />
        <FormActions onCancel={onDone} submitLabel="Create template" pending={create.isPending} />
      </Stack>
    </form>
  );
}
