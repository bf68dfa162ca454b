import { z } from "zod";
import {
  type CreateLiveSessionBody,
  type LiveSessionView,
  liveLearningLimits,
} from "#core/live-learning.schemas.ts";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const localTime = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface SessionFormValues {
  title: string;
  description: string;
  hostId: string | null;
  seriesId: string;
  date: string | null;
  start: string;
  end: string;
  timeZone: string;
  capacity: number | string;
  onlineUrl: string;
  place: string;
  groupConversation: boolean;
  division: string;
}

/**
 * The form holds a day and two wall-clock times in the session's zone; the API takes the two
 * local date-times and the zone (it checks the rest: a time that does not exist there, the host).
 */
export const SessionForm = z
  .object({
    title: z.string().trim().min(1, "Give it a title").max(liveLearningLimits.title),
    description: z.string().max(liveLearningLimits.description),
    hostId: z.string("Choose the host").min(1, "Choose the host"),
    seriesId: z.string(),
    date: z.string("Choose a date").regex(isoDate, "Choose a date"),
    start: z.string().regex(localTime, "Use HH:MM, 24-hour"),
    end: z.string().regex(localTime, "Use HH:MM, 24-hour"),
    timeZone: z.string("Choose a time zone").min(1, "Choose a time zone"),
    capacity: z
      .number("A whole number")
      .int("A whole number")
      .min(1, "At least one seat")
      .max(liveLearningLimits.capacity),
    onlineUrl: z.union([
      z.literal(""),
      z.url({ protocol: /^https?$/, message: "Use an http(s) link" }).max(liveLearningLimits.url),
    ]),
    place: z.string().trim().max(liveLearningLimits.place),
    groupConversation: z.boolean(),
    division: z.string().trim().max(liveLearningLimits.division),
  })
  .superRefine((values, issue) => {
    if (values.end <= values.start) {
      issue.addIssue({ code: "custom", path: ["end"], message: "Ends after it starts" });
    }
    if (values.groupConversation && values.division === "") {
      issue.addIssue({ code: "custom", path: ["division"], message: "Name the division" });
    }
  })
  .transform(
    (values): CreateLiveSessionBody => ({
      title: values.title,
      description: values.description,
      hostId: values.hostId,
      seriesId: values.seriesId === "" ? null : values.seriesId,
      startsAt: `${values.date}T${values.start}`,
      endsAt: `${values.date}T${values.end}`,
      timeZone: values.timeZone,
      capacity: values.capacity,
      onlineUrl: values.onlineUrl === "" ? null : values.onlineUrl,
      place: values.place === "" ? null : values.place,
      groupConversation: values.groupConversation,
      division: values.groupConversation ? values.division : null,
    }),
  );

export function sessionFormValues(
  session: LiveSessionView | null,
  zone: string,
): SessionFormValues {
  if (!session) {
    return {
      title: "",
      description: "",
      hostId: null,
      seriesId: "",
      date: null,
      start: "10:00",
      end: "11:00",
      timeZone: zone,
      capacity: 20,
      onlineUrl: "",
      place: "",
      groupConversation: false,
      division: "",
    };
  }
  return {
    title: session.title,
    description: session.description,
    hostId: session.host.id,
    seriesId: session.series?.id ?? "",
    date: session.localStartsAt.slice(0, 10),
    start: session.localStartsAt.slice(11, 16),
    end: session.localEndsAt.slice(11, 16),
    timeZone: session.timeZone,
    capacity: session.capacity,
    onlineUrl: session.onlineUrl ?? "",
    place: session.place ?? "",
    groupConversation: session.groupConversation,
    division: session.division ?? "",
  };
}
