import { z } from "zod";
import { ItemId } from "./growth-plan/fields.schemas.ts";
import { TimeZone } from "./people.schemas.ts";

/** The personal calendar feed: settings, learning blocks and the feed URL (docs/api/calendar.md). */

export const calendarLimits = { learningBlocks: 7, blockTitle: 100 } as const;

/** iCalendar's weekday codes (RFC 5545 BYDAY), Monday first. */
export const weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export const Weekday = z.enum(weekdays);
export type Weekday = z.infer<typeof Weekday>;

/** A local wall-clock time, 24-hour "HH:MM". */
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time written HH:MM, 24-hour (for example 14:00)");

/**
 * Which of the person's own words the feed may carry. Off by default: a calendar is often seen
 * by others (shared calendars, phone lock screens), so events say "Growth plan check-in" or
 * "Action step due" unless the person opts in.
 */
export const CalendarIncludeTitles = z.strictObject({
  /** The label of a check-in schedule ("Quarterly review"). */
  checkIns: z.boolean(),
  /** A goal's skill ("Public speaking") in the description of its action steps. */
  goals: z.boolean(),
  /** An action step's title. */
  actionSteps: z.boolean(),
  /** The name of the person who asked for feedback. */
  feedbackRequests: z.boolean(),
  /** Who a career conversation is with (off: "Career conversation"); optional for older clients. */
  conversations: z.boolean().optional(),
});
export type CalendarIncludeTitles = z.infer<typeof CalendarIncludeTitles>;

export const noTitles: CalendarIncludeTitles = {
  checkIns: false,
  goals: false,
  actionSteps: false,
  feedbackRequests: false,
  conversations: false,
};

/** A weekly time kept for learning, e.g. every Friday 14:00–16:00 Europe/Paris. */
export const LearningBlock = z
  .strictObject({
    /** Made by the client (crypto.randomUUID()); the event's UID follows it. */
    id: ItemId,
    weekdays: z
      .array(Weekday)
      .min(1, "Choose at least one weekday")
      .max(7)
      .refine((days) => new Set(days).size === days.length, "Choose each weekday once"),
    start: LocalTime,
    end: LocalTime,
    /** IANA zone; null means the person's time zone (or UTC when they have none). */
    timeZone: TimeZone.nullable(),
    /** Empty for the default "Learning time". */
    title: z
      .string()
      .trim()
      .max(calendarLimits.blockTitle, `Use at most ${calendarLimits.blockTitle} characters`),
  })
  .superRefine((block, context) => {
    if (block.end <= block.start) {
      context.addIssue({ code: "custom", message: "End after the start", path: ["end"] });
    }
  });
export type LearningBlock = z.infer<typeof LearningBlock>;

export const LearningBlockView = z.object({
  id: z.string(),
  weekdays: z.array(Weekday),
  start: z.string(),
  end: z.string(),
  timeZone: z.string().nullable(),
  title: z.string(),
  /** The first day the block repeats from (set when its days, times or zone last changed). */
  startsOn: z.string(),
});
export type LearningBlockView = z.infer<typeof LearningBlockView>;

export const CalendarFeedView = z.object({
  /** Whether a feed URL exists; the URL itself is shown only once, when it is made. */
  enabled: z.boolean(),
  tokenCreatedAt: z.string().nullable(),
  includeTitles: CalendarIncludeTitles,
  learningBlocks: z.array(LearningBlockView),
  /** The zone a block without its own uses: the person's time zone, or UTC. */
  defaultTimeZone: z.string(),
  /** Send back as `baseVersion` when saving; 0 before the first save. */
  version: z.int(),
  updatedAt: z.string().nullable(),
});
export type CalendarFeedView = z.infer<typeof CalendarFeedView>;

export const CalendarFeedBody = z.strictObject({
  baseVersion: z.int().min(0),
  includeTitles: CalendarIncludeTitles,
  learningBlocks: z
    .array(LearningBlock)
    .max(calendarLimits.learningBlocks, `Use at most ${calendarLimits.learningBlocks} blocks`)
    .superRefine((blocks, context) => {
      const seen = new Set<string>();
      blocks.forEach((block, index) => {
        if (seen.has(block.id)) {
          context.addIssue({ code: "custom", message: "Ids must be unique", path: [index, "id"] });
        }
        seen.add(block.id);
      });
    }),
});
export type CalendarFeedBody = z.infer<typeof CalendarFeedBody>;

export const CalendarFeedTokenCreated = z.object({
  /** The secret feed URL, answered only now: the server keeps only its hash. */
  url: z.string(),
  feed: CalendarFeedView,
});
export type CalendarFeedTokenCreated = z.infer<typeof CalendarFeedTokenCreated>;

/** Any text: a token of the wrong shape answers the same 404 as a revoked one. */
export const CalendarFeedTokenParams = z.strictObject({ token: z.string().max(200) });
