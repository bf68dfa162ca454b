import {
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import type { z } from "zod";
import { pathwayItemKinds } from "#core/pathway/pathway.schemas.ts";
import {
  CreateCustomItemBody,
  HideItemBody,
  type MarkItemDoneBody,
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
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { applyApiErrorToForm } from "../../forms/api-form-errors.ts";
import { zodForm } from "../../forms/zod-form.ts";
import {
  type MarkDoneFormValues,
  markDoneFormSchema,
  markDoneFormValues,
} from "./pathway-forms.ts";
import { itemKindLabels, stageOptions } from "./pathway-view.ts";
import { usePathwayUpdate } from "./use-pathway-update.ts";

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}

/** Each form is its own screen on a phone, where a floating dialog leaves no room to type. */
function FormDialog({ opened, onClose, title, children }: DialogProps) {
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" fullScreen={isPhone}>
      {opened && children}
    </Modal>
  );
}

function FormButtons({
  onCancel,
  submit,
  pending,
}: {
  onCancel: () => void;
  submit: string;
  pending: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
    </Group>
  );
}

interface ItemDialogProps {
  view: PathwayView;
  item: PathwayMemberItem;
  opened: boolean;
  onClose: () => void;
}

export function MarkDoneDialog({ view, item, opened, onClose }: ItemDialogProps) {
  const again = item.progress?.status === "done";
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={again ? `Change “${item.title}”` : `Mark “${item.title}” done`}
    >
      <MarkDoneForm view={view} item={item} onDone={onClose} />
    </FormDialog>
  );
}

function MarkDoneForm({
  view,
  item,
  onDone,
}: {
  view: PathwayView;
  item: PathwayMemberItem;
  onDone: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const schema = markDoneFormSchema(view.today, view.person.hireDate);
  const form = useForm<MarkDoneFormValues, z.output<typeof schema>>({
    mode: "controlled",
    initialValues: markDoneFormValues(
      view.today,
      item.progress?.status === "done" ? item.progress : null,
    ),
    ...zodForm(schema),
  });
  const mutation = usePathwayUpdate(
    (body: MarkItemDoneBody) => markItemDone(view.person.id, item.id, body),
    { onSuccess: onDone, onError: (error) => setFormError(applyApiErrorToForm(form, error)) },
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        mutation.mutate(values);
      })}
    >
      <Stack>
        <FormErrorAlert message={formError} />
        <DateInput
          label="Date done"
          description="Today or earlier, in your own time zone."
          valueFormat="YYYY-MM-DD"
          placeholder="YYYY-MM-DD"
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
        <Textarea
          label="Note"
          description="Optional: what you took away from it."
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps("note")}
        />
        <FormButtons
          onCancel={onDone}
          submit={item.progress?.status === "done" ? "Save" : "Mark done"}
          pending={mutation.isPending}
        />
      </Stack>
    </form>
  );
}

export function HideDialog({ view, item, opened, onClose }: ItemDialogProps) {
  return (
    <FormDialog opened={opened} onClose={onClose} title={`Hide “${item.title}”`}>
      <HideForm view={view} item={item} onDone={onClose} />
    </FormDialog>
  );
}

function HideForm({
  view,
  item,
  onDone,
}: {
  view: PathwayView;
  item: PathwayMemberItem;
  onDone: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof HideItemBody>, HideItemBody>({
    mode: "controlled",
    initialValues: { reason: "" },
    ...zodForm(HideItemBody),
  });
  const mutation = usePathwayUpdate(
    (body: HideItemBody) => hideItem(view.person.id, item.id, body),
    {
      onSuccess: onDone,
      onError: (error) => setFormError(applyApiErrorToForm(form, error)),
    },
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        mutation.mutate(values);
      })}
    >
      <Stack>
        <Text size="sm">
          A hidden item no longer counts towards its quarter. It stays on your pathway, and you can
          show it again at any time.
        </Text>
        <FormErrorAlert message={formError} />
        <Textarea
          label="Reason"
          description="Optional, e.g. “Not relevant to my role”."
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps("reason")}
        />
        <FormButtons onCancel={onDone} submit="Hide item" pending={mutation.isPending} />
      </Stack>
    </form>
  );
}

type CustomItemValues = z.input<typeof CreateCustomItemBody>;

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
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={item ? `Edit “${item.title}”` : "Add your own item"}
    >
      <CustomItemForm view={view} item={item} stageKeyId={stageKeyId} onDone={onClose} />
    </FormDialog>
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
  const [formError, setFormError] = useState<string | null>(null);
  const stages = stageOptions(view);
  const itemStage =
    item && view.stages.find((stage) => stage.items.some(({ id }) => id === item.id));
  const form = useForm<CustomItemValues, CreateCustomItemBody>({
    mode: "controlled",
    initialValues: {
      stageKey: itemStage?.keyId ?? stageKeyId ?? stages[0]?.value ?? "",
      title: item?.title ?? "",
      description: item?.description ?? "",
      kind: item?.kind ?? "other",
    },
    ...zodForm(CreateCustomItemBody),
  });
  const mutation = usePathwayUpdate(
    (body: CreateCustomItemBody) =>
      item
        ? updateCustomItem(view.person.id, item.id, body)
        : createCustomItem(view.person.id, body),
    { onSuccess: onDone, onError: (error) => setFormError(applyApiErrorToForm(form, error)) },
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        mutation.mutate(values);
      })}
    >
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
        <Textarea
          label="Description"
          description="Optional. Markdown: [link text](https://…), **bold**, lists."
          autosize
          minRows={3}
          maxRows={12}
          {...form.getInputProps("description")}
        />
        <FormButtons
          onCancel={onDone}
          submit={item ? "Save changes" : "Add item"}
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
