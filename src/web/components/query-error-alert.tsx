import { Alert, Button, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { errorMessage } from "../api/api-error.ts";
import { PageLoader } from "./page-loader.tsx";

/** A part of the page could not be loaded: say why and offer to ask again. */
export function QueryErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      color="red"
      variant="light"
      title="This could not be loaded"
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
    >
      <Stack align="flex-start" gap="sm">
        {errorMessage(error)}
        <Button size="xs" variant="white" color="red" onClick={onRetry}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}

/** While a query loads, the loader; when it failed, the alert that offers to ask again. */
export function QueryStatus({
  query,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
}) {
  if (query.isError) {
    return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return query.isPending ? <PageLoader /> : null;
}
