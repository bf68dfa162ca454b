import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  type TitleOrder,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconCheck,
  IconChevronDown,
  IconChevronUp,
  IconEye,
  IconEyeOff,
  IconPencil,
  IconTrash,
  IconUsers,
} from "@tabler/icons-react";
import { useId, useState } from "react";
import type {
  PathwayMemberItem,
  PathwayProgressSource,
  PathwayView,
} from "#core/pathway/pathway-api.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { undoItemDone, unhideItem } from "../../api/pathway.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { Markdown } from "../../components/markdown.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import classes from "./pathway.module.css";
import {
  CustomItemDialog,
  DeleteCustomItemDialog,
  HideDialog,
  MarkDoneDialog,
} from "./pathway-item-forms.tsx";
import { descriptionAddsToTitle, itemAnchorId, itemKindLabels, itemState } from "./pathway-view.ts";
import { usePathwayUpdate } from "./use-pathway-update.ts";

/** Why an item another area completed is done. */
const sourceNotes: Record<PathwayProgressSource, string> = {
  member: "",
  growth_plan: " (from a growth plan)",
  career_conversation: " (from a held career conversation)",
};

interface PathwayItemCardProps {
  view: PathwayView;
  item: PathwayMemberItem;
  headingOrder: TitleOrder;
  /** Show the description without asking (the quarter the member is in). */
  expanded?: boolean;
  /** An open item of a past quarter. */
  leftBehind?: boolean;
  /** Removed from the template: history only. */
  readOnly?: boolean;
}

export function PathwayItemCard({
  view,
  item,
  headingOrder,
  expanded = false,
  leftBehind = false,
  readOnly = false,
}: PathwayItemCardProps) {
  const state = itemState(item);
  const [open, setOpen] = useState(expanded);
  const detailsId = useId();
  const hasMore = descriptionAddsToTitle(item);

  return (
    <Paper
      component="li"
      id={itemAnchorId(item.id)}
      withBorder
      radius="md"
      p="md"
      className={classes.item}
      data-state={state}
      aria-label={item.title}
      tabIndex={-1}
    >
      <Stack gap="xs">
        <Title order={headingOrder} size="h5" className={classes.itemTitle}>
          {state === "done" && (
            <IconCheck size={18} aria-hidden className={classes.doneIcon} stroke={2.5} />
          )}
          {item.title}
        </Title>
        <Group gap={6}>
          <Badge variant="light" color="gray" tt="none">
            {itemKindLabels[item.kind]}
          </Badge>
          {item.origin === "custom" && (
            <Badge variant="light" color="indigo" c="var(--pathway-own-text)" tt="none">
              {view.relation === "self" ? "Your own" : "Their own"}
            </Badge>
          )}
          {state === "done" && (
            <Badge variant="filled" tt="none">
              Done
            </Badge>
          )}
          {state === "hidden" && (
            <Badge variant="outline" color="gray" tt="none">
              Hidden
            </Badge>
          )}
          {leftBehind && state === "open" && (
            <Badge variant="light" color="orange" c="var(--pathway-warning-text)" tt="none">
              Left behind
            </Badge>
          )}
        </Group>
        {item.audienceNote && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconUsers size={16} aria-hidden className={classes.audienceIcon} />
            <Text size="sm" c="dimmed">
              {capitalize(item.audienceNote)}
            </Text>
          </Group>
        )}
        {hasMore && open && (
          <div id={detailsId} className={classes.description}>
            <Markdown>{item.description}</Markdown>
          </div>
        )}
        {(!hasMore || !open) && item.links.length > 0 && (
          <Group gap="xs" component="ul" className={classes.links} aria-label="Links">
            {item.links.map((link, index) => (
              // A description may link to the same page twice.
              // biome-ignore lint/suspicious/noArrayIndexKey: links have no id of their own
              <li key={`${index}-${link.url}`}>
                <Anchor
                  href={link.url}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  size="sm"
                >
                  {link.text}
                </Anchor>
              </li>
            ))}
          </Group>
        )}
        <ProgressDetails item={item} />
        <Group gap="xs">
          {hasMore && (
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={open}
              aria-controls={open ? detailsId : undefined}
              leftSection={
                open ? (
                  <IconChevronUp size={16} aria-hidden />
                ) : (
                  <IconChevronDown size={16} aria-hidden />
                )
              }
              onClick={() => setOpen(!open)}
            >
              {open ? "Hide details" : "Show details"}
            </Button>
          )}
          {view.canEdit && !readOnly && <ItemActions view={view} item={item} />}
        </Group>
      </Stack>
    </Paper>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ProgressDetails({ item }: { item: PathwayMemberItem }) {
  const { progress } = item;
  if (!progress) return null;
  if (progress.status === "hidden") {
    return (
      <Text size="sm" c="dimmed">
        Hidden{progress.hiddenReason ? `: ${progress.hiddenReason}` : ""}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm">
        Done{progress.doneOn ? ` on ${formatCalendarDate(progress.doneOn)}` : ""}
        {sourceNotes[progress.source]}
        {progress.evidenceUrl && (
          <>
            {" · "}
            <Anchor
              href={progress.evidenceUrl}
              target="_blank"
              rel="noopener noreferrer nofollow"
              underline="always"
            >
              Evidence
            </Anchor>
          </>
        )}
      </Text>
      {progress.note && (
        <Text size="sm" c="dimmed" className={classes.note}>
          {progress.note}
        </Text>
      )}
    </Stack>
  );
}

function ItemActions({ view, item }: { view: PathwayView; item: PathwayMemberItem }) {
  const state = itemState(item);
  const [doneOpened, doneDialog] = useDisclosure(false);
  const [hideOpened, hideDialog] = useDisclosure(false);
  const [editOpened, editDialog] = useDisclosure(false);
  const [deleteOpened, deleteDialog] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const undo = usePathwayUpdate(
    () => (state === "hidden" ? unhideItem : undoItemDone)(view.person.id, item.id),
    { onSuccess: () => setError(null), onError: (cause) => setError(errorMessage(cause)) },
  );

  return (
    <>
      {state === "open" && (
        <CompactButton variant="filled" icon={IconCheck} onClick={doneDialog.open}>
          Mark done
        </CompactButton>
      )}
      {state === "done" && (
        <>
          <Button size="compact-sm" variant="default" onClick={doneDialog.open}>
            Change
          </Button>
          <CompactButton
            variant="default"
            loading={undo.isPending}
            onClick={() => undo.mutate(undefined)}
          >
            Undo
          </CompactButton>
        </>
      )}
      {state === "hidden" && (
        <CompactButton
          variant="default"
          icon={IconEye}
          loading={undo.isPending}
          onClick={() => undo.mutate(undefined)}
        >
          Unhide
        </CompactButton>
      )}
      {state !== "hidden" && item.origin === "template" && (
        <CompactButton icon={IconEyeOff} onClick={hideDialog.open}>
          Hide
        </CompactButton>
      )}
      {item.origin === "custom" && (
        <>
          <CompactButton icon={IconPencil} onClick={editDialog.open}>
            Edit
          </CompactButton>
          <CompactButton color="red" icon={IconTrash} onClick={deleteDialog.open}>
            Delete
          </CompactButton>
        </>
      )}
      {error && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert" w="100%">
          {error}
        </Text>
      )}
      <MarkDoneDialog view={view} item={item} opened={doneOpened} onClose={doneDialog.close} />
      <HideDialog view={view} item={item} opened={hideOpened} onClose={hideDialog.close} />
      {item.origin === "custom" && (
        <>
          <CustomItemDialog
            view={view}
            item={item}
            opened={editOpened}
            onClose={editDialog.close}
          />
          <DeleteCustomItemDialog
            view={view}
            item={item}
            opened={deleteOpened}
            onClose={deleteDialog.close}
          />
        </>
      )}
    </>
  );
}
