import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconPlant2 } from "@tabler/icons-react";

export function Brand() {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={32} radius="md" aria-hidden>
        <IconPlant2 size={20} stroke={2} />
      </ThemeIcon>
      <Text component="span" fw={700} fz="lg" lh={1}>
        Trellis
      </Text>
    </Group>
  );
}
