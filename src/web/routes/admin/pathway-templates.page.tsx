import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconFileImport, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { z } from "zod";
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
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { applyApiErrorToForm } from "../../forms/api-form-errors.ts";
import { zodForm } from "../../forms/zod-form.ts";
import { TemplateStatusActions } from "./pathway-template-actions.tsx";
import { TemplateStatusControl, type TemplateStatusFilter } from "./template-status-filter.tsx";

type StatusFilter = TemplateStatusFilter;

export function PathwayTemplatesPage() {
  usePageTitle("Pathway templates");
  const [status, setStatus] = useState<StatusFilter>("active");
  const templates = useQuery(pathwayTemplatesQuery(status));

  return (
    <Stack gap="lg" maw={1040}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 20rem" }}>
          <Title order={1}>Pathway templates</Title>
          <Text c="dimmed">
            Quarter-by-quarter learning suggestions that members follow from their hire date.
            Everyone follows the default template unless another one is assigned to them.
          </Text>
        </Stack>
        <Group gap="xs">
          <ButtonLink
            to="/admin/pathway-templates/import"
            variant="default"
            leftSection={<IconFileImport size={18} aria-hidden />}
          >
            Import Markdown
          </ButtonLink>
          <NewTemplateButton />
        </Group>
      </Group>
      <TemplateStatusControl value={status} onChange={setStatus} />
      {templates.isPending && <PageLoader />}
      {templates.isError && (
        <QueryErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      )}
      {templates.data && templates.data.templates.length === 0 && (
        <Text c="dimmed">
          {status === "archived" ? "No archived templates." : "No templates yet: import one."}
        </Text>
      )}
      {templates.data && templates.data.templates.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {templates.data.templates.map((template) => (
            <TemplateRow key={template.id} template={template} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function TemplateRow({ template }: { template: PathwayTemplateSummary }) {
  return (
    <Paper component="li" withBorder radius="lg" p="md" aria-label={template.name}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 18rem", minWidth: 0 }}>
          <Group gap="xs">
            <AnchorLink
              to="/admin/pathway-templates/$templateId"
              params={{ templateId: template.id }}
              fw={600}
              style={{ overflowWrap: "anywhere" }}
            >
              {template.name}
            </AnchorLink>
            {template.isDefault && (
              <Badge variant="light" tt="none">
                Default
              </Badge>
            )}
            {template.status === "archived" && (
              <Badge variant="outline" color="gray" tt="none">
                Archived
              </Badge>
            )}
          </Group>
          {template.audience && <Text size="sm">For {template.audience}</Text>}
          <Text size="sm" c="dimmed">
            {template.stageCount} {template.stageCount === 1 ? "stage" : "stages"} ·{" "}
            {template.itemCount} {template.itemCount === 1 ? "item" : "items"} ·{" "}
            {template.assignedCount} assigned · updated {formatDateTime(template.updatedAt)}
          </Text>
          {template.attribution && (
            <Text size="xs" c="dimmed">
              {template.attribution.text} ({template.attribution.license})
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <TemplateStatusActions template={template} />
          <Anchor href={pathwayTemplateExportUrl(template.id)} download size="sm">
            Export
          </Anchor>
        </Group>
      </Group>
    </Paper>
  );
}

type NewTemplateValues = z.input<typeof CreatePathwayTemplateBody> & { withYearOne: boolean };

const yearOne = ["y1q1", "y1q2", "y1q3", "y1q4"];

function NewTemplateButton() {
  const [opened, modal] = useDisclosure(false);
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={modal.open}>
        New template
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title="New pathway template"
        size="lg"
        fullScreen={isPhone}
      >
        {opened && <NewTemplateForm onDone={modal.close} />}
      </Modal>
    </>
  );
}

function NewTemplateForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = CreatePathwayTemplateBody.extend({}).omit({ stages: true });
  const form = useForm<NewTemplateValues>({
    mode: "controlled",
    initialValues: { name: "", audience: "", description: "", withYearOne: true },
    validate: zodForm(schema).validate,
  });
  const create = useMutation({
    mutationFn: createPathwayTemplate,
    onSuccess: async (template) => {
      await queryClient.invalidateQueries({ queryKey: pathwayTemplatesQueryKey });
      notifications.show({ color: "green", message: `${template.name} was created.` });
      onDone();
      await navigate({
        to: "/admin/pathway-templates/$templateId",
        params: { templateId: template.id },
      });
    },
    onError: (error) => setFormError(applyApiErrorToForm(form, error)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ withYearOne, ...values }) => {
        setFormError(null);
        create.mutate(
          CreatePathwayTemplateBody.parse({ ...values, stages: withYearOne ? yearOne : [] }),
        );
      })}
    >
      <Stack>
        <FormErrorAlert message={formError} />
        <TextInput label="Name" withAsterisk {...form.getInputProps("name")} />
        <TextInput
          label="Audience"
          description="Who it is for, e.g. Individual contributors. Leave empty for everyone."
          {...form.getInputProps("audience")}
        />
        <Textarea
          label="Description"
          description="Optional. Markdown."
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps("description")}
        />
        <Checkbox
          label="Start with the four quarters of year 1"
          {...form.getInputProps("withYearOne", { type: "checkbox" })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
