import { Card, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

interface AccountSectionProps {
  title: string;
  description?: string;
  children: ReactNode;
}

/** A titled card that is also a labelled region, so each part of the page is a landmark. */
export function AccountSection({ title, description, children }: AccountSectionProps) {
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId} withBorder padding="lg" radius="lg">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}
