import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCopy, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { trajectoryLabels } from "#core/growth-plan/sections.schemas.ts";
import type { TemplateView } from "#core/growth-plan/templates.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  allTemplatesQuery,
  templatesQueryKey,
  updateTemplate,
} from "../../api/growth-plans.api.ts";
import { ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { archivedTemplateBody, templateContentSummary } from "./growth-plan-template-editing.ts";
import { ArchiveButton, TemplateCard, TemplateListPage } from "./template-card.tsx";
import type { TemplateStatusFilter } from "./template-status-filter.tsx";

type StatusFilter = TemplateStatusFilter;

const shownFor: Record<StatusFilter, (template: TemplateView) => boolean> = {
  active: (template) => !template.archived,
  archived: (template) => template.archived,
  all: () => true,
};

const emptyMessages: Record<StatusFilter, string> = {
  active: "No active templates: members can only start blank plans.",
  archived: "No archived templates.",
  all: "No templates yet: create one.",
};

export function GrowthPlanTemplatesPage() {
  usePageTitle("Growth plan templates");
  const [status, setStatus] = useState<StatusFilter>("active");
  const templates = useQuery(allTemplatesQuery);
  const shown = templates.data?.templates.filter(shownFor[status]) ?? [];

  return (
    <TemplateListPage
      title="Growth plan templates"
      description="Starting points members choose from when they start an Individual Growth Plan: a direction for Section 2, suggested goals, resources and a check-in rhythm. A plan copies its template when it starts, so edits here apply to plans started afterwards."
      actions={
        <ButtonLink
          to="/admin/growth-plan-templates/new"
          leftSection={<IconPlus size={18} aria-hidden />}
        >
          New template
        </ButtonLink>
      }
      status={status}
      onStatusChange={setStatus}
      query={templates}
      count={templates.data ? shown.length : undefined}
      emptyMessage={emptyMessages[status]}
    >
      {shown.map((template) => (
        <TemplateRow key={template.id} template={template} />
      ))}
    </TemplateListPage>
  );
}

function TemplateRow({ template }: { template: TemplateView }) {
  const trajectory = template.content.role.trajectory;
  return (
    <TemplateCard
      name={template.name}
      link={{ to: "/admin/growth-plan-templates/$templateId", params: { templateId: template.id } }}
      label={template.builtIn ? "Shipped with Trellis" : null}
      archived={template.archived}
      actions={
        <>
          <ButtonLink
            to="/admin/growth-plan-templates/new"
            search={{ from: template.id }}
            size="compact-sm"
            variant="default"
            leftSection={<IconCopy size={16} aria-hidden />}
            aria-label={`Copy ${template.name}`}
          >
            Copy
          </ButtonLink>
          <ArchiveTemplateButton template={template} />
        </>
      }
    >
      {template.description && <Text size="sm">{template.description}</Text>}
      <Text size="sm" c="dimmed">
        {trajectory ? `${trajectoryLabels[trajectory]} · ` : ""}
        {templateContentSummary(template.content)} ·{" "}
        {template.updatedAt ? `updated ${formatDateTime(template.updatedAt)}` : "as shipped"}
      </Text>
    </TemplateCard>
  );
}

/** Archiving keeps the template for plans that started from it; it only stops new plans. */
function ArchiveTemplateButton({ template }: { template: TemplateView }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (archived: boolean) =>
      updateTemplate(template.id, archivedTemplateBody(template, archived)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: templatesQueryKey });
      notifications.show({
        color: "green",
        message: saved.archived
          ? `${saved.name} was archived. Members can no longer start plans from it.`
          : `${saved.name} was restored.`,
      });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  return (
    <ArchiveButton
      name={template.name}
      archived={template.archived}
      pending={change.isPending}
      onClick={() => change.mutate(!template.archived)}
    />
  );
}
