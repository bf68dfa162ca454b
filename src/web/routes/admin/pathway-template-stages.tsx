import {
  ActionIcon,
  Badge,
  Button,
  Collapse,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowDown,
  IconArrowUp,
  IconChevronDown,
  IconChevronRight,
  IconPencil,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useEffect, useId, useRef, useState } from "react";
import type {
  PathwayTemplateDetail,
  PathwayTemplateItem,
  PathwayTemplateStage,
} from "#core/pathway/pathway-api.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import {
  addPathwayStage,
  deletePathwayItem,
  removePathwayStage,
  reorderPathwayItems,
} from "../../api/pathway.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { Markdown } from "../../components/markdown.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { itemKindLabels } from "../pathway/pathway-view.ts";
import { addableStages, moveItem } from "./pathway-template-editing.ts";
import { PathwayItemDialog } from "./pathway-template-item-form.tsx";
import { usePathwayTemplateUpdate } from "./use-pathway-template-update.ts";

// The stages of a pathway template and the items of each, as the editor lists them.

export function StagesSection({ template }: { template: PathwayTemplateDetail }) {
  const options = addableStages(template.stages);
  const [stageKey, setStageKey] = useState(options[0]?.value ?? "");
  const [error, setError] = useState<string | null>(null);
  const add = usePathwayTemplateUpdate(() => addPathwayStage(template.id, { key: stageKey }), {
    onSuccess: () => setError(null),
    onError: (cause) =>
      setError(
        cause instanceof ApiError ? (cause.fields?.key ?? cause.message) : errorMessage(cause),
      ),
  });
  const chosen = options.some((option) => option.value === stageKey)
    ? stageKey
    : (options[0]?.value ?? "");
  // Stages are folded by id; a new stage starts unfolded.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const allFolded = template.stages.length > 0 && folded.size >= template.stages.length;
  const toggle = (stageId: string) => {
    const next = new Set(folded);
    if (next.has(stageId)) next.delete(stageId);
    else next.add(stageId);
    setFolded(next);
  };

  return (
    <TitledSection
      title="Stages and items"
      description="Members see each quarter's items during that quarter of their tenure; considerations come after the last year."
    >
      <Stack gap="md">
        {template.stages.length === 0 && <Text c="dimmed">No stages yet: add the first one.</Text>}
        {template.stages.length > 1 && (
          <Group justify="flex-end">
            <CompactButton
              onClick={() =>
                setFolded(allFolded ? new Set() : new Set(template.stages.map((stage) => stage.id)))
              }
            >
              {allFolded ? "Unfold all stages" : "Fold all stages"}
            </CompactButton>
          </Group>
        )}
        {template.stages.map((stage) => (
          <StageEditor
            key={stage.id}
            template={template}
            stage={stage}
            folded={folded.has(stage.id)}
            onToggle={() => toggle(stage.id)}
          />
        ))}
        {options.length > 0 && (
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label="New stage"
              data={options}
              value={chosen}
              error={error}
              onChange={(event) => setStageKey(event.currentTarget.value)}
            />
            <Button
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden />}
              loading={add.isPending}
              onClick={() => {
                setStageKey(chosen);
                add.mutate(undefined);
              }}
            >
              Add stage
            </Button>
          </Group>
        )}
      </Stack>
    </TitledSection>
  );
}

function StageEditor({
  template,
  stage,
  folded,
  onToggle,
}: {
  template: PathwayTemplateDetail;
  stage: PathwayTemplateStage;
  folded: boolean;
  onToggle: () => void;
}) {
  const headingId = useId();
  const itemsId = useId();
  // After a move, focus stays on the moved item's button (or its other one at an end).
  const [moved, setMoved] = useState<{ itemId: string; delta: -1 | 1 } | null>(null);
  const [adding, setAdding] = useState(false);
  const remove = usePathwayTemplateUpdate(() => removePathwayStage(template.id, stage.id));
  const reorder = usePathwayTemplateUpdate((itemIds: string[]) =>
    reorderPathwayItems(template.id, stage.id, itemIds),
  );
  const ids = stage.items.map((item) => item.id);

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Title order={3} size="h5" id={headingId}>
              <UnstyledButton
                onClick={onToggle}
                aria-expanded={!folded}
                aria-controls={itemsId}
                fw={700}
                style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
              >
                {folded ? (
                  <IconChevronRight size={16} aria-hidden />
                ) : (
                  <IconChevronDown size={16} aria-hidden />
                )}
                {stage.label}
              </UnstyledButton>
            </Title>
            <Text size="sm" c="dimmed">
              {stage.items.length} {stage.items.length === 1 ? "item" : "items"}
            </Text>
          </Group>
          <Group gap="xs">
            <CompactButton variant="light" icon={IconPlus} onClick={() => setAdding(true)}>
              Add item
            </CompactButton>
            {stage.items.length === 0 && (
              <CompactButton
                color="red"
                icon={IconTrash}
                loading={remove.isPending}
                onClick={() => remove.mutate(undefined)}
              >
                Remove stage
              </CompactButton>
            )}
          </Group>
        </Group>
        <Collapse expanded={!folded} id={itemsId}>
          {stage.items.length > 0 && (
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
              {stage.items.map((item, index) => (
                <ItemRow
                  key={item.id}
                  template={template}
                  item={item}
                  first={index === 0}
                  last={index === stage.items.length - 1}
                  moving={reorder.isPending}
                  focusMove={moved?.itemId === item.id ? moved.delta : null}
                  onMove={(delta) => {
                    setMoved({ itemId: item.id, delta });
                    reorder.mutate(moveItem(ids, index, delta));
                  }}
                />
              ))}
            </Stack>
          )}
        </Collapse>
      </Stack>
      <PathwayItemDialog
        template={template}
        stageId={stage.id}
        opened={adding}
        onClose={() => setAdding(false)}
      />
    </Paper>
  );
}

function ItemRow({
  template,
  item,
  first,
  last,
  moving,
  focusMove,
  onMove,
}: {
  template: PathwayTemplateDetail;
  item: PathwayTemplateItem;
  first: boolean;
  last: boolean;
  moving: boolean;
  /** The direction this item was just moved in, to keep focus on its buttons. */
  focusMove: -1 | 1 | null;
  onMove: (delta: -1 | 1) => void;
}) {
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusMove === null || moving) return;
    const wanted = focusMove === -1 ? (first ? downRef : upRef) : last ? upRef : downRef;
    wanted.current?.focus();
  }, [focusMove, moving, first, last]);
  const [editing, setEditing] = useState(false);
  const [showDescription, setShowDescription] = useState(false);
  const remove = usePathwayTemplateUpdate(() => deletePathwayItem(template.id, item.id), {
    onSuccess: () =>
      notifications.show({
        message: `“${item.title}” was removed. Members who recorded progress on it keep it as history.`,
      }),
  });
  const descriptionId = useId();

  return (
    <Paper component="li" withBorder radius="sm" p="sm" aria-label={item.title}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: "anywhere" }}>
              {item.title}
            </Text>
            <Group gap={6}>
              <Badge variant="light" color="gray" tt="none">
                {itemKindLabels[item.kind]}
              </Badge>
              {item.audienceNote && (
                <Text size="sm" c="dimmed">
                  {item.audienceNote}
                </Text>
              )}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              ref={upRef}
              variant="default"
              aria-label={`Move “${item.title}” up`}
              disabled={first}
              onClick={() => !moving && onMove(-1)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              ref={downRef}
              variant="default"
              aria-label={`Move “${item.title}” down`}
              disabled={last}
              onClick={() => !moving && onMove(1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        {showDescription && (
          <div id={descriptionId}>
            <Markdown>{item.description}</Markdown>
          </div>
        )}
        <Group gap="xs">
          <CompactButton
            color="trellis"
            aria-expanded={showDescription}
            aria-controls={showDescription ? descriptionId : undefined}
            onClick={() => setShowDescription(!showDescription)}
          >
            {showDescription ? "Hide description" : "Show description"}
          </CompactButton>
          <CompactButton icon={IconPencil} onClick={() => setEditing(true)}>
            Edit
          </CompactButton>
          <CompactButton
            color="red"
            icon={IconTrash}
            loading={remove.isPending}
            onClick={() => remove.mutate(undefined)}
          >
            Remove
          </CompactButton>
        </Group>
      </Stack>
      <PathwayItemDialog
        template={template}
        stageId={item.stageId}
        item={item}
        opened={editing}
        onClose={() => setEditing(false)}
      />
    </Paper>
  );
}
