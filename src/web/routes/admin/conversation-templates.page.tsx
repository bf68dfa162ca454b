import {
  Badge,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { z } from "zod";
import { conversationLimits } from "#core/conversations/conversations.schemas.ts";
import {
  type ConversationSettingsView,
  type ConversationTemplateView,
  SaveConversationSettingsBody,
  templateLimits,
} from "#core/conversations/templates.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  conversationSettingsQuery,
  conversationsQueryKey,
  conversationTemplatesQuery,
  createConversationTemplate,
  saveConversationSettings,
  saveConversationTemplate,
} from "../../api/conversations.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { ListEditor } from "../../components/list-editor.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ResponsiveModal } from "../../components/responsive-modal.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { ConflictDialog } from "../growth-plans/conflict-dialog.tsx";
import {
  archiveBody,
  CreateTemplateForm,
  emptyTopic,
  moveTopic,
  type TemplateFormValues,
  templateFormValues,
  updateTemplateForm,
} from "./conversation-template-editing.ts";
import { ArchiveButton, TemplateBadges } from "./template-card.tsx";

/** Career conversation agendas and the rhythm conversations are due in. */
export function ConversationTemplatesPage() {
  usePageTitle("Conversation templates");
  const templates = useQuery(conversationTemplatesQuery);
  const settings = useQuery(conversationSettingsQuery);
  const [editing, setEditing] = useState<ConversationTemplateView | "new" | null>(null);
  const items = templates.data?.items ?? [];

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Title order={1}>Conversation templates</Title>
        <Text c="dimmed">
          The agendas career conversations start from, and how often they are due. A conversation
          copies its agenda when it starts: editing a template changes no conversation already
          scheduled.
        </Text>
      </Stack>

      <TitledSection
        title="Cadence"
        description="When each member's next conversation is due. An agreed next date comes first."
      >
        <QueryStatus query={settings} />
        {settings.data && <CadenceForm key={settings.data.version} settings={settings.data} />}
      </TitledSection>

      <TitledSection
        title="Templates"
        actions={
          <CompactButton
            variant="filled"
            icon={IconPlus}
            onClick={() => setEditing("new")}
            disabled={items.length >= templateLimits.templates}
          >
            New template
          </CompactButton>
        }
      >
        <QueryStatus query={templates} />
        {templates.data && items.length === 0 && <Text c="dimmed">No templates yet.</Text>}
        {items.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((template) => (
              <TemplateRow
                key={template.id}
                template={template}
                onEdit={() => setEditing(template)}
              />
            ))}
          </Stack>
        )}
      </TitledSection>

      <ResponsiveModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="xl"
        title={editing === "new" ? "New conversation template" : "Edit conversation template"}
      >
        {editing !== null && (
          <TemplateForm
            template={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </ResponsiveModal>
    </Stack>
  );
}

function TemplateRow({
  template,
  onEdit,
}: {
  template: ConversationTemplateView;
  onEdit: () => void;
}) {
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: () =>
      saveConversationTemplate(template.id, archiveBody(template, !template.archived)),
    onSuccess: (result) => {
      if (result.outcome === "conflict") {
        notifications.show({
          color: "yellow",
          message: `“${template.name}” was changed elsewhere; the list now shows its latest version.`,
        });
      }
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: conversationsQueryKey }),
  });
  return (
    <Paper component="li" withBorder radius="lg" p="md" aria-label={template.name}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 18rem", minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} style={{ overflowWrap: "anywhere" }}>
              {template.name}
            </Text>
            <TemplateBadges
              label={template.isDefault ? "Default" : null}
              archived={template.archived}
            />
          </Group>
          {template.description && (
            <Text size="sm" c="dimmed">
              {template.description}
            </Text>
          )}
          <Text size="sm">
            {template.topics.length} {template.topics.length === 1 ? "topic" : "topics"}:{" "}
            {template.topics.map((topic) => topic.title).join(" · ")}
          </Text>
          <Text size="xs" c="dimmed">
            Updated {formatDateTime(template.updatedAt)}
          </Text>
        </Stack>
        <Group gap="xs">
          <CompactButton
            variant="default"
            icon={IconPencil}
            aria-label={`Edit ${template.name}`}
            onClick={onEdit}
          >
            Edit
          </CompactButton>
          {!template.isDefault && (
            <ArchiveButton
              name={template.name}
              archived={template.archived}
              pending={archive.isPending}
              onClick={() => archive.mutate()}
            />
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function TemplateForm({
  template,
  onDone,
}: {
  template: ConversationTemplateView | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const baseVersion = useRef(template?.version ?? 0);
  const [conflict, setConflict] = useState<ConversationTemplateView | null>(null);
  const schema = template
    ? updateTemplateForm(() => baseVersion.current, template.archived)
    : CreateTemplateForm;
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: schema as ReturnType<typeof updateTemplateForm>,
    mode: "controlled",
    initialValues: templateFormValues(template),
    submit: async (body) => {
      if (!template) {
        return { outcome: "saved" as const, saved: await createConversationTemplate(body) };
      }
      return saveConversationTemplate(template.id, body);
    },
    onSuccess: async (result) => {
      if (result.outcome === "conflict") {
        setConflict(result.current);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: conversationsQueryKey });
      notifications.show({ color: "green", message: `“${result.saved.name}” was saved.` });
      onDone();
    },
  });
  const values = form.getValues();
  const topics = values.topics;

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormErrorAlert message={formError} />
        <TextInput
          label="Name"
          withAsterisk
          maxLength={templateLimits.name}
          {...form.getInputProps("name")}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxLength={templateLimits.description}
          {...form.getInputProps("description")}
        />
        <Checkbox
          label="Default template: new conversations start from it unless another is chosen"
          {...form.getInputProps("isDefault", { type: "checkbox" })}
        />
        <Title order={3} size="h5">
          Agenda topics
        </Title>
        <ListEditor
          items={topics}
          keyOf={(topic) => topic.key}
          heading={(topic, index) => topic.title || `Topic ${index + 1}`}
          removeLabel={(topic, index) => `Remove ${topic.title || `topic ${index + 1}`}`}
          onRemove={(_topic, index) => form.removeListItem("topics", index)}
          addLabel="Add a topic"
          addDisabled={topics.length >= conversationLimits.topics}
          onAdd={() => form.insertListItem("topics", emptyTopic(topics))}
          error={typeof form.errors.topics === "string" ? form.errors.topics : undefined}
        >
          {(topic, index) => (
            <Stack gap="xs">
              <TextInput
                label="Title"
                withAsterisk
                maxLength={conversationLimits.topicTitle}
                {...form.getInputProps(`topics.${index}.title`)}
              />
              <Textarea
                label="Guiding questions"
                autosize
                minRows={2}
                maxLength={conversationLimits.topicPrompt}
                {...form.getInputProps(`topics.${index}.prompt`)}
              />
              <Group gap="xs">
                <CompactButton
                  icon={IconArrowUp}
                  disabled={index === 0}
                  aria-label={`Move ${topic.title || `topic ${index + 1}`} up`}
                  onClick={() => form.setFieldValue("topics", moveTopic(topics, index, -1))}
                >
                  Up
                </CompactButton>
                <CompactButton
                  icon={IconArrowDown}
                  disabled={index === topics.length - 1}
                  aria-label={`Move ${topic.title || `topic ${index + 1}`} down`}
                  onClick={() => form.setFieldValue("topics", moveTopic(topics, index, 1))}
                >
                  Down
                </CompactButton>
              </Group>
            </Stack>
          )}
        </ListEditor>
        <FormActions
          submitLabel={template ? "Save template" : "Create template"}
          pending={mutation.isPending}
          onCancel={onDone}
        />
        {conflict && (
          <ConflictDialog
            partName={`“${conflict.name}”`}
            mine={values}
            theirs={templateFormValues(conflict) satisfies TemplateFormValues}
            keepMineLabel="Keep mine (then save again)"
            onKeepMine={() => {
              baseVersion.current = conflict.version;
              setConflict(null);
            }}
            onTakeTheirs={() => {
              form.setValues(templateFormValues(conflict));
              baseVersion.current = conflict.version;
              setConflict(null);
            }}
          />
        )}
      </Stack>
    </form>
  );
}

function CadenceForm({ settings }: { settings: ConversationSettingsView }) {
  const queryClient = useQueryClient();
  const baseVersion = useRef(settings.version);
  const [conflict, setConflict] = useState<ConversationSettingsView | null>(null);
  const schema = z
    .object({
      firstAfterDays: z.number("Use whole days"),
      intervalMonths: z.number("Use whole months"),
    })
    .transform(
      (values): z.input<typeof SaveConversationSettingsBody> => ({
        ...values,
        baseVersion: baseVersion.current,
      }),
    )
    .pipe(SaveConversationSettingsBody);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema,
    mode: "controlled",
    initialValues: {
      firstAfterDays: settings.firstAfterDays as number | string,
      intervalMonths: settings.intervalMonths as number | string,
    },
    submit: saveConversationSettings,
    onSuccess: (result) => {
      if (result.outcome === "conflict") {
        setConflict(result.current);
        return;
      }
      queryClient.setQueryData(conversationSettingsQuery.queryKey, result.saved);
      void queryClient.invalidateQueries({ queryKey: ["manager-workspace"] });
      notifications.show({ color: "green", message: "The cadence was saved." });
    },
  });
  const values = form.getValues();

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormErrorAlert message={formError} />
        <Group gap="md" align="flex-end">
          <NumberInput
            label="First conversation after (days from the hire date)"
            min={7}
            max={730}
            allowDecimal={false}
            {...form.getInputProps("firstAfterDays")}
          />
          <NumberInput
            label="Then every (months)"
            description="6 means twice a year."
            min={1}
            max={24}
            allowDecimal={false}
            {...form.getInputProps("intervalMonths")}
          />
        </Group>
        <Group>
          <CompactButton variant="filled" type="submit" loading={mutation.isPending}>
            Save cadence
          </CompactButton>
          {settings.version === 0 && (
            <Badge variant="light" tt="none">
              Shipped default
            </Badge>
          )}
        </Group>
        {conflict && (
          <ConflictDialog
            partName="The cadence"
            mine={values}
            theirs={{
              firstAfterDays: conflict.firstAfterDays,
              intervalMonths: conflict.intervalMonths,
            }}
            keepMineLabel="Keep mine (then save again)"
            onKeepMine={() => {
              baseVersion.current = conflict.version;
              setConflict(null);
            }}
            onTakeTheirs={() => {
              form.setValues({
                firstAfterDays: conflict.firstAfterDays,
                intervalMonths: conflict.intervalMonths,
              });
              baseVersion.current = conflict.version;
              setConflict(null);
            }}
          />
        )}
      </Stack>
    </form>
  );
}
