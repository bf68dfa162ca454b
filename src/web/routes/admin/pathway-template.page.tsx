import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowDown,
  IconArrowLeft,
  IconArrowUp,
  IconDownload,
  IconPencil,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useId, useState } from "react";
import {
  type PathwayTemplateDetail,
  type PathwayTemplateItem,
  type PathwayTemplateStage,
  UpdatePathwayTemplateBody,
} from "#core/pathway/pathway-api.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import {
  addPathwayStage,
  deletePathwayItem,
  pathwayQueryKey,
  pathwayTemplateExportUrl,
  pathwayTemplateQuery,
  pathwayTemplatesQueryKey,
  removePathwayStage,
  reorderPathwayItems,
  setPathwayAssignment,
  updatePathwayTemplate,
} from "../../api/pathway.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { Markdown } from "../../components/markdown.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { AttributionNote } from "../pathway/attribution-note.tsx";
import { itemKindLabels } from "../pathway/pathway-view.ts";
import { TemplateStatusActions } from "./pathway-template-actions.tsx";
import { addableStages, moveItem } from "./pathway-template-editing.ts";
import { PathwayItemDialog } from "./pathway-template-item-form.tsx";
import { TemplateBadges } from "./template-card.tsx";
import {
  usePathwayTemplateUpdate,
  useStorePathwayTemplate,
} from "./use-pathway-template-update.ts";

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
              {template.assignedCount} assigned
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

function StagesSection({ template }: { template: PathwayTemplateDetail }) {
  const options = addableStages(template.stages);
  const [stageKey, setStageKey] = useState(options[0]?.value ?? "");
  const [error, setError] = useState<string | null>(null);
  const add = usePathwayTemplateUpdate(() => addPathwayStage(template.id, { key: stageKey }), {
    onSuccess: () => setError(null),
    onError: (cause) =>
      setError(
        cause instanceof ApiError ? (cause.fields?.key ?? cause.message) : errorMessage(cause),
      ),
  });
  const chosen = options.some((option) => option.value === stageKey)
    ? stageKey
    : (options[0]?.value ?? "");

  return (
    <TitledSection
      title="Stages and items"
      description="Members see each quarter's items during that quarter of their tenure; considerations come after the last year."
    >
      <Stack gap="md">
        {template.stages.length === 0 && <Text c="dimmed">No stages yet: add the first one.</Text>}
        {template.stages.map((stage) => (
          <StageEditor key={stage.id} template={template} stage={stage} />
        ))}
        {options.length > 0 && (
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label="New stage"
              data={options}
              value={chosen}
              error={error}
              onChange={(event) => setStageKey(event.currentTarget.value)}
            />
            <Button
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden />}
              loading={add.isPending}
              onClick={() => {
                setStageKey(chosen);
                add.mutate(undefined);
              }}
            >
              Add stage
            </Button>
          </Group>
        )}
      </Stack>
    </TitledSection>
  );
}

function StageEditor({
  template,
  stage,
}: {
  template: PathwayTemplateDetail;
  stage: PathwayTemplateStage;
}) {
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const remove = usePathwayTemplateUpdate(() => removePathwayStage(template.id, stage.id));
  const reorder = usePathwayTemplateUpdate((itemIds: string[]) =>
    reorderPathwayItems(template.id, stage.id, itemIds),
  );
  const ids = stage.items.map((item) => item.id);

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Title order={3} size="h5" id={headingId}>
              {stage.label}
            </Title>
            <Text size="sm" c="dimmed">
              {stage.items.length} {stage.items.length === 1 ? "item" : "items"}
            </Text>
          </Group>
          <Group gap="xs">
            <CompactButton variant="light" icon={IconPlus} onClick={() => setAdding(true)}>
              Add item
            </CompactButton>
            {stage.items.length === 0 && (
              <CompactButton
                color="red"
                icon={IconTrash}
                loading={remove.isPending}
                onClick={() => remove.mutate(undefined)}
              >
                Remove stage
              </CompactButton>
            )}
          </Group>
        </Group>
        {stage.items.length > 0 && (
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {stage.items.map((item, index) => (
              <ItemRow
                key={item.id}
                template={template}
                item={item}
                first={index === 0}
                last={index === stage.items.length - 1}
                moving={reorder.isPending}
                onMove={(delta) => reorder.mutate(moveItem(ids, index, delta))}
              />
            ))}
          </Stack>
        )}
      </Stack>
      <PathwayItemDialog
        template={template}
        stageId={stage.id}
        opened={adding}
        onClose={() => setAdding(false)}
      />
    </Paper>
  );
}

function ItemRow({
  template,
  item,
  first,
  last,
  moving,
  onMove,
}: {
  template: PathwayTemplateDetail;
  item: PathwayTemplateItem;
  first: boolean;
  last: boolean;
  moving: boolean;
  onMove: (delta: -1 | 1) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [showDescription, setShowDescription] = useState(false);
  const remove = usePathwayTemplateUpdate(() => deletePathwayItem(template.id, item.id), {
    onSuccess: () =>
      notifications.show({
        message: `“${item.title}” was removed. Members who recorded progress on it keep it as history.`,
      }),
  });
  const descriptionId = useId();

  return (
    <Paper component="li" withBorder radius="sm" p="sm" aria-label={item.title}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: "anywhere" }}>
              {item.title}
            </Text>
            <Group gap={6}>
              <Badge variant="light" color="gray" tt="none">
                {itemKindLabels[item.kind]}
              </Badge>
              {item.audienceNote && (
                <Text size="sm" c="dimmed">
                  {item.audienceNote}
                </Text>
              )}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="default"
              aria-label={`Move “${item.title}” up`}
              disabled={first}
              onClick={() => !moving && onMove(-1)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={`Move “${item.title}” down`}
              disabled={last}
              onClick={() => !moving && onMove(1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        {showDescription && (
          <div id={descriptionId}>
            <Markdown>{item.description}</Markdown>
          </div>
        )}
        <Group gap="xs">
          <CompactButton
            color="trellis"
            aria-expanded={showDescription}
            aria-controls={showDescription ? descriptionId : undefined}
            onClick={() => setShowDescription(!showDescription)}
          >
            {showDescription ? "Hide description" : "Show description"}
          </CompactButton>
          <CompactButton icon={IconPencil} onClick={() => setEditing(true)}>
            Edit
          </CompactButton>
          <CompactButton
            color="red"
            icon={IconTrash}
            loading={remove.isPending}
            onClick={() => remove.mutate(undefined)}
          >
            Remove
          </CompactButton>
        </Group>
      </Stack>
      <PathwayItemDialog
        template={template}
        stageId={item.stageId}
        item={item}
        opened={editing}
        onClose={() => setEditing(false)}
      />
    </Paper>
  );
}
