import { Card, Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

interface TitledSectionProps {
  title: string;
  description?: ReactNode;
  /** Buttons that act on the whole section, beside its title. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled card that is also a labelled region, so each part of the page is a landmark. */
export function TitledSection({ title, description, actions, children }: TitledSectionProps) {
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId} withBorder padding="lg" radius="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: "1 1 16rem" }}>
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
