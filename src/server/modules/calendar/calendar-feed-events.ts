import { hash } from "node:crypto";
import type { CalendarIncludeTitles, Weekday } from "#core/calendar.schemas.ts";
import { scheduledCheckIns } from "#core/growth-plan/check-ins.ts";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { TrackingContent } from "#core/growth-plan/sections.schemas.ts";
import type { IcsEvent } from "#server/shared/icalendar.ts";

/**
 * What a person's feed holds, as events without SEQUENCE and DTSTAMP (those come from the
 * served-event table, calendar-feed.service.ts). Pure, so it is the same for the feed URL and the
 * download. Only titles the person opted into are used, and never any reflection, note or other
 * free text of the plan: a calendar is often seen by others.
 */

export type StoredLearningBlock = {
  id: string;
  weekdays: Weekday[];
  start: string;
  end: string;
  timeZone: string | null;
  title: string;
  /** YYYY-MM-DD; the block repeats from its first matching weekday on or after this day. */
  startsOn: string;
};

export type FeedSources = {
  defaultTimeZone: string;
  /** Today in the default zone, YYYY-MM-DD. */
  today: string;
  appUrl: URL;
  includeTitles: CalendarIncludeTitles;
  learningBlocks: readonly StoredLearningBlock[];
  plan: {
    id: string;
    tracking: TrackingContent | null;
    goals: readonly { id: string; content: GoalContent }[];
  } | null;
  feedbackRequests: readonly { id: string; dueOn: string; askedBy: string }[];
  /** Career conversations the person takes part in, scheduled or held, in conversationWindow. */
  conversations: readonly FeedConversation[];
  /** Live learning sessions the person has a seat at, in conversationWindow. */
  liveSessions?: readonly FeedLiveSession[];
};

export type FeedLiveSession = {
  id: string;
  title: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
};

export type FeedConversation = {
  id: string;
  /** ISO instant. */
  scheduledAt: string;
  durationMinutes: number;
  /** The member for the manager and guests, the manager for the member. */
  otherPerson: string;
};

export type FeedEventDraft = Omit<IcsEvent, "sequence" | "stamp">;

/** Check-ins shown: the last month's (so a missed one is still seen) and the next twelve months'. */
export const checkInWindow = { pastDays: 31, aheadMonths: 12 } as const;

/** Conversations shown: the last month's and the next twelve months', like check-ins. */
export const conversationWindow = checkInWindow;

/** The instants a feed's conversations fall between, from today in the feed's zone. */
export function conversationRange(today: string): { from: string; to: string } {
  return {
    from: `${addDays(today, -conversationWindow.pastDays - 1)}T00:00:00.000Z`,
    to: `${addMonthsTo(today, conversationWindow.aheadMonths)}T23:59:59.999Z`,
  };
}

export const neutralTitles = {
  conversation: "Career conversation",
  checkIn: "Growth plan check-in",
  actionStep: "Action step due",
  feedbackRequest: "Feedback request due",
  learningBlock: "Learning time",
} as const;

const weekdayOfUtcDay: readonly Weekday[] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function addMonthsTo(isoDay: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDay.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date.toISOString().slice(0, 10);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in a zone. */
export function localDay(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    // One formatter per zone in use; zones are a bounded set (a few hundred IANA names).
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** The first day on or after `from` that falls on one of `weekdays`. */
export function firstWeekdayOnOrAfter(from: string, weekdays: readonly Weekday[]): string {
  for (let offset = 0; offset < 7; offset++) {
    const day = addDays(from, offset);
    const weekday = weekdayOfUtcDay[new Date(`${day}T00:00:00Z`).getUTCDay()];
    if (weekday && weekdays.includes(weekday)) return day;
  }
  return from;
}

/**
 * Equal for equal content: drafts are built here with their keys always in the same order, so
 * their JSON is canonical as it is.
 */
export function contentHash(draft: FeedEventDraft): string {
  return hash("sha256", JSON.stringify(draft), "base64url");
}

function checkInEvents(sources: FeedSources): FeedEventDraft[] {
  const { plan, includeTitles } = sources;
  if (!plan?.tracking) return [];
  const url = new URL(`/growth-plans/${plan.id}`, sources.appUrl).toString();
  const summary = (label: string) =>
    includeTitles.checkIns ? `${neutralTitles.checkIn}: ${label}` : neutralTitles.checkIn;
  const range = {
    from: addDays(sources.today, -checkInWindow.pastDays),
    to: addMonthsTo(sources.today, checkInWindow.aheadMonths),
  };
  const scheduled = scheduledCheckIns(plan.tracking.schedule, range).map(
    (due): FeedEventDraft => ({
      uid: `check-in-${plan.id}-${due.scheduleId}-${due.dueOn}@trellis`,
      summary: summary(due.label),
      url,
      when: { kind: "all-day", date: due.dueOn },
    }),
  );
  // Extra check-ins the person added by hand, while they are still to do.
  const extra = plan.tracking.checkIns
    .filter((checkIn) => checkIn.scheduleId === null && !checkIn.done)
    .filter((checkIn) => checkIn.dueOn >= range.from && checkIn.dueOn <= range.to)
    .map(
      (checkIn): FeedEventDraft => ({
        uid: `check-in-${plan.id}-${checkIn.id}@trellis`,
        summary: summary(checkIn.label),
        url,
        when: { kind: "all-day", date: checkIn.dueOn },
      }),
    );
  return [...scheduled, ...extra];
}

function actionStepEvents(sources: FeedSources): FeedEventDraft[] {
  const { plan, includeTitles } = sources;
  if (!plan) return [];
  const url = new URL(`/growth-plans/${plan.id}`, sources.appUrl).toString();
  return plan.goals
    .filter((goal) => goal.content.status !== "done" && goal.content.status !== "dropped")
    .flatMap((goal) =>
      goal.content.actionSteps
        .filter((step) => step.dueOn !== null && !step.done)
        .map(
          (step): FeedEventDraft => ({
            uid: `action-step-${goal.id}-${step.id}@trellis`,
            summary:
              includeTitles.actionSteps && step.title.trim()
                ? `${neutralTitles.actionStep}: ${step.title.trim()}`
                : neutralTitles.actionStep,
            description:
              includeTitles.goals && goal.content.skill.trim()
                ? `Goal: ${goal.content.skill.trim()}`
                : null,
            url,
            when: { kind: "all-day", date: step.dueOn ?? "" },
          }),
        ),
    );
}

function feedbackEvents(sources: FeedSources): FeedEventDraft[] {
  return sources.feedbackRequests.map((request) => ({
    uid: `feedback-request-${request.id}@trellis`,
    summary: sources.includeTitles.feedbackRequests
      ? `Feedback for ${request.askedBy} due`
      : neutralTitles.feedbackRequest,
    url: new URL(`/career/feedback/${request.id}`, sources.appUrl).toString(),
    when: { kind: "all-day", date: request.dueOn },
  }));
}

function learningBlockEvents(sources: FeedSources): FeedEventDraft[] {
  return sources.learningBlocks.map((block) => {
    const day = firstWeekdayOnOrAfter(block.startsOn, block.weekdays);
    return {
      uid: `learning-block-${block.id}@trellis`,
      summary: block.title.trim() || neutralTitles.learningBlock,
      when: {
        kind: "local",
        start: `${day}T${block.start}`,
        end: `${day}T${block.end}`,
        timeZone: block.timeZone ?? sources.defaultTimeZone,
        weekly: block.weekdays,
      },
    };
  });
}

/** Timed events with a neutral title; the other person's name only when the person opted in. */
function conversationEvents(sources: FeedSources): FeedEventDraft[] {
  return sources.conversations.map((conversation) => {
    const end = new Date(
      Date.parse(conversation.scheduledAt) + conversation.durationMinutes * 60_000,
    );
    return {
      uid: `conversation-${conversation.id}@trellis`,
      summary: sources.includeTitles.conversations
        ? `${neutralTitles.conversation} with ${conversation.otherPerson}`
        : neutralTitles.conversation,
      url: new URL(`/conversations/${conversation.id}`, sources.appUrl).toString(),
      when: { kind: "instant", start: conversation.scheduledAt, end: end.toISOString() },
    };
  });
}

/** A session's title is the calendar's own, not the person's: it is shown as it is. */
function liveSessionEvents(sources: FeedSources): FeedEventDraft[] {
  return (sources.liveSessions ?? []).map((session) => ({
    uid: `live-session-feed-${session.id}@trellis`,
    summary: `Live learning: ${session.title}`,
    url: new URL(`/learning/sessions/${session.id}`, sources.appUrl).toString(),
    when: { kind: "instant", start: session.startsAt, end: session.endsAt },
  }));
}

/** Every event of the feed, in a stable order. */
export function feedEventDrafts(sources: FeedSources): FeedEventDraft[] {
  return [
    ...learningBlockEvents(sources),
    ...checkInEvents(sources),
    ...actionStepEvents(sources),
    ...feedbackEvents(sources),
    ...conversationEvents(sources),
    ...liveSessionEvents(sources),
  ];
}
