import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Chip,
  Code,
  Group,
  Input,
  List,
  Pagination,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconCircleCheck, IconFileCheck, IconUpload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import {
  ImportCsvBody,
  type ImportReport,
  type ImportRowAction,
  importRowActions,
  personCsvColumns,
} from "#core/people-import.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import { applyPeopleImport, checkPeopleImport } from "../../api/people-import.api.ts";
import { peopleQueryKey } from "../../api/queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import {
  describeRow,
  outcomeLabels,
  pageOfRows,
  type RowFilter,
  rejectedRowNumbers,
} from "./import-report.ts";

type Source = "file" | "paste";

const outcomeColors: Record<ImportRowAction, string> = {
  create: "trellis",
  update: "blue",
  unchanged: "gray",
  reject: "red.9",
};

export function ImportPage() {
  usePageTitle("Import people");
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const [source, setSource] = useState<Source>("file");
  const [fileName, setFileName] = useState<string | null>(null);

  const {
    form,
    mutation: check,
    onSubmit,
    formError,
  } = useApiForm({
    schema: ImportCsvBody,
    mode: "controlled",
    initialValues: { csv: "" },
    submit: checkPeopleImport,
  });
  const apply = useMutation({
    mutationFn: applyPeopleImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });

  const { csv } = form.values;
  const changeCsv = (text: string) => {
    form.setFieldValue("csv", text);
    check.reset();
    apply.reset();
  };

  const fileError = form.errors.csv;
  const report = apply.data ?? check.data;
  const canImport = check.data !== undefined && check.data.summary.reject === 0 && !apply.data;
  const running = check.isPending || apply.isPending;

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Title order={1}>Import people</Title>
        <Text c="dimmed">
          Add and update many people at once from a spreadsheet saved as CSV. Check the file first:
          nothing is written until you import, and nothing at all while any row is rejected.
        </Text>
      </Stack>

      <TitledSection title="The file">
        <List size="sm" spacing={4}>
          <List.Item>
            A header row, then one person per row. Columns, in any order:{" "}
            {personCsvColumns.map((column, index) => (
              <span key={column}>
                {index > 0 && ", "}
                <Code>{column}</Code>
              </span>
            ))}
            . <Code>email</Code> and <Code>name</Code> are required.
          </List.Item>
          <List.Item>
            People are matched by email: a new email adds a person, a known one updates them. A
            column left out of the file changes nothing; an empty cell clears that field.
          </List.Item>
          <List.Item>
            <Code>manager_email</Code> may name someone further down the file;{" "}
            <Code>hire_date</Code> is written YYYY-MM-DD; <Code>time_zone</Code> is an IANA name
            such as Europe/Paris.
          </List.Item>
          <List.Item>
            Row numbers count the header as row 1, as spreadsheets do, so the first person is row 2.
          </List.Item>
          <List.Item>
            New people can sign in once you invite them from their profile. Roles and deactivation
            are never changed by an import.
          </List.Item>
        </List>

        <form
          noValidate
          onSubmit={(event) => {
            apply.reset();
            onSubmit(event);
          }}
        >
          <Stack gap="md">
            <SegmentedControl
              aria-label="How to provide the CSV"
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
                label="CSV file"
                description={fileName ? `Chosen: ${fileName}` : "A .csv file saved as UTF-8."}
                error={fileError}
              >
                <Paper withBorder radius="md" p="sm" mt={4}>
                  <input
                    id={fileInputId}
                    className="file-input"
                    type="file"
                    accept=".csv,text/csv"
                    // Where focus goes when the file has a problem.
                    data-path="csv"
                    aria-invalid={fileError ? true : undefined}
                    aria-describedby={`${fileInputId}-description${fileError ? ` ${fileInputId}-error` : ""}`}
                    onChange={async (event) => {
                      const file = event.currentTarget.files?.[0];
                      setFileName(file?.name ?? null);
                      changeCsv(file ? await file.text() : "");
                    }}
                  />
                </Paper>
              </Input.Wrapper>
            ) : (
              <GrowingTextarea
                label="CSV text"
                description="Paste the rows, header first."
                minRows={6}
                maxRows={16}
                spellCheck={false}
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                {...form.getInputProps("csv")}
                onChange={(event) => {
                  setFileName(null);
                  changeCsv(event.currentTarget.value);
                }}
              />
            )}
            <Group gap="sm">
              <Button
                type="submit"
                variant={canImport ? "default" : "filled"}
                leftSection={<IconFileCheck size={18} aria-hidden />}
                disabled={csv === "" || apply.isPending}
                loading={check.isPending}
              >
                Check file
              </Button>
              <Button
                leftSection={<IconUpload size={18} aria-hidden />}
                disabled={!canImport || check.isPending}
                loading={apply.isPending}
                onClick={() => apply.mutate({ csv })}
              >
                Import
              </Button>
            </Group>
            {running && (
              <Stack gap={4} role="status">
                <Text size="sm">
                  {check.isPending ? "Checking every row…" : "Importing every row…"}
                </Text>
                <Progress value={100} animated striped aria-hidden />
              </Stack>
            )}
            <FormErrorAlert message={formError} />
            {fileError && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                icon={<IconAlertCircle aria-hidden />}
              >
                The file could not be read: {fileError}
              </Alert>
            )}
            {apply.isError && <ApplyFailed error={apply.error} />}
          </Stack>
        </form>
      </TitledSection>

      {report && (
        <ReportSection
          // A new check or the import starts the table afresh.
          key={apply.data ? `applied-${apply.submittedAt}` : `checked-${check.submittedAt}`}
          report={report}
        />
      )}
    </Stack>
  );
}

function ApplyFailed({ error }: { error: unknown }) {
  const rows = error instanceof ApiError ? rejectedRowNumbers(error.fields) : [];
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title="Nothing was imported"
      icon={<IconAlertCircle aria-hidden />}
    >
      {errorMessage(error)}
      {rows.length > 0 &&
        ` Rows that now fail: ${rows.join(", ")}. The data changed since the check; check the file again.`}
    </Alert>
  );
}

function ReportSection({ report }: { report: ImportReport }) {
  const [filter, setFilter] = useState<RowFilter>(report.summary.reject > 0 ? "reject" : "all");
  const [page, setPage] = useState(1);
  const { summary } = report;
  const phase = report.applied ? "applied" : "checked";
  const shown = pageOfRows(report.rows, filter, page);

  return (
    <TitledSection
      title={report.applied ? "Import finished" : "Check results"}
      description={`${summary.rows} ${summary.rows === 1 ? "row" : "rows"} in the file.`}
    >
      {report.applied ? (
        <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />}>
          Imported: {summary.create} created, {summary.update} updated, {summary.unchanged}{" "}
          unchanged. New people can sign in once you invite them;{" "}
          <Anchor component={Link} to="/admin/people">
            find them in Manage people
          </Anchor>
          .
        </Alert>
      ) : summary.reject > 0 ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {summary.reject} {summary.reject === 1 ? "row needs" : "rows need"} fixing before anything
          can be imported. Correct the file, choose it again and check it again.
        </Alert>
      ) : (
        <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />}>
          Every row can be imported. Nothing has been written yet: select Import to apply.
        </Alert>
      )}

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {importRowActions.map((action) => (
          <Paper key={action} withBorder radius="md" p="sm">
            <Text size="sm" c="dimmed">
              {outcomeLabels[action][phase]}
            </Text>
            <Text
              fz="xl"
              fw={700}
              c={action === "reject" && summary[action] > 0 ? "red" : undefined}
            >
              {summary[action]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Chip.Group
        value={filter}
        onChange={(value) => {
          setFilter(value as RowFilter);
          setPage(1);
        }}
      >
        <Group gap="xs" role="radiogroup" aria-label="Rows to show">
          <Chip value="all" variant="outline">
            All ({summary.rows})
          </Chip>
          {importRowActions.map((action) => (
            <Chip key={action} value={action} variant="outline">
              {outcomeLabels[action][phase]} ({summary[action]})
            </Chip>
          ))}
        </Group>
      </Chip.Group>

      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Caption>Row numbers count the header as row 1.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={72}>
                Row
              </Table.Th>
              <Table.Th scope="col" w="30%">
                Email
              </Table.Th>
              <Table.Th scope="col" w={150}>
                Outcome
              </Table.Th>
              <Table.Th scope="col">Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.rows.map((row) => {
              const details = describeRow(row);
              return (
                <Table.Tr
                  key={row.row}
                  bg={row.action === "reject" ? "var(--mantine-color-red-light)" : undefined}
                >
                  <Table.Td>{row.row}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{row.email}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={outcomeColors[row.action]}
                      // Filled on the highlighted row, so the badge stands out from it.
                      variant={row.action === "reject" ? "filled" : "light"}
                      tt="none"
                      style={{ overflow: "visible" }}
                    >
                      {outcomeLabels[row.action][phase]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {details.map((detail) => (
                      <Text key={detail} size="sm">
                        {detail}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.pageCount > 1 && (
        <Center>
          <Pagination
            total={shown.pageCount}
            value={Math.min(page, shown.pageCount)}
            onChange={setPage}
            getItemProps={(item) => ({ "aria-label": `Rows page ${item}` })}
          />
        </Center>
      )}
    </TitledSection>
  );
}
