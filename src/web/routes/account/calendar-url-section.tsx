import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconCalendarPlus, IconCheck, IconCopy, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CalendarFeedView } from "#core/calendar.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { createCalendarFeedUrl, turnOffCalendarFeed } from "../../api/calendar.api.ts";
import { TitledSection } from "../../components/titled-section.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { calendarFeedQuery } from "./calendar-feed.queries.ts";

/** Turning the feed on, copying its URL (shown once), replacing it and turning it off. */
export function CalendarUrlSection({ feed }: { feed: CalendarFeedView }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const [regenerateOpened, regenerate] = useDisclosure(false);
  const [turnOffOpened, turnOff] = useDisclosure(false);
  const update = (view: CalendarFeedView) =>
    queryClient.setQueryData(calendarFeedQuery.queryKey, view);

  const create = useMutation({
    mutationFn: createCalendarFeedUrl,
    onSuccess: (created) => {
      setUrl(created.url);
      update(created.feed);
      regenerate.close();
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const off = useMutation({
    mutationFn: turnOffCalendarFeed,
    onSuccess: (view) => {
      setUrl(null);
      update(view);
      turnOff.close();
      notifications.show({ color: "green", message: "Calendar feed turned off." });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  return (
    <TitledSection
      title="Feed URL"
      description="Subscribe to this address in Google Calendar, Outlook or Apple Calendar. Anyone who has it can read the feed, so keep it to yourself."
    >
      {!feed.enabled && (
        <Group>
          <Button
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            loading={create.isPending}
            onClick={() => create.mutate()}
          >
            Turn on calendar feed
          </Button>
        </Group>
      )}
      {feed.enabled && (
        <Stack gap="sm">
          {url ? (
            <>
              <Alert color="blue" variant="light">
                Copy this URL now: it is shown only once. You can make a new one at any time.
              </Alert>
              <Group align="flex-end" wrap="nowrap" gap="xs">
                <TextInput
                  label="Your calendar feed URL"
                  value={url}
                  readOnly
                  style={{ flex: 1, minWidth: 0 }}
                  onFocus={(event) => event.currentTarget.select()}
                />
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button
                      variant="light"
                      onClick={copy}
                      leftSection={
                        copied ? (
                          <IconCheck size={16} aria-hidden />
                        ) : (
                          <IconCopy size={16} aria-hidden />
                        )
                      }
                    >
                      {copied ? "Copied" : "Copy"}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </>
          ) : (
            <Text size="sm">
              Your feed is on
              {feed.tokenCreatedAt ? ` (URL made ${formatDateTime(feed.tokenCreatedAt)})` : ""}. The
              URL was shown when it was made; if you no longer have it, make a new one.
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={regenerate.open}
            >
              Make a new URL
            </Button>
            <Button variant="light" color="red" onClick={turnOff.open}>
              Turn off
            </Button>
          </Group>
        </Stack>
      )}
      <Modal
        opened={regenerateOpened}
        onClose={regenerate.close}
        title="Make a new feed URL?"
        centered
      >
        <Text size="sm">
          The current URL stops working at once. Calendars subscribed to it stop updating until you
          subscribe them to the new one.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={regenerate.close}>
            Cancel
          </Button>
          <Button loading={create.isPending} onClick={() => create.mutate()}>
            Make a new URL
          </Button>
        </Group>
      </Modal>
      <Modal
        opened={turnOffOpened}
        onClose={turnOff.close}
        title="Turn off the calendar feed?"
        centered
      >
        <Text size="sm">
          The URL stops working at once. Your settings and learning blocks are kept for when you
          turn it on again.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={turnOff.close}>
            Cancel
          </Button>
          <Button color="red" loading={off.isPending} onClick={() => off.mutate()}>
            Turn off
          </Button>
        </Group>
      </Modal>
    </TitledSection>
  );
}
