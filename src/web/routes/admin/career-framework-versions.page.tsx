import { Alert, Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowsDiff, IconRocket } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import {
  type FrameworkDraft,
  PublishBody,
  type VersionSummary,
} from "#core/career/frameworks.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import {
  careerFrameworksQueryKey,
  frameworkDiffQuery,
  frameworkDraftQuery,
  frameworkListQuery,
  frameworkVersionsQuery,
  publishFramework,
  type VersionRef,
} from "../../api/career-frameworks.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { DiffList } from "./framework-diff-list.tsx";
import { versionName } from "./framework-diff-view.ts";
import { FrameworkExportButtons } from "./framework-export-buttons.tsx";
import { DraftDetails, FrameworkPageLayout } from "./framework-page-layout.tsx";

const routeApi = getRouteApi("/app/admin/career-frameworks/$frameworkId/versions");

export function CareerFrameworkVersionsPage() {
  const { frameworkId } = routeApi.useParams();
  const draft = useQuery(frameworkDraftQuery(frameworkId));
  const versions = useQuery(frameworkVersionsQuery(frameworkId));
  if (!draft.data) return <QueryStatus query={draft} />;
  if (!versions.data) return <QueryStatus query={versions} />;
  const latest = versions.data.versions.reduce<number | null>(
    (highest, version) => Math.max(highest ?? 0, version.number),
    null,
  );
  // A new version starts the page afresh: the comparison moves on to it.
  return (
    <VersionsView
      key={latest ?? 0}
      draft={draft.data}
      versions={versions.data.versions}
      latest={latest}
    />
  );
}

/** The publish form, the comparison and the list of versions of one framework. */
export function VersionsView({
  draft,
  versions,
  latest,
}: {
  draft: FrameworkDraft;
  versions: VersionSummary[];
  latest: number | null;
}) {
  usePageTitle(`Versions: ${draft.content.name}`);
  const [compare, setCompare] = useState<{ from: VersionRef; to: VersionRef }>({
    from: latest ?? "draft",
    to: "draft",
  });

  return (
    <FrameworkPageLayout
      frameworkId={draft.frameworkId}
      name={draft.content.name}
      page="versions"
      details={<DraftDetails version={draft.version} updatedAt={draft.updatedAt} />}
    >
      <PublishSection draft={draft} latest={latest} />
      <TitledSection
        title="What changed"
        description="Compare any two versions, or a version with the draft."
      >
        {latest === null ? (
          <Text c="dimmed">Nothing is published yet: the whole draft becomes version 1.</Text>
        ) : (
          <CompareSection
            frameworkId={draft.frameworkId}
            versions={versions}
            compare={compare}
            onCompare={setCompare}
          />
        )}
      </TitledSection>
      <TitledSection
        title="Versions"
        description="Published versions never change; export any of them."
      >
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Published</Table.Th>
                <Table.Th scope="col">What changed</Table.Th>
                <Table.Th scope="col">Export</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">Draft</Table.Th>
                <Table.Td>Not published</Table.Td>
                <Table.Td>
                  {latest !== null && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconArrowsDiff size={14} aria-hidden />}
                      onClick={() => setCompare({ from: latest, to: "draft" })}
                    >
                      Compare with version {latest}
                    </Button>
                  )}
                </Table.Td>
                <Table.Td>
                  <FrameworkExportButtons frameworkId={draft.frameworkId} version="draft" />
                </Table.Td>
              </Table.Tr>
              {[...versions]
                .sort((a, b) => b.number - a.number)
                .map((version) => (
                  <Table.Tr key={version.id}>
                    <Table.Th scope="row">Version {version.number}</Table.Th>
                    <Table.Td>
                      {formatDateTime(version.publishedAt)}
                      {version.publishedBy ? ` by ${version.publishedBy.name}` : ""}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                        {version.changeSummary}
                      </Text>
                      {version.number > 1 && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconArrowsDiff size={14} aria-hidden />}
                          onClick={() =>
                            setCompare({ from: version.number - 1, to: version.number })
                          }
                        >
                          Compare with version {version.number - 1}
                        </Button>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <FrameworkExportButtons
                        frameworkId={draft.frameworkId}
                        version={version.number}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </TitledSection>
    </FrameworkPageLayout>
  );
}

const publishFormSchema = PublishBody.pick({ changeSummary: true });

function PublishSection({ draft, latest }: { draft: FrameworkDraft; latest: number | null }) {
  const queryClient = useQueryClient();
  const summary = useQuery(frameworkListQuery).data?.frameworks.find(
    (framework) => framework.id === draft.frameworkId,
  );
  // Known only once the list has loaded; until then publishing is allowed and the server decides.
  const unchanged = latest !== null && summary?.draft?.unpublishedChanges === false;
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: publishFormSchema,
    initialValues: { changeSummary: "" },
    // The draft version the page shows is the one published; a newer one answers 409.
    submit: ({ changeSummary }) =>
      publishFramework(draft.frameworkId, { baseVersion: draft.version, changeSummary }),
    onSuccess: async (version) => {
      form.reset();
      notifications.show({
        color: "green",
        message: `Version ${version.number} was published. Members now read it.`,
      });
      await queryClient.invalidateQueries({ queryKey: careerFrameworksQueryKey });
    },
    onError: (error) => {
      // The draft changed since this page loaded: load it, so the diff shows what would go out.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: careerFrameworksQueryKey });
      }
    },
  });
  const isConflict = mutation.error instanceof ApiError && mutation.error.status === 409;
  return (
    <TitledSection
      title="Publish the draft"
      description={`Publishing makes draft version ${draft.version} ${latest === null ? "version 1" : `version ${latest + 1}`}: the career map, role pages and new assessments use it. Assessments already made keep the version they were made against.`}
    >
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          {isConflict ? (
            <Alert color="orange" variant="light" role="alert">
              The draft was saved again after this page loaded, so nothing was published. The page
              now shows the newer draft: check what changed below and publish again.
            </Alert>
          ) : (
            <FormErrorAlert message={formError} />
          )}
          <GrowingTextarea
            label="What changed"
            description="Shown with the version, to everyone who reads the framework."
            withAsterisk
            minRows={2}
            key={form.key("changeSummary")}
            {...form.getInputProps("changeSummary")}
          />
          <Group>
            <Button
              type="submit"
              disabled={unchanged}
              loading={mutation.isPending}
              leftSection={<IconRocket size={18} aria-hidden />}
            >
              Publish version {latest === null ? 1 : latest + 1}
            </Button>
            {unchanged && (
              <Text size="sm" c="dimmed">
                The draft holds no changes since version {latest}.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </TitledSection>
  );
}

function CompareSection({
  frameworkId,
  versions,
  compare,
  onCompare,
}: {
  frameworkId: string;
  versions: VersionSummary[];
  compare: { from: VersionRef; to: VersionRef };
  onCompare: (compare: { from: VersionRef; to: VersionRef }) => void;
}) {
  const same = compare.from === compare.to;
  const diff = useQuery({
    ...frameworkDiffQuery(frameworkId, compare.from, compare.to),
    enabled: !same,
  });
  const options = [
    { value: "draft", label: "Draft" },
    ...[...versions]
      .sort((a, b) => b.number - a.number)
      .map((version) => ({ value: String(version.number), label: `Version ${version.number}` })),
  ];
  const parse = (value: string): VersionRef => (value === "draft" ? "draft" : Number(value));
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label="From"
          data={options}
          value={String(compare.from)}
          onChange={(event) => onCompare({ ...compare, from: parse(event.currentTarget.value) })}
        />
        <NativeSelect
          label="To"
          data={options}
          value={String(compare.to)}
          onChange={(event) => onCompare({ ...compare, to: parse(event.currentTarget.value) })}
        />
      </Group>
      {same ? (
        <Text c="dimmed">Choose two different versions to compare.</Text>
      ) : (
        <QueryStatus query={diff} />
      )}
      {!same && diff.data && (
        <Stack gap="xs" aria-live="polite">
          <Text size="sm" c="dimmed">
            {versionName(compare.from)} → {versionName(compare.to)}: {diff.data.changes.length}{" "}
            {diff.data.changes.length === 1 ? "change" : "changes"}
          </Text>
          <DiffList changes={diff.data.changes} empty="No differences." />
        </Stack>
      )}
    </Stack>
  );
}
