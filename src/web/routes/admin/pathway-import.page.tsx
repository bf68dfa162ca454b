import {
  Alert,
  Badge,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy, IconEye } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import type { ImportWarning, PathwayImportPreview } from "#core/pathway/pathway.schemas.ts";
import { stageLabel } from "#core/pathway/pathway-stages.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  pathwayTemplatesQueryKey,
  previewPathwayImport,
  savePathwayImport,
} from "../../api/pathway.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { itemKindLabels } from "../pathway/pathway-view.ts";
import { importFormSchema } from "./pathway-import.ts";

type Source = "paste" | "file";

export function PathwayImportPage() {
  usePageTitle("Import a pathway");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const fileInputId = useId();
  const [source, setSource] = useState<Source>("paste");
  const [fileName, setFileName] = useState<string | null>(null);

  const {
    form,
    mutation: preview,
    onSubmit,
    formError,
  } = useApiForm({
    schema: importFormSchema,
    mode: "controlled",
    initialValues: { markdown: "", baseUrl: "" },
    submit: previewPathwayImport,
  });
  const save = useMutation({
    mutationFn: savePathwayImport,
    onSuccess: async ({ template }) => {
      await queryClient.invalidateQueries({ queryKey: pathwayTemplatesQueryKey });
      notifications.show({
        color: "green",
        message: `${template.name} was saved as a template. Make it the default or assign it to people.`,
      });
      await navigate({
        to: "/admin/pathway-templates/$templateId",
        params: { templateId: template.id },
      });
    },
  });

  const change = (field: "markdown" | "baseUrl", value: string) => {
    form.setFieldValue(field, value);
    preview.reset();
    save.reset();
  };
  const { markdown } = form.values;
  const current: PathwayImportPreview | undefined = preview.data;

  return (
    <Stack gap="lg" maw={1040}>
      <AnchorLink to="/admin/pathway-templates" size="sm">
        Pathway templates
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1}>Import a pathway</Title>
        <Text c="dimmed">
          Turn a handbook page into a template: front matter with a title, <code>## Year N</code>{" "}
          headings with <code>### Q1</code> to <code>### Q4</code>, an optional{" "}
          <code>## Year N Considerations</code>, and a numbered list of items under each. Preview
          first: nothing is saved until you save it, and every problem found is listed with its
          line.
        </Text>
      </Stack>

      <TitledSection title="The page">
        <form
          noValidate
          onSubmit={(event) => {
            save.reset();
            onSubmit(event);
          }}
        >
          <Stack gap="md">
            <SegmentedControl
              aria-label="How to provide the page"
              value={source}
              onChange={(value) => setSource(value as Source)}
              data={[
                { value: "paste", label: "Paste Markdown" },
                { value: "file", label: "Choose a file" },
              ]}
              style={{ alignSelf: "flex-start" }}
            />
            {source === "paste" ? (
              <GrowingTextarea
                label="Markdown"
                description="The whole page, front matter included."
                minRows={8}
                maxRows={20}
                spellCheck={false}
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                {...form.getInputProps("markdown")}
                onChange={(event) => {
                  setFileName(null);
                  change("markdown", event.currentTarget.value);
                }}
              />
            ) : (
              <Input.Wrapper
                id={fileInputId}
                label="Markdown file"
                description={fileName ? `Chosen: ${fileName}` : "A .md file saved as UTF-8."}
                error={form.errors.markdown}
              >
                <Paper withBorder radius="md" p="sm" mt={4}>
                  <input
                    id={fileInputId}
                    className="file-input"
                    type="file"
                    accept=".md,.markdown,text/markdown,text/plain"
                    // Where focus goes when the page has a problem.
                    data-path="markdown"
                    aria-invalid={form.errors.markdown ? true : undefined}
                    aria-describedby={`${fileInputId}-description${form.errors.markdown ? ` ${fileInputId}-error` : ""}`}
                    onChange={async (event) => {
                      const file = event.currentTarget.files?.[0];
                      setFileName(file?.name ?? null);
                      change("markdown", file ? await file.text() : "");
                    }}
                  />
                </Paper>
              </Input.Wrapper>
            )}
            <TextInput
              label="Base URL for handbook links"
              description="Links such as /handbook/… point here. Leave empty for https://handbook.gitlab.com."
              placeholder="https://handbook.gitlab.com"
              type="url"
              {...form.getInputProps("baseUrl")}
              onChange={(event) => change("baseUrl", event.currentTarget.value)}
            />
            <Group gap="sm">
              <Button
                type="submit"
                variant={current ? "default" : "filled"}
                leftSection={<IconEye size={18} aria-hidden />}
                disabled={markdown === "" || save.isPending}
                loading={preview.isPending}
              >
                Preview
              </Button>
              <Button
                leftSection={<IconDeviceFloppy size={18} aria-hidden />}
                disabled={!current || preview.isPending}
                loading={save.isPending}
                // What was previewed is what is saved.
                onClick={() => preview.variables && save.mutate(preview.variables)}
              >
                Save as template
              </Button>
            </Group>
            <FormErrorAlert message={save.isError ? errorMessage(save.error) : formError} />
          </Stack>
        </form>
      </TitledSection>

      {current && <PreviewSection key={preview.submittedAt} preview={current} />}
    </Stack>
  );
}

function PreviewSection({ preview }: { preview: PathwayImportPreview }) {
  const { template, warnings } = preview;
  const itemCount = template.stages.reduce((sum, stage) => sum + stage.items.length, 0);

  return (
    <TitledSection
      title="Preview"
      description={`Will be saved as “${template.name}”: ${template.stages.length} ${template.stages.length === 1 ? "stage" : "stages"}, ${itemCount} ${itemCount === 1 ? "item" : "items"}. Nothing has been saved yet.`}
    >
      {warnings.length > 0 ? (
        <WarningList warnings={warnings} />
      ) : (
        <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />}>
          The page was read without problems.
        </Alert>
      )}
      {template.audience && <Text size="sm">For {template.audience}</Text>}
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {template.stages.map((stage) => (
          <Paper
            component="li"
            key={stageLabel(stage.key)}
            withBorder
            radius="md"
            p="sm"
            aria-label={stageLabel(stage.key)}
          >
            <Group gap="xs" mb={4}>
              <Text fw={600}>{stageLabel(stage.key)}</Text>
              <Text size="sm" c="dimmed">
                {stage.items.length} {stage.items.length === 1 ? "item" : "items"}
              </Text>
            </Group>
            <Stack gap={2} component="ul" m={0} pl="md">
              {stage.items.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a draft's items have no ids yet
                <Text component="li" size="sm" key={index}>
                  {item.title}{" "}
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {itemKindLabels[item.kind]}
                  </Badge>
                </Text>
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </TitledSection>
  );
}

function WarningList({ warnings }: { warnings: ImportWarning[] }) {
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={`${warnings.length} ${warnings.length === 1 ? "problem" : "problems"} found: the rest will be imported`}
    >
      <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
        {warnings.map((warning, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several warnings
          <Text component="li" size="sm" key={index}>
            <Text span fw={700} size="sm">
              Line {warning.line}:
            </Text>{" "}
            {warning.message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
