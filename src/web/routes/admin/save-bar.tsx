import { Group, Paper, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";

/** A long form's buttons and its message, kept in view at the bottom of the window. */
export function SaveBar({
  formError,
  children,
}: {
  formError: string | null;
  children: ReactNode;
}) {
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
        <Group gap="md">{children}</Group>
      </Stack>
    </Paper>
  );
}
