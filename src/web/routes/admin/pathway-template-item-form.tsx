import { NativeSelect, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { pathwayItemKinds } from "#core/pathway/pathway.schemas.ts";
import type {
  CreatePathwayItemBody,
  PathwayTemplateDetail,
  PathwayTemplateItem,
  UpdatePathwayItemBody,
} from "#core/pathway/pathway-api.schemas.ts";
import { createPathwayItem, updatePathwayItem } from "../../api/pathway.api.ts";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { ResponsiveModal } from "../../components/responsive-modal.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { ResourcePicker } from "../learning/resource-picker.tsx";
import { itemKindLabels } from "../pathway/pathway-view.ts";
import { changedItemFields, itemFormSchema, itemFormValues } from "./pathway-template-editing.ts";
import { useStorePathwayTemplate } from "./use-pathway-template-update.ts";

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
  const stage = template.stages.find((candidate) => candidate.id === stageId);
  return (
    <ResponsiveModal
      opened={opened}
      onClose={onClose}
      title={item ? `Edit “${item.title}”` : `Add an item to ${stage?.label ?? "this stage"}`}
    >
      <ItemForm template={template} stageId={stageId} item={item} onDone={onClose} />
    </ResponsiveModal>
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
  const storeTemplate = useStorePathwayTemplate(onDone);
  const [targetStageId, setTargetStageId] = useState(stageId);
  const [resourceId, setResourceId] = useState(item?.resourceId ?? null);
  const {
    form,
    mutation: save,
    onSubmit,
    formError,
  } = useApiForm({
    schema: itemFormSchema(item ? "edit" : "create"),
    mode: "controlled",
    initialValues: itemFormValues(item),
    submit: (parsed) => {
      if (!item) {
        const body: CreatePathwayItemBody = { stageId, description: parsed.description };
        if (parsed.title !== undefined) body.title = parsed.title;
        if (parsed.kind !== undefined) body.kind = parsed.kind;
        if (typeof parsed.audienceNote === "string") body.audienceNote = parsed.audienceNote;
        return createPathwayItem(template.id, body);
      }
      const changes: UpdatePathwayItemBody = changedItemFields(item, parsed);
      if (targetStageId !== item.stageId) changes.stageId = targetStageId;
      if (resourceId !== item.resourceId) changes.resourceId = resourceId;
      return updatePathwayItem(template.id, item.id, changes);
    },
    onSuccess: storeTemplate,
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <TextInput
          label="Title"
          description={item ? undefined : "Leave empty to use the description's first sentence."}
          withAsterisk={Boolean(item)}
          {...form.getInputProps("title")}
        />
        <GrowingTextarea
          label="Description"
          description="Markdown. Links such as /handbook/… point into the handbook."
          withAsterisk
          minRows={4}
          maxRows={14}
          {...form.getInputProps("description")}
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
          <ResourcePicker
            label="Learning resource"
            description="The directory entry members open from this item."
            value={resourceId}
            onChange={setResourceId}
          />
        )}
        {item && (
          <NativeSelect
            label="Stage"
            description="Moving an item puts it at the end of the other stage."
            data={template.stages.map((stage) => ({ value: stage.id, label: stage.label }))}
            value={targetStageId}
            onChange={(event) => setTargetStageId(event.currentTarget.value)}
          />
        )}
        <FormActions
          onCancel={onDone}
          submitLabel={item ? "Save item" : "Add item"}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}
