import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";

/** The message for a whole form (field messages sit under their inputs). */
export function FormErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}
