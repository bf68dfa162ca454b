import { Button, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { usePageTitle } from "./use-page-title.ts";

interface PageNotFoundProps {
  title: string;
  message: string;
}

/** "Not found" inside the signed-in layout, e.g. a profile that does not exist or is hidden. */
export function PageNotFound({ title, message }: PageNotFoundProps) {
  usePageTitle(title);
  return (
    <Stack align="flex-start" gap="md">
      <Title order={1}>{title}</Title>
      <Text>{message}</Text>
      <Button component={Link} to="/people" variant="light">
        Go to the people directory
      </Button>
    </Stack>
  );
}
