import { Alert, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconShare } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { z } from "zod";
import type { PlanPerson } from "#core/growth-plan/plans.schemas.ts";
import { type SharingView, UpdateSharingBody } from "#core/growth-plan/sharing.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { growthPlansQueryKey, sharingQuery, updateSharing } from "../../api/growth-plans.api.ts";
import { personQuery } from "../../api/queries.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { SharingGrid } from "./sharing-grid.tsx";
import { bodyOf, presets, rowsOf, type SharingRow, summaryOf } from "./sharing-model.ts";

type Audience = { manager: boolean; people: PlanPerson[] };
type SharingFormValues = { rows: SharingRow[] };

/** The API's rules, checked on the body the grid would send. */
const sharingFormSchema = z
  .custom<SharingFormValues>()
  .transform(({ rows }) => bodyOf(rows))
  .pipe(UpdateSharingBody);

export function SharingButton({ planId, ownerId }: { planId: string; ownerId: string }) {
  return (
    <ModalButton
      label="Sharing"
      variant="default"
      leftSection={<IconShare size={18} aria-hidden />}
      title="Who can read this plan"
      modalSize="62rem"
    >
      {(close) => <SharingLoader planId={planId} ownerId={ownerId} onDone={close} />}
    </ModalButton>
  );
}

function SharingLoader({
  planId,
  ownerId,
  onDone,
}: {
  planId: string;
  ownerId: string;
  onDone: () => void;
}) {
  const sharing = useQuery(sharingQuery(planId));
  if (sharing.isPending) return <PageLoader />;
  if (sharing.isError)
    return <QueryErrorAlert error={sharing.error} onRetry={() => void sharing.refetch()} />;
  return <SharingForm planId={planId} ownerId={ownerId} sharing={sharing.data} onDone={onDone} />;
}

/** Who may read a section, in words. */
export function describeAudience(audience: Audience, manager: PlanPerson | null): string {
  const names = [
    ...(audience.manager
      ? [manager ? `your manager (${manager.displayName})` : "your manager"]
      : []),
    ...audience.people.map((person) => person.displayName),
  ];
  return names.length === 0 ? "Private: only you" : `Shared with ${names.join(", ")}`;
}

/** The server's messages about named people ("sections.goals.people.0"), with their names. */
function peopleMessages(
  error: unknown,
  body: UpdateSharingBody | undefined,
  rows: readonly SharingRow[],
): string[] {
  if (!(error instanceof ApiError) || !error.fields || !body) return [];
  return Object.entries(error.fields).map(([path, message]) => {
    const [, section, , index] = path.split(".");
    const id = body.sections[section as keyof UpdateSharingBody["sections"]]?.people[Number(index)];
    const name = rows.find((row) => row.id === id)?.displayName;
    return name ? `${name}: ${message}` : String(message);
  });
}

function SharingForm({
  planId,
  ownerId,
  sharing,
  onDone,
}: {
  planId: string;
  ownerId: string;
  sharing: SharingView;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const summaryId = useId();
  const [pickerKey, setPickerKey] = useState(0);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState(sharing.version);
  const {
    form,
    mutation: save,
    onSubmit,
    formError,
    setFormError,
  } = useApiForm({
    schema: sharingFormSchema,
    mode: "controlled",
    initialValues: { rows: rowsOf(sharing) } as SharingFormValues,
    submit: (body) => updateSharing(planId, { ...body, baseVersion }),
    onSuccess: async (result) => {
      if (result.outcome === "conflict") {
        // Another window saved first: show what is stored now, never overwrite it.
        const current = result.current;
        queryClient.setQueryData(sharingQuery(planId).queryKey, current);
        setBaseVersion(current.version);
        form.setValues({ rows: rowsOf(current) });
        form.resetDirty({ rows: rowsOf(current) });
        setFormError(
          "Who sees this plan was changed in another window. Nothing was overwritten: the grid now shows the sharing as it is; make your change again.",
        );
        return;
      }
      queryClient.setQueryData(sharingQuery(planId).queryKey, result.saved);
      await queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
      notifications.show({ color: "green", message: "Sharing saved." });
      onDone();
    },
  });
  const rows = form.values.rows;
  const setRows = (next: SharingRow[]) => form.setFieldValue("rows", next);
  const clientErrors = Object.values(form.errors).filter(Boolean);
  const refusals = peopleMessages(save.error, save.variables, rows);

  const addPerson = (personId: string | null) => {
    if (!personId) return;
    void queryClient.fetchQuery(personQuery(personId)).then(({ person }) => {
      setPickerKey((key) => key + 1);
      if (!rows.some((row) => row.id === person.id)) {
        setRows([...rows, { id: person.id, displayName: person.displayName, sections: [] }]);
      }
      setFocusRow(person.id);
    });
  };
  // The new row is where the person's sections are ticked, all at once: focus goes there once
  // it is on the page.
  useEffect(() => {
    if (!focusRow) return;
    const input = document.querySelector<HTMLInputElement>(`input[data-row="${focusRow}"]`);
    if (!input) return;
    input.focus();
    setFocusRow(null);
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-describedby={summaryId}>
      <Stack gap="md">
        <Text size="sm">
          You decide who reads each section. People see only the sections ticked on their row, and
          can comment there. Removing someone takes effect at once.
        </Text>
        {!sharing.manager && (
          <Alert variant="light" color="gray">
            You have no manager in Trellis at the moment, so what you share with your manager is
            readable by no one until you have one.
          </Alert>
        )}
        {refusals.length === 0 && <FormErrorAlert message={formError} />}
        {(refusals.length > 0 || clientErrors.length > 0) && (
          <Alert color="red" variant="light" title="Some people cannot be given access">
            <List size="sm">
              {[...refusals, ...clientErrors.map(String)].map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group gap="xs" role="group" aria-label="Presets">
          {presets.map((preset) => (
            <Button
              key={preset.label}
              variant="light"
              size="compact-sm"
              onClick={() => setRows(preset.apply(rows))}
            >
              {preset.label}
            </Button>
          ))}
        </Group>
        <SharingGrid rows={rows} manager={sharing.manager} onChange={setRows} />
        <PersonSelect
          key={pickerKey}
          label="Add a person"
          description="They get a row of their own: tick the sections they may read."
          placeholder="Search people by name"
          value={null}
          excludeId={ownerId}
          onChange={addPerson}
          style={{ maxWidth: "24rem" }}
        />
        <Stack gap={4} component="section" aria-labelledby={`${summaryId}-title`}>
          <Group gap="xs">
            <Title order={3} size="h6" id={`${summaryId}-title`}>
              Who sees what
            </Title>
            {form.isDirty() && (
              <Text size="sm" c="dimmed">
                once you save
              </Text>
            )}
          </Group>
          <List size="sm" spacing={2} id={summaryId} aria-live="polite">
            {summaryOf(rows, sharing.manager).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Stack>
        <FormActions onCancel={onDone} submitLabel="Save sharing" pending={save.isPending} />
      </Stack>
    </form>
  );
}
