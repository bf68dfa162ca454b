import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A message about a group of inputs as a whole, such as "Use at most 20 goals". */
export function GroupError({ message }: { message: ReactNode }) {
  if (!message) return null;
  return (
    <Text size="sm" c="red" role="alert">
      {message}
    </Text>
  );
}
