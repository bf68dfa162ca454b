import {
  Alert,
  Button,
  Group,
  Input,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCircleCheck, IconEye, IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import {
  type ImportFormat,
  type ImportResult,
  importFormats,
} from "#core/career/frameworks.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  careerFrameworksQueryKey,
  frameworkListQuery,
  importFramework,
  previewFrameworkImport,
} from "../../api/career-frameworks.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { DiffList } from "./framework-diff-list.tsx";
import { warningPlace } from "./framework-diff-view.ts";
import {
  formatOfFileName,
  frameworkImportFormSchema,
  importFormatHelp,
} from "./framework-import.ts";

type Source = "file" | "paste";
type Field = "format" | "content" | "frameworkId";

export function CareerFrameworkImportPage() {
  usePageTitle("Import a career framework");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const fileInputId = useId();
  const [source, setSource] = useState<Source>("file");
  const [fileName, setFileName] = useState<string | null>(null);
  const frameworks = useQuery(frameworkListQuery);

  const {
    form,
    mutation: preview,
    onSubmit,
    formError,
  } = useApiForm({
    schema: frameworkImportFormSchema,
    mode: "controlled",
    initialValues: { format: "yaml" as string, content: "", frameworkId: "" },
    submit: previewFrameworkImport,
  });
  const apply = useMutation({
    mutationFn: importFramework,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: careerFrameworksQueryKey });
      notifications.show({
        color: "green",
        message: `${result.content.name} was imported into a draft. Check it, then publish it.`,
      });
      if (result.frameworkId) {
        await navigate({
          to: "/admin/career-frameworks/$frameworkId",
          params: { frameworkId: result.frameworkId },
        });
      }
    },
  });

  const change = (field: Field, value: string) => {
    form.setFieldValue(field, value);
    preview.reset();
    apply.reset();
  };
  const { content, format, frameworkId } = form.values;
  const help = importFormatHelp[format as ImportFormat] ?? importFormatHelp.yaml;
  const target = frameworks.data?.frameworks.find((framework) => framework.id === frameworkId);

  return (
    <Stack gap="lg" maw={1040}>
      <AnchorLink to="/admin/career-frameworks" size="sm">
        Career frameworks
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1}>Import a career framework</Title>
        <Text c="dimmed">
          Bring in a framework from a file, as a new framework or into an existing framework's
          draft. Preview first: nothing is written until you import, every problem is listed with
          its line or path, and an import only ever changes a draft, never a published version.
        </Text>
      </Stack>

      <TitledSection title="The file">
        <form
          noValidate
          onSubmit={(event) => {
            apply.reset();
            onSubmit(event);
          }}
        >
          <Stack gap="md">
            <NativeSelect
              label="Format"
              description={help.hint}
              data={importFormats.map((value) => ({ value, label: importFormatHelp[value].label }))}
              maw={360}
              {...form.getInputProps("format")}
              onChange={(event) => change("format", event.currentTarget.value)}
            />
            <NativeSelect
              label="Import into"
              data={[
                { value: "", label: "A new framework" },
                ...(frameworks.data?.frameworks ?? []).map((framework) => ({
                  value: framework.id,
                  label: `The draft of ${framework.name}`,
                })),
              ]}
              maw={480}
              {...form.getInputProps("frameworkId")}
              onChange={(event) => change("frameworkId", event.currentTarget.value)}
            />
            <SegmentedControl
              aria-label="How to provide the file"
              value={source}
              onChange={(value) => setSource(value as Source)}
              data={[
                { value: "file", label: "Choose a file" },
                { value: "paste", label: "Paste text" },
              ]}
              style={{ alignSelf: "flex-start" }}
            />
            {source === "file" ? (
              <Input.Wrapper
                id={fileInputId}
                label="File"
                description={fileName ? `Chosen: ${fileName}` : "Saved as UTF-8."}
                error={form.errors.content}
              >
                <Paper withBorder radius="md" p="sm" mt={4}>
                  <input
                    id={fileInputId}
                    className="file-input"
                    type="file"
                    accept={help.accept}
                    // Where focus goes when the file has a problem.
                    data-path="content"
                    aria-invalid={form.errors.content ? true : undefined}
                    aria-describedby={`${fileInputId}-description${form.errors.content ? ` ${fileInputId}-error` : ""}`}
                    onChange={async (event) => {
                      const file = event.currentTarget.files?.[0];
                      setFileName(file?.name ?? null);
                      const guessed = file ? formatOfFileName(file.name) : null;
                      if (guessed) form.setFieldValue("format", guessed);
                      change("content", file ? await file.text() : "");
                    }}
                  />
                </Paper>
              </Input.Wrapper>
            ) : (
              <GrowingTextarea
                label="Text"
                description="Paste the whole file."
                minRows={8}
                maxRows={20}
                spellCheck={false}
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                {...form.getInputProps("content")}
                onChange={(event) => {
                  setFileName(null);
                  change("content", event.currentTarget.value);
                }}
              />
            )}
            <Group gap="sm">
              <Button
                type="submit"
                variant={preview.data ? "default" : "filled"}
                leftSection={<IconEye size={18} aria-hidden />}
                disabled={content === "" || apply.isPending}
                loading={preview.isPending}
              >
                Preview
              </Button>
              <Button
                leftSection={<IconUpload size={18} aria-hidden />}
                disabled={!preview.data || preview.isPending}
                loading={apply.isPending}
                // What was previewed is what is imported.
                onClick={() => preview.variables && apply.mutate(preview.variables)}
              >
                {target ? `Import into ${target.name}` : "Import as a new framework"}
              </Button>
            </Group>
            <FormErrorAlert message={apply.isError ? errorMessage(apply.error) : formError} />
          </Stack>
        </form>
      </TitledSection>

      {preview.data && (
        <PreviewSection
          key={preview.submittedAt}
          result={preview.data}
          updating={preview.variables?.frameworkId !== undefined}
        />
      )}
    </Stack>
  );
}

const countLabels: { key: keyof ImportResult["counts"]; label: string }[] = [
  { key: "families", label: "Job families" },
  { key: "roles", label: "Roles" },
  { key: "themes", label: "Themes" },
  { key: "competencies", label: "Competencies" },
  { key: "edges", label: "Career paths" },
];

function PreviewSection({ result, updating }: { result: ImportResult; updating: boolean }) {
  return (
    <TitledSection
      title="Preview"
      description={`${result.content.name}. Nothing has been written yet: select Import to apply.`}
    >
      {result.warnings.length > 0 ? (
        <WarningList warnings={result.warnings} />
      ) : (
        <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />}>
          The file was read without problems.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {countLabels.map(({ key, label }) => (
          <Paper key={key} withBorder radius="md" p="sm">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fz="xl" fw={700}>
              {result.counts[key]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={3} size="h5">
        {updating ? "What the import changes in the draft" : "What the import creates"}
      </Title>
      <DiffList
        changes={result.changes}
        empty="The draft already holds all of it: nothing changes."
      />
    </TitledSection>
  );
}

function WarningList({ warnings }: { warnings: ImportResult["warnings"] }) {
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      // Orange on its light tint is below AA contrast; the body text colour is not.
      styles={{ title: { color: "var(--mantine-color-text)" } }}
      title={`${warnings.length} ${warnings.length === 1 ? "problem" : "problems"} found: the rest can be imported`}
    >
      <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
        {warnings.map((warning, index) => {
          const place = warningPlace(warning);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several warnings
            <Text component="li" size="sm" key={index}>
              {place && (
                <Text span fw={700} size="sm" ff={warning.line === null ? "monospace" : undefined}>
                  {place}:
                </Text>
              )}{" "}
              {warning.message}
            </Text>
          );
        })}
      </Stack>
    </Alert>
  );
}
