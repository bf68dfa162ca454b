import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { pathwayItemKinds } from "#core/pathway/pathway.schemas.ts";
import type {
  CreatePathwayItemBody,
  PathwayTemplateDetail,
  PathwayTemplateItem,
  UpdatePathwayItemBody,
} from "#core/pathway/pathway-api.schemas.ts";
import {
  createPathwayItem,
  pathwayQueryKey,
  pathwayTemplateQuery,
  pathwayTemplatesQueryKey,
  updatePathwayItem,
} from "../../api/pathway.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { applyApiErrorToForm } from "../../forms/api-form-errors.ts";
import { zodForm } from "../../forms/zod-form.ts";
import { itemKindLabels } from "../pathway/pathway-view.ts";
import {
  changedItemFields,
  type ItemFormValues,
  itemFormSchema,
  itemFormValues,
} from "./pathway-template-editing.ts";

interface PathwayItemDialogProps {
  template: PathwayTemplateDetail;
  stageId: string;
  /** The item to edit; without it the dialog adds one to the stage. */
  item?: PathwayTemplateItem;
  opened: boolean;
  onClose: () => void;
}

export function PathwayItemDialog({
  template,
  stageId,
  item,
  opened,
  onClose,
}: PathwayItemDialogProps) {
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
  const stage = template.stages.find((candidate) => candidate.id === stageId);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={item ? `Edit “${item.title}”` : `Add an item to ${stage?.label ?? "this stage"}`}
      size="lg"
      fullScreen={isPhone}
    >
      {opened && <ItemForm template={template} stageId={stageId} item={item} onDone={onClose} />}
    </Modal>
  );
}

function ItemForm({
  template,
  stageId,
  item,
  onDone,
}: {
  template: PathwayTemplateDetail;
  stageId: string;
  item: PathwayTemplateItem | undefined;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [targetStageId, setTargetStageId] = useState(stageId);
  const form = useForm<ItemFormValues>({
    mode: "controlled",
    initialValues: itemFormValues(item),
    validate: zodForm(itemFormSchema(item ? "edit" : "create")).validate,
  });
  const save = useMutation({
    mutationFn: (values: ItemFormValues) => {
      if (!item) {
        const parsed = itemFormSchema("create").parse(values);
        const body: CreatePathwayItemBody = { stageId, description: parsed.description };
        if (parsed.title !== undefined) body.title = parsed.title;
        if (parsed.kind !== undefined) body.kind = parsed.kind;
        if (parsed.audienceNote !== undefined) body.audienceNote = parsed.audienceNote;
        return createPathwayItem(template.id, body);
      }
      const parsed = itemFormSchema("edit").parse(values);
      const changes: UpdatePathwayItemBody = changedItemFields(item, parsed);
      if (targetStageId !== item.stageId) changes.stageId = targetStageId;
      return updatePathwayItem(template.id, item.id, changes);
    },
    onSuccess: async (detail) => {
      queryClient.setQueryData(pathwayTemplateQuery(detail.id).queryKey, detail);
      onDone();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...pathwayTemplatesQueryKey, "list"] }),
        queryClient.invalidateQueries({ queryKey: pathwayQueryKey, refetchType: "none" }),
      ]);
    },
    onError: (error) => setFormError(applyApiErrorToForm(form, error)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <Stack>
        <FormErrorAlert message={formError} />
        <Textarea
          label="Description"
          description="Markdown. Links such as /handbook/… point into the handbook."
          withAsterisk
          autosize
          minRows={4}
          maxRows={14}
          {...form.getInputProps("description")}
        />
        <TextInput
          label="Title"
          description={item ? undefined : "Leave empty to use the description's first sentence."}
          withAsterisk={Boolean(item)}
          {...form.getInputProps("title")}
        />
        <NativeSelect
          label="Kind"
          data={[
            ...(item ? [] : [{ value: "", label: "Infer from the description" }]),
            ...pathwayItemKinds.map((kind) => ({ value: kind, label: itemKindLabels[kind] })),
          ]}
          {...form.getInputProps("kind")}
        />
        <TextInput
          label="Audience note"
          description={
            item
              ? "Who the item is for when not everyone, e.g. “if you are an aspiring manager”."
              : "Optional; inferred from phrases such as “if you are an aspiring manager”."
          }
          {...form.getInputProps("audienceNote")}
        />
        {item && (
          <NativeSelect
            label="Stage"
            description="Moving an item puts it at the end of the other stage."
            data={template.stages.map((stage) => ({ value: stage.id, label: stage.label }))}
            value={targetStageId}
            onChange={(event) => setTargetStageId(event.currentTarget.value)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {item ? "Save item" : "Add item"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
