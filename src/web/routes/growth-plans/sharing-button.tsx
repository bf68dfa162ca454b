import {
  Alert,
  Badge,
  Checkbox,
  CloseButton,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconShare } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { z } from "zod";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { PlanPerson } from "#core/growth-plan/plans.schemas.ts";
import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
  sectionTitles,
} from "#core/growth-plan/sections.schemas.ts";
import { type SharingView, UpdateSharingBody } from "#core/growth-plan/sharing.schemas.ts";
import { growthPlansQueryKey, sharingQuery, updateSharing } from "../../api/growth-plans.api.ts";
import { personQuery } from "../../api/queries.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GroupError } from "../../components/group-error.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { ModalButton } from "../../components/responsive-modal.tsx";
import { errorOfStringList } from "../../forms/field-paths.ts";
import { useApiForm } from "../../forms/use-api-form.ts";

type Audience = { manager: boolean; people: PlanPerson[] };
type SharingFormValues = { sections: Record<GrowthPlanSectionKey, Audience> };

/** The API's rules, checked on the body the form would send: the people's ids. */
const sharingFormSchema = z
  .custom<SharingFormValues>()
  .transform(({ sections }) => ({
    sections: Object.fromEntries(
      growthPlanSectionKeys.map((key) => [
        key,
        { manager: sections[key].manager, people: sections[key].people.map(({ id }) => id) },
      ]),
    ),
  }))
  .pipe(UpdateSharingBody);

export function SharingButton({ planId, ownerId }: { planId: string; ownerId: string }) {
  return (
    <ModalButton
      label="Sharing"
      variant="default"
      leftSection={<IconShare size={18} aria-hidden />}
      title="Who can read this plan"
      modalSize="xl"
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
  const {
    form,
    mutation: save,
    onSubmit,
    formError,
  } = useApiForm({
    schema: sharingFormSchema,
    mode: "controlled",
    initialValues: { sections: structuredClone(sharing.sections) } as SharingFormValues,
    submit: (body) => updateSharing(planId, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(sharingQuery(planId).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
      notifications.show({ color: "green", message: "Sharing saved." });
      onDone();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          You decide who reads each section. New plans share Section 2, Exploration, Section 3,
          Section 4 and the accomplishment log with your current manager; Section 1 and the energy
          journal stay private until you share them. People you name see only the sections you name
          them on, and can comment there. Removing someone takes effect at once.
        </Text>
        {!sharing.manager && (
          <Alert variant="light" color="gray">
            You have no manager in Trellis at the moment, so sections shared with your manager are
            readable by no one until you have one.
          </Alert>
        )}
        <FormErrorAlert message={formError} />
        {growthPlanSectionKeys.map((key) => (
          <SectionAudienceFields
            key={key}
            section={key}
            audience={form.values.sections[key]}
            error={
              form.errors[`sections.${key}`] ??
              form.errors[`sections.${key}.manager`] ??
              errorOfStringList(form.errors, `sections.${key}.people`, "Person")
            }
            manager={sharing.manager}
            ownerId={ownerId}
            onChange={(audience) => form.setFieldValue(`sections.${key}`, audience)}
          />
        ))}
        <FormActions onCancel={onDone} submitLabel="Save sharing" pending={save.isPending} />
      </Stack>
    </form>
  );
}

function SectionAudienceFields({
  section,
  audience,
  error,
  manager,
  ownerId,
  onChange,
}: {
  section: GrowthPlanSectionKey;
  audience: Audience;
  /** The server's message about who the section is shared with. */
  error: ReactNode;
  manager: PlanPerson | null;
  ownerId: string;
  onChange: (audience: Audience) => void;
}) {
  const headingId = useId();
  const isPrivate = !audience.manager && audience.people.length === 0;
  const [pickerKey, setPickerKey] = useState(0);
  const queryClient = useQueryClient();

  return (
    <Paper withBorder radius="md" p="md" component="fieldset" aria-labelledby={headingId} m={0}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h6" id={headingId}>
            {sectionTitles[section]}
          </Title>
          <Badge variant="light" color={isPrivate ? "gray" : "trellis"} tt="none">
            {isPrivate ? "Private" : "Shared"}
          </Badge>
        </Group>
        <Checkbox
          // Where focus goes when the section has a message.
          data-path={`sections.${section}`}
          label={manager ? `My manager, ${manager.displayName}` : "My manager"}
          checked={audience.manager}
          onChange={(event) => onChange({ ...audience, manager: event.currentTarget.checked })}
        />
        {audience.people.length > 0 && (
          <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {audience.people.map((person) => (
              <Paper component="li" key={person.id} withBorder radius="xl" pl="sm" pr={4} py={2}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{person.displayName}</Text>
                  <CloseButton
                    size="sm"
                    aria-label={`Stop sharing ${sectionTitles[section]} with ${person.displayName}`}
                    onClick={() =>
                      onChange({
                        ...audience,
                        people: audience.people.filter((candidate) => candidate.id !== person.id),
                      })
                    }
                  />
                </Group>
              </Paper>
            ))}
          </Group>
        )}
        {audience.people.length < growthPlanLimits.sharedPeoplePerSection && (
          <PersonSelect
            key={pickerKey}
            label="Also share with"
            placeholder="Search people by name"
            value={null}
            excludeId={ownerId}
            onChange={(personId) => {
              if (!personId) return;
              void queryClient.fetchQuery(personQuery(personId)).then(({ person }) => {
                setPickerKey((key) => key + 1);
                if (audience.people.some((candidate) => candidate.id === person.id)) return;
                onChange({
                  ...audience,
                  people: [...audience.people, { id: person.id, displayName: person.displayName }],
                });
              });
            }}
          />
        )}
        <GroupError message={error} />
      </Stack>
    </Paper>
  );
}
