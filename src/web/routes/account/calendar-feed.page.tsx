import { Alert, Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "../../api/api-error.ts";
import { calendarDownloadUrl } from "../../api/calendar.api.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { calendarFeedQuery } from "./calendar-feed.queries.ts";
import { CalendarSettingsForm } from "./calendar-settings-form.tsx";
import { CalendarUrlSection } from "./calendar-url-section.tsx";

/** The personal calendar feed: its secret URL, what it includes, learning blocks, a download. */
export function CalendarFeedPage() {
  usePageTitle("Calendar feed");
  const feed = useQuery(calendarFeedQuery);

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <AnchorLink to="/account" size="sm">
          ← Account
        </AnchorLink>
        <Title order={1}>Calendar feed</Title>
        <Text c="dimmed">
          Your check-ins, action steps due, feedback requests due and learning time, in the calendar
          app you already use. Private reflections and notes are never included.
        </Text>
      </Stack>
      {feed.isPending && <Skeleton height={160} radius="lg" />}
      {feed.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(feed.error)}
        </Alert>
      )}
      {feed.data && (
        <>
          <CalendarUrlSection feed={feed.data} />
          <CalendarSettingsForm key={feed.data.version} feed={feed.data} />
          <TitledSection
            title="Download"
            description="A file with the same events, for a calendar that cannot subscribe. It does not update by itself."
          >
            <Group>
              <Button
                component="a"
                href={calendarDownloadUrl}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                Download .ics file
              </Button>
            </Group>
          </TitledSection>
        </>
      )}
    </Stack>
  );
}
