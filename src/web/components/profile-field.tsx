import { Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** One term and its value in a profile's description list; an empty value reads "Not set". */
export function ProfileField({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: "anywhere" }}>
        {children || (
          <Text component="span" c="dimmed" fw={400}>
            Not set
          </Text>
        )}
      </Text>
    </Stack>
  );
}
