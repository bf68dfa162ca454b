import { Badge, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { FrameworkDraft } from "#core/career/frameworks.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  careerFrameworksQueryKey,
  type DraftSave,
  frameworkDraftQuery,
  saveFrameworkDraft,
} from "../../api/career-frameworks.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { useLeaveGuard } from "../../components/use-leave-guard.ts";
import { usePageTitle } from "../../components/use-page-title.ts";
import { inputPathsFor } from "../../forms/field-paths.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { ConflictDialog } from "../growth-plans/conflict-dialog.tsx";
import {
  errorCountsByArea,
  frameworkContentOf,
  frameworkFormSchema,
  frameworkFormValues,
  tabOfPath,
} from "./career-framework-editing.ts";
import { conflictView } from "./framework-conflict.ts";
import {
  CompetencyFields,
  FrameworkFields,
  ScaleFields,
  ThemeFields,
} from "./framework-draft-fields.tsx";
import { DraftDetails, FrameworkPageLayout } from "./framework-page-layout.tsx";
import { EdgeFields, FamilyFields, RoleFields } from "./framework-role-fields.tsx";
import { SaveBar } from "./save-bar.tsx";

const routeApi = getRouteApi("/app/admin/career-frameworks/$frameworkId");

const tabs = [
  { value: "framework", label: "Framework", Fields: FrameworkFields },
  { value: "scale", label: "Scale", Fields: ScaleFields },
  { value: "themes", label: "Themes", Fields: ThemeFields },
  { value: "competencies", label: "Competencies", Fields: CompetencyFields },
  { value: "families", label: "Job families", Fields: FamilyFields },
  { value: "roles", label: "Roles", Fields: RoleFields },
  { value: "edges", label: "Career paths", Fields: EdgeFields },
] as const;

export function CareerFrameworkPage() {
  const { frameworkId } = routeApi.useParams();
  const draft = useQuery(frameworkDraftQuery(frameworkId));
  if (!draft.data) return <QueryStatus query={draft} />;
  return <DraftEditor key={frameworkId} draft={draft.data} />;
}

/** The draft editor of one framework, given the draft as loaded. */
export function DraftEditor({ draft }: { draft: FrameworkDraft }) {
  usePageTitle(draft.content.name);
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<string>("framework");
  // The version this form was loaded or last saved at; read when sending, so a "keep mine"
  // after a conflict sends the version it has just learned.
  const baseVersion = useRef(draft.version);
  const [stored, setStored] = useState(draft);
  const [conflict, setConflict] = useState<FrameworkDraft | null>(null);

  const show = (saved: FrameworkDraft) => {
    baseVersion.current = saved.version;
    setStored(saved);
    queryClient.setQueryData(frameworkDraftQuery(saved.frameworkId).queryKey, saved);
    const values = frameworkFormValues(saved.content);
    form.setValues(values);
    form.resetDirty(values);
  };

  const {
    form,
    mutation: save,
    onSubmit,
    formError,
    setFormError,
    discard,
  } = useApiForm({
    schema: frameworkFormSchema,
    mode: "controlled",
    initialValues: frameworkFormValues(draft.content),
    submit: ({ content }): Promise<DraftSave> =>
      saveFrameworkDraft(draft.frameworkId, { baseVersion: baseVersion.current, content }),
    onSuccess: async (result) => {
      if (result.outcome === "conflict") {
        setConflict(result.current);
        return;
      }
      show(result.draft);
      notifications.show({ color: "green", message: "The draft was saved." });
      await queryClient.invalidateQueries({ queryKey: careerFrameworksQueryKey });
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        message: `The draft was not saved: ${errorMessage(error)}`,
      }),
  });
  useLeaveGuard(form.isDirty() && !save.isPending);
  const errorCounts = errorCountsByArea(form.errors);

  // A message may be about a part on another tab: after a refused save, show the first such tab.
  const showErrorsAfterSubmit = useRef(false);
  const focusPath = useRef<string | null>(null);
  useEffect(() => {
    if (!showErrorsAfterSubmit.current) return;
    const first = Object.keys(form.errors)[0];
    if (first === undefined) return;
    showErrorsAfterSubmit.current = false;
    const firstTab = tabOfPath(first);
    if (!errorCounts[tab] && tabs.some((entry) => entry.value === firstTab)) {
      setTab(firstTab);
      focusPath.current = first;
    }
  });
  // Once that tab is drawn, focus goes to the input the first message is about, if it is drawn.
  useEffect(() => {
    const path = focusPath.current;
    if (path === null) return;
    focusPath.current = null;
    for (const candidate of inputPathsFor(path)) {
      const input = form.getInputNode(candidate);
      if (input) {
        input.focus();
        return;
      }
    }
  });
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    showErrorsAfterSubmit.current = true;
    onSubmit(event);
  };

  return (
    <FrameworkPageLayout
      frameworkId={draft.frameworkId}
      name={stored.content.name}
      page="draft"
      details={
        <>
          <DraftDetails version={stored.version} updatedAt={stored.updatedAt} />
          <Text c="dimmed">
            Members see nothing of the draft until it is published. Expectations are set in the{" "}
            <AnchorLink
              to="/admin/career-frameworks/$frameworkId/expectations"
              params={{ frameworkId: draft.frameworkId }}
              size="sm"
            >
              expectations grid
            </AnchorLink>
            .
          </Text>
        </>
      }
    >
      <form noValidate onSubmit={submit}>
        <Tabs value={tab} onChange={(value) => setTab(value ?? "framework")} keepMounted={false}>
          <Tabs.List aria-label="Parts of the draft">
            {tabs.map(({ value, label }) => (
              <Tabs.Tab
                key={value}
                value={value}
                rightSection={
                  errorCounts[value] ? (
                    <Badge color="red.9" size="sm" variant="filled" tt="none">
                      {errorCounts[value]} {errorCounts[value] === 1 ? "problem" : "problems"}
                    </Badge>
                  ) : undefined
                }
              >
                {label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map(({ value, Fields }) => (
            <Tabs.Panel key={value} value={value} pt="md">
              <Fields form={form} />
            </Tabs.Panel>
          ))}
        </Tabs>
        <SaveBar
          formError={formError}
          saveLabel="Save draft"
          pending={save.isPending}
          changes={{ dirty: form.isDirty(), onDiscard: discard }}
        >
          {Object.keys(errorCounts).length > 0 && (
            <Text size="sm" c="var(--mantine-color-error)">
              Fix the problems marked on the tabs above.
            </Text>
          )}
        </SaveBar>
      </form>
      {conflict && (
        <ConflictDialog
          partName="The draft"
          mine={conflictView(frameworkContentOf(form.getValues()))}
          theirs={conflictView(conflict.content)}
          keepMineLabel="Save mine over it"
          takeTheirsLabel="Take the saved draft"
          onKeepMine={() => {
            baseVersion.current = conflict.version;
            setConflict(null);
            setFormError(null);
            submit();
          }}
          onTakeTheirs={() => {
            show(conflict);
            setConflict(null);
            setFormError(null);
          }}
        />
      )}
    </FrameworkPageLayout>
  );
}
