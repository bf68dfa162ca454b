import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { z } from "zod";
import {
  type ContentPageView,
  SaveContentPageBody,
  templateLimits,
} from "#core/conversations/templates.schemas.ts";
import { managerGuideQuery, saveManagerGuide } from "../../api/conversations.api.ts";
import { Markdown } from "../../components/markdown.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { SaveBar } from "../admin/save-bar.tsx";
import { ConflictDialog } from "../growth-plans/conflict-dialog.tsx";
import { MarkdownField } from "../growth-plans/markdown-field.tsx";

/** Guidance for managers: how to prepare, run, support and advocate. Admins edit it here. */
export function ManagerGuidePage() {
  const guide = useQuery(managerGuideQuery);
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  usePageTitle(guide.data?.title ?? "Manager guide");

  return (
    <Stack gap="lg" maw={820}>
      <QueryStatus query={guide} />
      {guide.data && !editing && (
        <>
          <Group justify="space-between" align="flex-end" gap="sm">
            <Stack gap={4} style={{ flex: "1 1 20rem" }}>
              <Title order={1}>{guide.data.title}</Title>
              <Text size="sm" c="dimmed">
                {guide.data.isDefault || !guide.data.updatedAt
                  ? "The guide as Trellis ships it."
                  : `Last edited ${formatDateTime(guide.data.updatedAt)}.`}
              </Text>
            </Stack>
            {user.role === "admin" && (
              <Button
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Edit the guide
              </Button>
            )}
          </Group>
          <Paper withBorder radius="lg" p="lg">
            <Markdown>{guide.data.body}</Markdown>
          </Paper>
        </>
      )}
      {guide.data && editing && <GuideEditor guide={guide.data} onDone={() => setEditing(false)} />}
    </Stack>
  );
}

function GuideEditor({ guide, onDone }: { guide: ContentPageView; onDone: () => void }) {
  const queryClient = useQueryClient();
  // Read when the form is sent: a "keep mine" after a conflict moves it on.
  const baseVersion = useRef(guide.version);
  const [conflict, setConflict] = useState<ContentPageView | null>(null);
  const schema = z
    .object({ title: z.string(), body: z.string() })
    .transform(
      (values): z.input<typeof SaveContentPageBody> => ({
        baseVersion: baseVersion.current,
        ...values,
      }),
    )
    .pipe(SaveContentPageBody);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema,
    mode: "controlled",
    initialValues: { title: guide.title, body: guide.body },
    submit: saveManagerGuide,
    onSuccess: (result) => {
      if (result.outcome === "conflict") {
        setConflict(result.current);
        return;
      }
      queryClient.setQueryData(managerGuideQuery.queryKey, result.saved);
      onDone();
    },
  });
  const values = form.getValues();

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Group gap="sm">
          <Title order={1}>Edit the manager guide</Title>
          {guide.isDefault && (
            <Badge variant="light" tt="none">
              Shipped with Trellis
            </Badge>
          )}
        </Group>
        <TextInput
          label="Title"
          withAsterisk
          maxLength={templateLimits.pageTitle}
          {...form.getInputProps("title")}
        />
        <MarkdownField
          label="Guide"
          minRows={16}
          maxRows={40}
          {...form.getInputProps("body")}
          value={values.body}
          onChange={(body) => form.setFieldValue("body", body)}
        />
        <SaveBar formError={formError} saveLabel="Save the guide" pending={mutation.isPending}>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </SaveBar>
        {conflict && (
          <ConflictDialog
            partName="The manager guide"
            mine={values}
            theirs={{ title: conflict.title, body: conflict.body }}
            onKeepMine={() => {
              baseVersion.current = conflict.version;
              setConflict(null);
            }}
            keepMineLabel="Keep mine (then save again)"
            onTakeTheirs={() => {
              queryClient.setQueryData(managerGuideQuery.queryKey, conflict);
              form.setValues({ title: conflict.title, body: conflict.body });
              baseVersion.current = conflict.version;
              setConflict(null);
            }}
          />
        )}
      </Stack>
    </form>
  );
}
