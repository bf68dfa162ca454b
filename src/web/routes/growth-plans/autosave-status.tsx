import { Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCloudOff, IconLoader2 } from "@tabler/icons-react";
import type { AutosaveStatus } from "./autosave/autosave-machine.ts";
import { autosaveStatusLabels } from "./autosave/autosave-machine.ts";
import classes from "./growth-plans.module.css";

const icons: Record<AutosaveStatus, typeof IconCheck> = {
  saved: IconCheck,
  pending: IconLoader2,
  saving: IconLoader2,
  offline: IconCloudOff,
  invalid: IconAlertTriangle,
  failed: IconAlertTriangle,
  conflict: IconAlertTriangle,
};

const tones: Partial<Record<AutosaveStatus, string | undefined>> = {
  offline: classes.warningText,
  invalid: classes.errorText,
  failed: classes.errorText,
  conflict: classes.errorText,
};

/** The page's save state, announced politely to screen readers as it changes. */
export function AutosaveStatusIndicator({ status }: { status: AutosaveStatus }) {
  const Icon = icons[status];
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" aria-label="Save status">
      <Icon size={18} aria-hidden className={tones[status]} />
      <Text size="sm" c={tones[status] ? undefined : "dimmed"} className={tones[status]} fw={500}>
        {autosaveStatusLabels[status]}
      </Text>
    </Group>
  );
}
