import { Button, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { PublicPageShell } from "./public-page-shell.tsx";
import { usePageTitle } from "./use-page-title.ts";

export function NotFound() {
  usePageTitle("Page not found");

  return (
    <PublicPageShell title="Page not found">
      <Stack align="flex-start">
        <Text>There is nothing at this address. It may have moved, or the link may be wrong.</Text>
        <Button component={Link} to="/">
          Go to the home page
        </Button>
      </Stack>
    </PublicPageShell>
  );
}
