import { z } from "zod";
import { ErrorBody } from "./errors.ts";
import { TimeZone } from "./people.schemas.ts";

/**
 * The live learning calendar (docs/api/live-learning.md): series and sessions that L&D plans,
 * each member's RSVP (going or waitlisted, with automatic promotion), the calendar invitation of
 * an RSVP, and attendance recorded by the host or an admin.
 */

export const liveLearningLimits = {
  title: 200,
  description: 20_000,
  place: 300,
  url: 2_000,
  division: 200,
  /** Seats of one session. */
  capacity: 10_000,
  /** Longest session, in minutes (a full day). */
  durationMinutes: 24 * 60,
  /** Widest calendar range asked for at once, in days (a month view with its edges). */
  rangeDays: 62,
  /** Sessions in one answer. */
  listed: 500,
  /** People in one attendance save. */
  attendanceEntries: 1_000,
  series: 200,
} as const;

const Id = z.uuid("Not a valid id");
export const LiveSessionIdParams = z.strictObject({ id: Id });
export const LiveSeriesIdParams = z.strictObject({ id: Id });

const version = z.int().min(1).max(2_147_483_647);

/** Wall-clock time in the session's zone, "YYYY-MM-DDTHH:MM". */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
    message: "Use YYYY-MM-DDTHH:MM",
  });

const title = z
  .string()
  .trim()
  .min(1, "Give it a title")
  .max(liveLearningLimits.title, `At most ${liveLearningLimits.title} characters`);
const description = z
  .string()
  .max(liveLearningLimits.description, `At most ${liveLearningLimits.description} characters`);
const onlineUrl = z
  .url({ protocol: /^https?$/, message: "Use an http(s) link" })
  .max(liveLearningLimits.url, `At most ${liveLearningLimits.url} characters`);
const place = z
  .string()
  .trim()
  .max(liveLearningLimits.place, `At most ${liveLearningLimits.place} characters`);
const division = z
  .string()
  .trim()
  .min(1, "Name the division")
  .max(liveLearningLimits.division, `At most ${liveLearningLimits.division} characters`);

const sessionFields = {
  title,
  description: description.default(""),
  hostId: Id,
  seriesId: Id.nullable().default(null),
  /** Local wall-clock start and end in `timeZone`. */
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  timeZone: TimeZone,
  capacity: z
    .int("A whole number")
    .min(1, "At least one seat")
    .max(liveLearningLimits.capacity, `At most ${liveLearningLimits.capacity} seats`),
  onlineUrl: onlineUrl.nullable().default(null),
  place: place.nullable().default(null),
  /** A group conversation held by a division: attending also completes that pathway item. */
  groupConversation: z.boolean().default(false),
  /** The division holding the group conversation; required when groupConversation is true. */
  division: division.nullable().default(null),
};

export const CreateLiveSessionBody = z.strictObject(sessionFields);
export type CreateLiveSessionBody = z.input<typeof CreateLiveSessionBody>;

export const UpdateLiveSessionBody = z.strictObject({ ...sessionFields, baseVersion: version });
export type UpdateLiveSessionBody = z.input<typeof UpdateLiveSessionBody>;

export const CancelLiveSessionBody = z.strictObject({ baseVersion: version });

export const rsvpStatuses = ["going", "waitlisted", "cancelled"] as const;
export const RsvpStatus = z.enum(rsvpStatuses);
export type RsvpStatus = z.infer<typeof RsvpStatus>;

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const LiveSessionView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  host: PersonRef,
  series: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** UTC instants. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** The zone the session was planned in, and its local wall-clock times there. */
  timeZone: z.string(),
  localStartsAt: z.string(),
  localEndsAt: z.string(),
  capacity: z.int(),
  onlineUrl: z.string().nullable(),
  place: z.string().nullable(),
  groupConversation: z.boolean(),
  division: z.string().nullable(),
  status: z.enum(["scheduled", "cancelled"]),
  goingCount: z.int(),
  waitlistCount: z.int(),
  /** The viewer's own RSVP: null when they have none (or cancelled it). */
  myRsvp: z
    .object({
      status: z.enum(["going", "waitlisted"]),
      /** 1 for the first on the waitlist; null when going. */
      waitlistPosition: z.int().nullable(),
      attended: z.boolean().nullable(),
    })
    .nullable(),
  /** The viewer's zone, in which pages show the time (UTC when their profile has none). */
  viewerTimeZone: z.string(),
  /** Whether the viewer records attendance (the host or an admin). */
  canRecordAttendance: z.boolean(),
  version: z.int(),
});
export type LiveSessionView = z.infer<typeof LiveSessionView>;

export const LiveSessionConflict = ErrorBody.extend({ current: LiveSessionView });

/** A calendar range: UTC instants, `to` exclusive. */
export const LiveSessionListQuery = z.strictObject({
  from: z.iso.datetime({ offset: true, message: "Use an ISO-8601 instant" }),
  to: z.iso.datetime({ offset: true, message: "Use an ISO-8601 instant" }),
  /** Only sessions the viewer is going to or waitlisted for. */
  mine: z.enum(["true", "false"]).optional(),
});

export const LiveSessionList = z.object({
  items: z.array(LiveSessionView),
  /** The viewer's zone, in which the calendar is drawn (UTC when their profile has none). */
  viewerTimeZone: z.string(),
});
export type LiveSessionList = z.infer<typeof LiveSessionList>;

export const RsvpResult = z.object({ session: LiveSessionView });
export type RsvpResult = z.infer<typeof RsvpResult>;

export const RosterEntry = z.object({
  person: PersonRef.extend({ email: z.string() }),
  status: z.enum(["going", "waitlisted"]),
  waitlistPosition: z.int().nullable(),
  attended: z.boolean().nullable(),
});
export const LiveSessionRoster = z.object({
  session: LiveSessionView,
  entries: z.array(RosterEntry),
});
export type LiveSessionRoster = z.infer<typeof LiveSessionRoster>;

export const RecordAttendanceBody = z.strictObject({
  entries: z
    .array(z.strictObject({ personId: Id, attended: z.boolean() }))
    .min(1, "Mark at least one person")
    .max(liveLearningLimits.attendanceEntries),
});
export type RecordAttendanceBody = z.infer<typeof RecordAttendanceBody>;

export const LiveSeriesView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  version: z.int(),
});
export type LiveSeriesView = z.infer<typeof LiveSeriesView>;
export const LiveSeriesList = z.object({ items: z.array(LiveSeriesView) });

export const CreateLiveSeriesBody = z.strictObject({ title, description: description.default("") });
export type CreateLiveSeriesBody = z.input<typeof CreateLiveSeriesBody>;
export const UpdateLiveSeriesBody = z.strictObject({
  title,
  description: description.default(""),
  baseVersion: version,
});
export const LiveSeriesConflict = ErrorBody.extend({ current: LiveSeriesView });
