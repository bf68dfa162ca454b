import { Button, Group, Paper, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";

interface SaveBarProps {
  formError: string | null;
  saveLabel: string;
  pending: boolean;
  /** For a form that edits something saved: Save and Discard work only once it has changed. */
  changes?: { dirty: boolean; onDiscard: () => void };
  /** More actions after Save (and Discard). */
  children?: ReactNode;
}

/** A long form's buttons and its message, kept in view at the bottom of the window. */
export function SaveBar({ formError, saveLabel, pending, changes, children }: SaveBarProps) {
  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      mt="lg"
      style={{ position: "sticky", bottom: "var(--mantine-spacing-md)", zIndex: 2 }}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <Group gap="md">
          <Button type="submit" loading={pending} disabled={changes ? !changes.dirty : false}>
            {saveLabel}
          </Button>
          {changes && (
            <Button
              variant="default"
              disabled={!changes.dirty || pending}
              onClick={changes.onDiscard}
            >
              Discard changes
            </Button>
          )}
          {children}
        </Group>
      </Stack>
    </Paper>
  );
}
