import { Alert, Button, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { errorMessage } from "../api/api-error.ts";
import { PublicPageShell } from "./public-page-shell.tsx";
import { usePageTitle } from "./use-page-title.ts";

/** A page inside the app layout failed: the layout stays, the page offers to try again. */
export function RouteError({ error }: ErrorComponentProps) {
  usePageTitle("Something went wrong");
  return <RouteErrorMessage error={error} />;
}

/** A route with no layout around it failed (or the layout itself did): give it a frame. */
export function StandaloneRouteError({ error }: ErrorComponentProps) {
  usePageTitle("Something went wrong");
  return (
    <PublicPageShell title="Something went wrong">
      <RouteErrorMessage error={error} />
    </PublicPageShell>
  );
}

function RouteErrorMessage({ error }: { error: unknown }) {
  const router = useRouter();
  return (
    <Stack align="flex-start">
      <Alert
        color="red"
        variant="light"
        title="This page could not be loaded"
        icon={<IconAlertTriangle aria-hidden />}
        role="alert"
        w="100%"
      >
        {errorMessage(error)}
      </Alert>
      <Button onClick={() => router.invalidate()}>Try again</Button>
    </Stack>
  );
}
