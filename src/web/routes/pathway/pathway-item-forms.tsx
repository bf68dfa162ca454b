import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { pathwayItemKinds } from "#core/pathway/pathway.schemas.ts";
import {
  CreateCustomItemBody,
  HideItemBody,
  type PathwayMemberItem,
  type PathwayView,
} from "#core/pathway/pathway-api.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  createCustomItem,
  deleteCustomItem,
  hideItem,
  markItemDone,
  updateCustomItem,
} from "../../api/pathway.api.ts";
import { DateField } from "../../components/date-field.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { ResponsiveModal } from "../../components/responsive-modal.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { markDoneFormSchema, markDoneFormValues } from "./pathway-forms.ts";
import { itemKindLabels, stageOptions } from "./pathway-view.ts";
import { usePathwayUpdate, useStorePathwayView } from "./use-pathway-update.ts";

interface ItemFormProps {
  view: PathwayView;
  item: PathwayMemberItem;
  onDone: () => void;
}

interface ItemDialogProps {
  view: PathwayView;
  item: PathwayMemberItem;
  opened: boolean;
  onClose: () => void;
}

/** The date, evidence and note of a done item; opens with today for an open one. */
export function MarkDoneForm({ view, item, onDone }: ItemFormProps) {
  const storeView = useStorePathwayView(onDone);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: markDoneFormSchema(view.today, view.person.hireDate),
    mode: "controlled",
    initialValues: markDoneFormValues(
      view.today,
      item.progress?.status === "done" ? item.progress : null,
    ),
    submit: (body) => markItemDone(view.person.id, item.id, body),
    onSuccess: storeView,
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={`When you did “${item.title}”`}>
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <DateField
          label="Date done"
          description="Today or earlier, in your own time zone."
          maxDate={view.today}
          {...(view.person.hireDate ? { minDate: view.person.hireDate } : {})}
          withAsterisk
          {...form.getInputProps("doneOn")}
        />
        <TextInput
          type="url"
          label="Evidence link"
          description="Optional: a certificate, a recording, notes… (http or https)"
          placeholder="https://"
          {...form.getInputProps("evidenceUrl")}
        />
        <GrowingTextarea
          label="Note"
          description="Optional: what you took away from it."
          {...form.getInputProps("note")}
        />
        <FormActions
          onCancel={onDone}
          submitLabel={item.progress?.status === "done" ? "Save" : "Mark done"}
          pending={mutation.isPending}
        />
      </Stack>
    </form>
  );
}

export function HideDialog({ view, item, opened, onClose }: ItemDialogProps) {
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={`Hide “${item.title}”`}>
      <HideForm view={view} item={item} onDone={onClose} />
    </ResponsiveModal>
  );
}

function HideForm({ view, item, onDone }: ItemFormProps) {
  const storeView = useStorePathwayView(onDone);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: HideItemBody,
    mode: "controlled",
    initialValues: { reason: "" },
    submit: (body) => hideItem(view.person.id, item.id, body),
    onSuccess: storeView,
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <Text size="sm">
          A hidden item no longer counts towards its quarter. It stays on your pathway, and you can
          show it again at any time.
        </Text>
        <FormErrorAlert message={formError} />
        <GrowingTextarea
          label="Reason"
          description="Optional, e.g. “Not relevant to my role”."
          maxRows={6}
          {...form.getInputProps("reason")}
        />
        <FormActions onCancel={onDone} submitLabel="Hide item" pending={mutation.isPending} />
      </Stack>
    </form>
  );
}

interface CustomItemDialogProps {
  view: PathwayView;
  opened: boolean;
  onClose: () => void;
  /** The own item to edit; without it the dialog adds one. */
  item?: PathwayMemberItem;
  /** Where a new item goes unless the member picks another stage. */
  stageKeyId?: string;
}

export function CustomItemDialog({
  view,
  opened,
  onClose,
  item,
  stageKeyId,
}: CustomItemDialogProps) {
  return (
    <ResponsiveModal
      opened={opened}
      onClose={onClose}
      title={item ? `Edit “${item.title}”` : "Add your own item"}
    >
      <CustomItemForm view={view} item={item} stageKeyId={stageKeyId} onDone={onClose} />
    </ResponsiveModal>
  );
}

function CustomItemForm({
  view,
  item,
  stageKeyId,
  onDone,
}: {
  view: PathwayView;
  item: PathwayMemberItem | undefined;
  stageKeyId: string | undefined;
  onDone: () => void;
}) {
  const storeView = useStorePathwayView(onDone);
  const stages = stageOptions(view);
  const itemStage =
    item && view.stages.find((stage) => stage.items.some(({ id }) => id === item.id));
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreateCustomItemBody,
    mode: "controlled",
    initialValues: {
      stageKey: itemStage?.keyId ?? stageKeyId ?? stages[0]?.value ?? "",
      title: item?.title ?? "",
      description: item?.description ?? "",
      kind: item?.kind ?? "other",
    },
    submit: (body) =>
      item
        ? updateCustomItem(view.person.id, item.id, body)
        : createCustomItem(view.person.id, body),
    onSuccess: storeView,
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <NativeSelect
          label="Stage"
          data={
            itemStage && !itemStage.inTemplate
              ? [{ value: itemStage.keyId, label: itemStage.label }, ...stages]
              : stages
          }
          {...form.getInputProps("stageKey")}
        />
        <TextInput label="Title" withAsterisk {...form.getInputProps("title")} />
        <NativeSelect
          label="Kind"
          data={pathwayItemKinds.map((kind) => ({ value: kind, label: itemKindLabels[kind] }))}
          {...form.getInputProps("kind")}
        />
        <GrowingTextarea
          label="Description"
          description="Optional. Markdown: [link text](https://…), **bold**, lists."
          minRows={3}
          maxRows={12}
          {...form.getInputProps("description")}
        />
        <FormActions
          onCancel={onDone}
          submitLabel={item ? "Save changes" : "Add item"}
          pending={mutation.isPending}
        />
      </Stack>
    </form>
  );
}

export function DeleteCustomItemDialog({ view, item, opened, onClose }: ItemDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const mutation = usePathwayUpdate(() => deleteCustomItem(view.person.id, item.id), {
    onSuccess: onClose,
    onError: (cause) => setError(errorMessage(cause)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Delete “${item.title}”?`}>
      <Stack>
        <Text size="sm">Your own item and what you recorded on it are deleted for good.</Text>
        <FormErrorAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() => mutation.mutate(undefined)}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
