import {
  Button,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { LiveSessionView } from "#core/live-learning.schemas.ts";
import { liveSessionsQuery } from "../../api/live-learning.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";
import {
  type CalendarView,
  calendarRange,
  dayHeading,
  dayNumber,
  dayOf,
  stepAnchor,
  timeSpan,
  todayIn,
} from "./calendar-range.ts";
import classes from "./live-learning.module.css";
import { SessionCard } from "./session-card.tsx";

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The live learning calendar in the viewer's own time zone: a month grid, a week, or a list of
 * the coming sessions, each with the viewer's RSVP.
 */
export function LiveLearningCalendarPage() {
  usePageTitle("Live learning calendar");
  const [view, setView] = useState<CalendarView>("list");
  // The zone comes with the first answer; until then the browser's, only to pick a first range.
  const [zone, setZone] = useState<string | null>(null);
  const shownZone = zone ?? browserZone;
  const [anchor, setAnchor] = useState(() => todayIn(browserZone));
  const [mine, setMine] = useState(false);
  const range = calendarRange(view, anchor, shownZone);
  const sessions = useQuery(liveSessionsQuery({ from: range.from, to: range.to, mine }));
  const viewerZone = sessions.data?.viewerTimeZone;
  if (viewerZone && viewerZone !== zone) setZone(viewerZone);

  const byDay = new Map<string, LiveSessionView[]>();
  for (const session of sessions.data?.items ?? []) {
    const day = dayOf(session.startsAt, shownZone);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }

  return (
    <Stack gap="md" maw={1100}>
      <LearningLinks />
      <div>
        <Title order={1}>Live learning calendar</Title>
        <Text c="dimmed">
          Sessions led by L&amp;D and colleagues. Times are shown in your time zone, {shownZone}.
          Attending one completes the live learning item of your pathway.
        </Text>
      </div>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label="Calendar view"
          value={view}
          onChange={(value) => setView(value as CalendarView)}
          data={[
            { value: "month", label: "Month" },
            { value: "week", label: "Week" },
            { value: "list", label: "List" },
          ]}
        />
        <Group gap="xs" wrap="wrap">
          <Button
            variant="default"
            size="xs"
            aria-label="Earlier"
            onClick={() => setAnchor(stepAnchor(view, anchor, -1))}
          >
            <IconChevronLeft size={16} aria-hidden />
          </Button>
          <Button variant="default" size="xs" onClick={() => setAnchor(todayIn(shownZone))}>
            Today
          </Button>
          <Button
            variant="default"
            size="xs"
            aria-label="Later"
            onClick={() => setAnchor(stepAnchor(view, anchor, 1))}
          >
            <IconChevronRight size={16} aria-hidden />
          </Button>
        </Group>
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" aria-live="polite">
          {range.label}
        </Title>
        <Switch
          label="Only sessions I RSVPed to"
          checked={mine}
          onChange={(event) => setMine(event.currentTarget.checked)}
        />
      </Group>
      <QueryStatus query={sessions} />
      {sessions.data &&
        (view === "month" ? (
          <MonthGrid
            days={range.days}
            byDay={byDay}
            zone={shownZone}
            month={anchor.slice(0, 7)}
            onPickDay={(day) => {
              setAnchor(day);
              setView("week");
            }}
          />
        ) : (
          <DayList days={range.days} byDay={byDay} zone={shownZone} hideEmpty={view === "list"} />
        ))}
    </Stack>
  );
}

function DayList({
  days,
  byDay,
  zone,
  hideEmpty,
}: {
  days: string[];
  byDay: Map<string, LiveSessionView[]>;
  zone: string;
  hideEmpty: boolean;
}) {
  const shown = hideEmpty ? days.filter((day) => byDay.has(day)) : days;
  if (shown.length === 0) return <Text c="dimmed">No sessions in this period.</Text>;
  return (
    <Stack gap="md">
      {shown.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <Title order={3} size="h5" id={`day-${day}`} mb={6}>
            {dayHeading(day)}
          </Title>
          <Stack gap="xs">
            {(byDay.get(day) ?? []).map((session) => (
              <SessionCard key={session.id} session={session} zone={zone} />
            ))}
            {!byDay.has(day) && (
              <Text size="sm" c="dimmed">
                No sessions.
              </Text>
            )}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function MonthGrid({
  days,
  byDay,
  zone,
  month,
  onPickDay,
}: {
  days: string[];
  byDay: Map<string, LiveSessionView[]>;
  zone: string;
  month: string;
  onPickDay: (day: string) => void;
}) {
  return (
    <div className={classes.month}>
      <SimpleGrid cols={7} spacing={2} verticalSpacing={2} aria-hidden>
        {weekdays.map((weekday) => (
          <Text key={weekday} size="xs" fw={600} ta="center">
            {weekday}
          </Text>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={7} spacing={2} verticalSpacing={2} component="ol" className={classes.days}>
        {days.map((day) => {
          const sessions = byDay.get(day) ?? [];
          return (
            <li
              key={day}
              className={classes.day}
              data-outside={day.slice(0, 7) !== month || undefined}
            >
              <UnstyledButton
                className={classes.dayNumber}
                onClick={() => onPickDay(day)}
                aria-label={`${dayHeading(day)}: ${sessions.length} sessions, open the week`}
              >
                {dayNumber(day)}
              </UnstyledButton>
              {sessions.map((session) => (
                <AnchorLink
                  key={session.id}
                  to="/learning/sessions/$sessionId"
                  params={{ sessionId: session.id }}
                  size="xs"
                  className={classes.chip}
                  data-cancelled={session.status === "cancelled" || undefined}
                >
                  <VisuallyHidden>{dayHeading(day)} </VisuallyHidden>
                  {timeSpan(session.startsAt, session.endsAt, zone).slice(0, 5)} {session.title}
                  {session.myRsvp ? (
                    <VisuallyHidden> ({session.myRsvp.status})</VisuallyHidden>
                  ) : null}
                </AnchorLink>
              ))}
            </li>
          );
        })}
      </SimpleGrid>
    </div>
  );
}
