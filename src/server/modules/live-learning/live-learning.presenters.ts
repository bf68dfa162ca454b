import { DateTime } from "luxon";
import type { LiveSeriesView, LiveSessionView } from "#core/live-learning.schemas.ts";
import type { LiveLearningSeriesTable } from "#server/db/schema.ts";
import type { LiveSessionRow, SeatCounts } from "./live-learning.queries.ts";

const local = (instant: string, zone: string) =>
  DateTime.fromISO(instant, { zone: "utc" }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");

export function presentLiveSession(
  row: LiveSessionRow,
  facts: {
    counts: SeatCounts | undefined;
    myRsvp: LiveSessionView["myRsvp"];
    canRecordAttendance: boolean;
    viewerTimeZone: string;
  },
): LiveSessionView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    host: { id: row.host_id, name: row.host_preferred_name ?? row.host_name },
    series: row.series_id ? { id: row.series_id, title: row.series_title ?? "" } : null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    localStartsAt: local(row.starts_at, row.time_zone),
    localEndsAt: local(row.ends_at, row.time_zone),
    capacity: row.capacity,
    onlineUrl: row.online_url,
    place: row.place,
    groupConversation: row.group_conversation === 1,
    division: row.division,
    status: row.status,
    goingCount: facts.counts?.going ?? 0,
    waitlistCount: facts.counts?.waitlisted ?? 0,
    myRsvp: facts.myRsvp,
    viewerTimeZone: facts.viewerTimeZone,
    canRecordAttendance: facts.canRecordAttendance,
    version: row.version,
  };
}

export const presentLiveSeries = (row: LiveLearningSeriesTable): LiveSeriesView => ({
  id: row.id,
  title: row.title,
  description: row.description,
  version: row.version,
});
