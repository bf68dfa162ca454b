import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import type { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import {
  IconArrowDown,
  IconArrowUp,
  IconInfoCircle,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import type { PromptList } from "#core/growth-plan/templates.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { promptsQuery, updatePrompts } from "../../api/growth-plans.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { GroupError } from "../../components/group-error.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { useFocusAfterRender } from "../../components/use-focus-after-render.ts";
import { useLeaveGuard } from "../../components/use-leave-guard.ts";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import {
  blankPrompt,
  type PromptDraft,
  type PromptFormValues,
  positionAnnouncement,
  promptFormSchema,
  promptFormValues,
} from "./growth-plan-prompts-editing.ts";
import { moveItem } from "./pathway-template-editing.ts";
import { SaveBar } from "./save-bar.tsx";

export function GrowthPlanPromptsPage() {
  usePageTitle("Reflection prompts");
  const prompts = useQuery(promptsQuery);

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Group gap="xs">
          <Title order={1}>Reflection prompts</Title>
          {prompts.data?.builtIn && (
            <Badge variant="light" tt="none">
              Shipped with Trellis
            </Badge>
          )}
        </Group>
        <Text c="dimmed">
          The questions of {sectionTitles.inspiration}, the same for every new growth plan whatever
          template it starts from.
        </Text>
      </Stack>
      <Alert variant="light" icon={<IconInfoCircle aria-hidden />}>
        A plan copies the prompts when it starts. Existing plans keep the prompts they started with,
        and their answers, whatever you change here; plans started after you save get the new list.
      </Alert>
      <QueryStatus query={prompts} />
      {prompts.data && <PromptsForm list={prompts.data} />}
    </Stack>
  );
}

function PromptsForm({ list }: { list: PromptList }) {
  const queryClient = useQueryClient();
  const focusAfterRender = useFocusAfterRender();
  const idPrefix = useId();
  const elementId = (key: string, part: string) => `${idPrefix}-${key}-${part}`;
  const [announcement, setAnnouncement] = useState("");
  const {
    form,
    mutation: save,
    onSubmit,
    formError,
    discard,
  } = useApiForm({
    schema: promptFormSchema,
    mode: "controlled",
    initialValues: promptFormValues(list),
    submit: updatePrompts,
    onSuccess: (saved) => {
      queryClient.setQueryData(promptsQuery.queryKey, saved);
      const values = promptFormValues(saved);
      form.setValues(values);
      form.resetDirty(values);
      notifications.show({
        color: "green",
        message: "The reflection prompts were saved. Plans started from now on use them.",
      });
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        message: `The prompts were not saved: ${errorMessage(error)}`,
      }),
  });
  useLeaveGuard(form.isDirty() && !save.isPending);
  const { prompts } = form.values;

  const move = (prompt: PromptDraft, index: number, delta: -1 | 1) => {
    form.setFieldValue("prompts", moveItem(prompts, index, delta));
    // Messages name prompts by position, which has just changed.
    form.clearErrors();
    setAnnouncement(positionAnnouncement(prompt.text, index + delta, prompts.length));
    const [same, other] = delta < 0 ? ["up", "down"] : ["down", "up"];
    focusAfterRender(elementId(prompt.key, `move-${same}`), elementId(prompt.key, `move-${other}`));
  };
  const add = () => {
    const prompt = blankPrompt();
    form.insertListItem("prompts", prompt);
    focusAfterRender(elementId(prompt.key, "text"));
  };
  const remove = (index: number) => {
    form.removeListItem("prompts", index);
    form.clearErrors();
    focusAfterRender(`${idPrefix}-add`);
  };

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {prompts.map((prompt, index) => (
            <PromptFields
              key={prompt.key}
              form={form}
              prompt={prompt}
              index={index}
              count={prompts.length}
              elementId={elementId}
              onMove={(delta) => move(prompt, index, delta)}
              onRemove={() => remove(index)}
            />
          ))}
        </Stack>
        <GroupError message={form.errors.prompts} />
        <Group gap="sm">
          <Button
            id={`${idPrefix}-add`}
            variant="default"
            leftSection={<IconPlus size={18} aria-hidden />}
            disabled={prompts.length >= growthPlanLimits.prompts}
            onClick={add}
          >
            Add prompt
          </Button>
          <Text size="sm" c="dimmed">
            {prompts.length} of at most {growthPlanLimits.prompts} prompts.
          </Text>
        </Group>
      </Stack>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <SaveBar
        formError={formError}
        saveLabel="Save prompts"
        pending={save.isPending}
        changes={{
          dirty: form.isDirty(),
          onDiscard: () => {
            setAnnouncement("");
            discard();
          },
        }}
      />
    </form>
  );
}

function PromptFields({
  form,
  prompt,
  index,
  count,
  elementId,
  onMove,
  onRemove,
}: {
  form: Pick<ReturnType<typeof useForm<PromptFormValues>>, "errors" | "getInputProps">;
  prompt: PromptDraft;
  index: number;
  count: number;
  elementId: (key: string, part: string) => string;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const headingId = useId();
  const path = `prompts.${index}`;
  // A new prompt's id is made from its text, so a problem with the id is shown with the text.
  const textError = form.errors[`${path}.text`] ?? form.errors[`${path}.id`];
  const name = prompt.text.trim() ? `“${prompt.text.trim()}”` : `prompt ${index + 1}`;

  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap="sm" role="group" aria-labelledby={headingId}>
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h6" id={headingId}>
            Prompt {index + 1}
          </Title>
          <Group gap={4}>
            <ActionIcon
              id={elementId(prompt.key, "move-up")}
              variant="default"
              size="lg"
              aria-label={`Move ${name} up`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              id={elementId(prompt.key, "move-down")}
              variant="default"
              size="lg"
              aria-label={`Move ${name} down`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <CompactButton
              color="red"
              icon={IconTrash}
              aria-label={`Remove ${name}`}
              disabled={count === 1}
              onClick={onRemove}
            >
              Remove
            </CompactButton>
          </Group>
        </Group>
        <TextInput
          id={elementId(prompt.key, "text")}
          label="Question"
          withAsterisk
          {...form.getInputProps(`${path}.text`)}
          error={textError}
          aria-invalid={textError ? true : undefined}
        />
        <GrowingTextarea
          label="Help"
          description="Shown under the question to help members answer it."
          maxRows={6}
          {...form.getInputProps(`${path}.help`)}
        />
      </Stack>
    </Paper>
  );
}
