import { Alert, Button, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { dismissNotice, myNoticesQuery } from "../../api/notices.api.ts";

/** What Trellis tells the member about their account (such as a new manager), until dismissed. */
export function AccountNotices() {
  const queryClient = useQueryClient();
  const notices = useQuery(myNoticesQuery);
  const dismiss = useMutation({
    mutationFn: dismissNotice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myNoticesQuery.queryKey }),
  });
  if (!notices.data || notices.data.notices.length === 0) return null;

  return (
    <Stack gap="sm" maw={640}>
      {notices.data.notices.map((notice) => (
        <Alert key={notice.id} color="yellow" title="Your manager changed" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{notice.message}</Text>
            <Button
              size="xs"
              variant="default"
              loading={dismiss.isPending && dismiss.variables === notice.id}
              onClick={() => dismiss.mutate(notice.id)}
            >
              Dismiss
            </Button>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
