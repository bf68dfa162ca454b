import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconEye,
  IconEyeOff,
  IconPencil,
  IconRotate,
  IconTrash,
  IconUsers,
} from "@tabler/icons-react";
import { useState } from "react";
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
  MarkDoneForm,
} from "./pathway-item-forms.tsx";
import { descriptionAddsToTitle, itemState } from "./pathway-view.ts";
import { usePathwayUpdate } from "./use-pathway-update.ts";

/** Why an item another area completed is done. */
const sourceNotes: Record<PathwayProgressSource, string> = {
  member: "",
  growth_plan: " (from a growth plan)",
  career_conversation: " (from a held career conversation)",
  learning_resource: " (from the learning directory)",
  live_learning: " (from an attended live session)",
  mentorship: " (from the mentorship program)",
  shadow_program: " (from a shadow program)",
  benefit: " (from the growth and development benefit)",
};

interface DetailsProps {
  id: string;
  view: PathwayView;
  item: PathwayMemberItem;
  editable: boolean;
  onCollapse: () => void;
}

/** What opens under an item's row: what it is about, what was recorded, and the forms. */
export function PathwayItemDetails({ id, view, item, editable, onCollapse }: DetailsProps) {
  const state = itemState(item);
  return (
    <Stack id={id} gap="sm" className={classes.details}>
      {item.audienceNote && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconUsers size={16} aria-hidden className={classes.audienceIcon} />
          <Text size="sm" c="dimmed">
            {capitalize(item.audienceNote)}
          </Text>
        </Group>
      )}
      {item.resourceId && (
        <Anchor href={`/learning/resources/${item.resourceId}`} size="sm">
          Open in the learning directory
        </Anchor>
      )}
      {descriptionAddsToTitle(item) ? (
        <div className={classes.description}>
          <Markdown>{item.description}</Markdown>
        </div>
      ) : (
        <ItemLinks item={item} />
      )}
      <ProgressDetails item={item} />
      {editable && state !== "hidden" && (
        <Stack gap="xs">
          <Title order={4} size="h6">
            {state === "done" ? "Date, evidence and note" : "Mark done with a date or evidence"}
          </Title>
          <MarkDoneForm view={view} item={item} onDone={onCollapse} />
        </Stack>
      )}
      {editable && <ItemActions view={view} item={item} />}
    </Stack>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ItemLinks({ item }: { item: PathwayMemberItem }) {
  if (item.links.length === 0) return null;
  return (
    <Group gap="xs" component="ul" className={classes.links} aria-label="Links">
      {item.links.map((link, index) => (
        // A description may link to the same page twice.
        // biome-ignore lint/suspicious/noArrayIndexKey: links have no id of their own
        <li key={`${index}-${link.url}`}>
          <Anchor href={link.url} target="_blank" rel="noopener noreferrer nofollow" size="sm">
            {link.text}
          </Anchor>
        </li>
      ))}
    </Group>
  );
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

/** Mark not done, hide or show again, and an own item's edit and delete. */
function ItemActions({ view, item }: { view: PathwayView; item: PathwayMemberItem }) {
  const state = itemState(item);
  const [hideOpened, hideDialog] = useDisclosure(false);
  const [editOpened, editDialog] = useDisclosure(false);
  const [deleteOpened, deleteDialog] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const revert = usePathwayUpdate(
    () => (state === "hidden" ? unhideItem : undoItemDone)(view.person.id, item.id),
    { onSuccess: () => setError(null), onError: (cause) => setError(errorMessage(cause)) },
  );

  return (
    <Group gap="xs">
      {state === "done" && (
        <CompactButton
          variant="default"
          icon={IconRotate}
          loading={revert.isPending}
          onClick={() => revert.mutate(undefined)}
        >
          Mark not done
        </CompactButton>
      )}
      {state === "hidden" && (
        <CompactButton
          variant="default"
          icon={IconEye}
          loading={revert.isPending}
          onClick={() => revert.mutate(undefined)}
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
    </Group>
  );
}
