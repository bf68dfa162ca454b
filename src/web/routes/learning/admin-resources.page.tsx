import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDownload, IconFileCheck, IconPlus, IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  learningFormatLabels,
  learningFormats,
  learningResourceKindLabels,
  learningResourceKinds,
  ResourceFields,
  type ResourceSummary,
  type ResourceView,
  UpdateResourceBody,
} from "#core/learning/resources.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  createResource,
  directorySearchQuery,
  importResources,
  learningQueryKey,
  resourceExportUrl,
  resourceQuery,
  updateResource,
} from "../../api/learning.api.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { ListPagination } from "../../components/list-pagination.tsx";
import { QueryErrorAlert, QueryStatus } from "../../components/query-error-alert.tsx";
import { ResponsiveModal } from "../../components/responsive-modal.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { useNavigationArea } from "../app/navigation-area.ts";
import { LearningAdminLinks } from "../learning/learning-nav.tsx";
import { formatCost } from "./resource-parts.tsx";

const pageSize = 25;

const emptyFields = {
  title: "",
  kind: "course",
  provider: "",
  url: null,
  description: "",
  skills: [] as string[],
  audience: "",
  language: "en",
  costMinor: 0,
  currency: null,
  durationMinutes: null,
  format: "self_paced",
} as const;

function fieldsOf(resource: ResourceView) {
  return {
    title: resource.title,
    kind: resource.kind,
    provider: resource.provider,
    url: resource.url,
    description: resource.description,
    skills: resource.skills.map((skill) => skill.name),
    audience: resource.audience,
    language: resource.language,
    costMinor: resource.costMinor,
    currency: resource.currency,
    durationMinutes: resource.durationMinutes,
    format: resource.format,
  };
}

/** The form of one resource: new when `resource` is null, else an edit from its version. */
function ResourceForm({ resource, onDone }: { resource: ResourceView | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const schema = resource ? UpdateResourceBody : ResourceFields;
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema,
    mode: "controlled",
    initialValues: resource
      ? { ...fieldsOf(resource), baseVersion: resource.version, archived: resource.archived }
      : { ...emptyFields },
    submit: (values) =>
      resource
        ? updateResource(resource.id, values as UpdateResourceBody)
        : createResource(values as ResourceFields),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: learningQueryKey });
      onDone();
    },
  });
  const nullableText = (name: "url" | "currency") => ({
    ...form.getInputProps(name),
    value: (form.values[name] as string | null) ?? "",
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      form.setFieldValue(name, event.currentTarget.value.trim() || null),
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <TextInput label="Title" required {...form.getInputProps("title")} />
        <Group grow align="flex-start">
          <Select
            label="Kind"
            required
            allowDeselect={false}
            data={learningResourceKinds.map((kind) => ({
              value: kind,
              label: learningResourceKindLabels[kind],
            }))}
            {...form.getInputProps("kind")}
          />
          <Select
            label="Format"
            required
            allowDeselect={false}
            data={learningFormats.map((format) => ({
              value: format,
              label: learningFormatLabels[format],
            }))}
            {...form.getInputProps("format")}
          />
        </Group>
        <TextInput label="Provider" {...form.getInputProps("provider")} />
        <TextInput
          label="Link"
          description="An https:// address, or a page of Trellis such as /learning/mentorship"
          {...nullableText("url")}
        />
        <GrowingTextarea
          label="Description"
          description="Markdown"
          minRows={3}
          {...form.getInputProps("description")}
        />
        <TagsInput
          label="Skills"
          description="Press Enter after each; a career framework competency's name links to it"
          {...form.getInputProps("skills")}
        />
        <Group grow align="flex-start">
          <TextInput label="Audience" {...form.getInputProps("audience")} />
          <TextInput label="Language" {...form.getInputProps("language")} />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label="Cost in minor units"
            description="Cents, pence…; 0 is free"
            min={0}
            allowDecimal={false}
            {...form.getInputProps("costMinor")}
          />
          <TextInput
            label="Currency"
            description="ISO 4217, such as EUR"
            {...nullableText("currency")}
          />
          <NumberInput
            label="Duration in minutes"
            min={1}
            allowDecimal={false}
            {...form.getInputProps("durationMinutes")}
            value={(form.values.durationMinutes as number | null) ?? ""}
            onChange={(value) =>
              form.setFieldValue("durationMinutes", typeof value === "number" ? value : null)
            }
          />
        </Group>
        {resource && (
          <Switch
            label="Archived (hidden from the directory)"
            {...form.getInputProps("archived", { type: "checkbox" })}
          />
        )}
        <FormActions
          submitLabel={resource ? "Save resource" : "Add resource"}
          pending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

function EditResource({ id, onDone }: { id: string; onDone: () => void }) {
  const query = useQuery(resourceQuery(id));
  if (!query.data) return <QueryStatus query={query} />;
  return <ResourceForm resource={query.data} onDone={onDone} />;
}

function ImportSection() {
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState("");
  const run = useMutation({
    mutationFn: importResources,
    onSuccess: (result) => {
      if (!result.dryRun) queryClient.invalidateQueries({ queryKey: learningQueryKey });
    },
  });
  const result = run.data;
  return (
    <TitledSection
      title="Import and export"
      description="One resource a row. Check the file first: a dry run shows what would change."
      actions={
        <Button
          component="a"
          href={resourceExportUrl}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Export CSV
        </Button>
      }
    >
      <List size="sm">
        <List.Item>
          Columns:{" "}
          <Code>
            id, title, kind, provider, url, description, skills, audience, language, cost_minor,
            currency, duration_minutes, format, sample, archived
          </Code>
          . Only title and kind are required.
        </List.Item>
        <List.Item>
          Skills are separated by <Code>;</Code>. A row with a known id updates that resource.
        </List.Item>
      </List>
      <label htmlFor="learning-import-file">
        <Text size="sm" fw={500}>
          CSV file
        </Text>
      </label>
      <input
        id="learning-import-file"
        type="file"
        accept=".csv,text/csv"
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          setCsv(file ? await file.text() : "");
          run.reset();
        }}
      />
      <GrowingTextarea
        label="Or paste CSV text"
        minRows={3}
        maxRows={12}
        value={csv}
        spellCheck={false}
        onChange={(event) => {
          setCsv(event.currentTarget.value);
          run.reset();
        }}
      />
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconFileCheck size={16} aria-hidden />}
          disabled={csv === ""}
          loading={run.isPending && run.variables?.dryRun === true}
          onClick={() => run.mutate({ csv, dryRun: true })}
        >
          Check file
        </Button>
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          disabled={!result?.dryRun || result.created + result.updated === 0}
          loading={run.isPending && run.variables?.dryRun === false}
          onClick={() => run.mutate({ csv, dryRun: false })}
        >
          Import
        </Button>
      </Group>
      {run.isError && (
        <Alert color="red" role="alert">
          {errorMessage(run.error)}
        </Alert>
      )}
      {result && (
        <Stack gap="xs" aria-live="polite">
          <Text size="sm" fw={600}>
            {result.dryRun ? "Would add" : "Added"} {result.created},{" "}
            {result.dryRun ? "would update" : "updated"} {result.updated}, skipped {result.skipped}.
          </Text>
          {result.warnings.length > 0 && (
            <List size="sm" aria-label="Warnings">
              {result.warnings.map((warning) => (
                <List.Item key={`${warning.line}-${warning.message}`}>
                  Row {warning.line}: {warning.message}
                </List.Item>
              ))}
            </List>
          )}
          {result.dryRun && result.rows.length > 0 && (
            <Table.ScrollContainer minWidth={360}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Change</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.rows.slice(0, 100).map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{row.title}</Table.Td>
                      <Table.Td>{row.kind}</Table.Td>
                      <Table.Td>{row.action === "create" ? "Add" : "Update"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </TitledSection>
  );
}

export function LearningResourcesAdminPage() {
  usePageTitle("Learning resources");
  useNavigationArea("/admin/learning");
  const [text, setText] = useState("");
  const [query] = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const results = useQuery(directorySearchQuery({ q: query, page, pageSize, archived: "include" }));
  const data = results.data;
  return (
    <Stack gap="md">
      <LearningAdminLinks />
      <Group justify="space-between">
        <Title order={1}>Learning resources</Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
          Add resource
        </Button>
      </Group>
      <TitledSection title="Resources" description="Archived resources are hidden from members.">
        <TextInput
          label="Find a resource"
          value={text}
          onChange={(event) => {
            setPage(1);
            setText(event.currentTarget.value);
          }}
        />
        {results.isError && (
          <QueryErrorAlert error={results.error} onRetry={() => results.refetch()} />
        )}
        {data && (
          <Table.ScrollContainer minWidth={360}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Cost</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((resource: ResourceSummary) => (
                  <Table.Tr key={resource.id}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setEditing(resource.id)}
                      >
                        {resource.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{learningResourceKindLabels[resource.kind]}</Table.Td>
                    <Table.Td>{formatCost(resource.costMinor, resource.currency)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {resource.archived && <Badge color="gray">Archived</Badge>}
                        {resource.sample && <Badge variant="dot">Sample</Badge>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {data && (
          <ListPagination
            pageCount={Math.ceil(data.total / pageSize)}
            page={page}
            onPageChange={setPage}
          />
        )}
      </TitledSection>
      <ImportSection />
      <ResponsiveModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "Add a resource" : "Edit resource"}
      >
        {editing === "new" ? (
          <ResourceForm resource={null} onDone={() => setEditing(null)} />
        ) : editing ? (
          <EditResource id={editing} onDone={() => setEditing(null)} />
        ) : null}
      </ResponsiveModal>
    </Stack>
  );
}
