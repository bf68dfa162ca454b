import { Badge, Group, Loader, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconCheck, IconChevronDown, IconCircle, IconEyeOff } from "@tabler/icons-react";
import { lazy, Suspense, useId, useState } from "react";
import type { PathwayMemberItem, PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { markItemDone } from "../../api/pathway.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import classes from "./pathway.module.css";
import { itemAnchorId, itemKindLabels, itemState } from "./pathway-view.ts";
import { usePathwayUpdate } from "./use-pathway-update.ts";

// Details open on demand: their Markdown, date picker and dialogs load the first time a row
// opens, so home and the pathway list do not carry them.
const PathwayItemDetails = lazy(async () => ({
  default: (await import("./pathway-item-details.tsx")).PathwayItemDetails,
}));

interface PathwayItemRowProps {
  view: PathwayView;
  item: PathwayMemberItem;
  /** An item of a past quarter: still open means left behind. */
  inPast?: boolean;
  /** Removed from the template: history only. */
  readOnly?: boolean;
}

/**
 * One item as a compact row: its state, its title and kind, and one click to mark it done today.
 * Everything else (what it is about, the date and evidence, hiding) opens under the row.
 */
export function PathwayItemRow({
  view,
  item,
  inPast = false,
  readOnly = false,
}: PathwayItemRowProps) {
  const state = itemState(item);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const detailsId = useId();
  const editable = view.canEdit && !readOnly;
  const markDone = usePathwayUpdate(() => markItemDone(view.person.id, item.id, {}), {
    onSuccess: () => setError(null),
    onError: (cause) => setError(errorMessage(cause)),
  });

  return (
    <li
      id={itemAnchorId(item.id)}
      className={classes.row}
      data-state={state}
      aria-label={item.title}
      tabIndex={-1}
    >
      <div className={classes.rowMain}>
        <StateMark state={state} />
        <div className={classes.rowText}>
          <Text size="sm" fw={500} className={classes.itemTitle}>
            {item.title}
          </Text>
          <Group gap={6} className={classes.rowMeta}>
            <Text span size="xs" c="dimmed">
              {itemKindLabels[item.kind]}
            </Text>
            {item.origin === "custom" && (
              <Badge size="xs" variant="light" color="indigo" c="var(--pathway-own-text)" tt="none">
                {view.relation === "self" ? "Your own" : "Their own"}
              </Badge>
            )}
            {state === "done" && (
              <Badge size="xs" variant="filled" tt="none">
                Done
              </Badge>
            )}
            {state === "done" && item.progress?.doneOn && (
              <Text span size="xs" c="dimmed">
                {formatCalendarDate(item.progress.doneOn)}
              </Text>
            )}
            {state === "hidden" && (
              <Badge size="xs" variant="outline" color="gray" tt="none">
                Hidden
              </Badge>
            )}
            {inPast && state === "open" && (
              <Badge
                size="xs"
                variant="light"
                color="orange"
                c="var(--pathway-warning-text)"
                tt="none"
              >
                Left behind
              </Badge>
            )}
          </Group>
        </div>
        <Group gap={4} wrap="nowrap" className={classes.rowActions}>
          {/* With the details open, their form's own "Mark done" takes a date and evidence. */}
          {editable && state === "open" && !open && (
            <CompactButton
              variant="light"
              icon={IconCheck}
              loading={markDone.isPending}
              onClick={() => markDone.mutate(undefined)}
            >
              Mark done
            </CompactButton>
          )}
          <UnstyledButton
            className={classes.detailsToggle}
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={() => setOpen(!open)}
          >
            <IconChevronDown
              size={16}
              aria-hidden
              className={classes.chevron}
              data-open={open || undefined}
            />
            Details
            <VisuallyHidden> of {item.title}</VisuallyHidden>
          </UnstyledButton>
        </Group>
      </div>
      {error && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert" mt={4}>
          {error}
        </Text>
      )}
      {open && (
        <Suspense fallback={<Loader size="sm" m="xs" aria-label="Loading the details" />}>
          <PathwayItemDetails
            id={detailsId}
            view={view}
            item={item}
            editable={editable}
            onCollapse={() => setOpen(false)}
          />
        </Suspense>
      )}
    </li>
  );
}

function StateMark({ state }: { state: ReturnType<typeof itemState> }) {
  if (state === "done") {
    return <IconCheck size={18} stroke={2.5} aria-hidden className={classes.doneIcon} />;
  }
  if (state === "hidden") {
    return <IconEyeOff size={18} aria-hidden className={classes.hiddenIcon} />;
  }
  return <IconCircle size={18} aria-hidden className={classes.openIcon} />;
}
