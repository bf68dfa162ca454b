import { z } from "zod";
import {
  AcknowledgeConversationBody,
  CancelConversationBody,
  type ConversationStatus,
  CreateActionItemBody,
  CreateConversationBody,
  FinishConversationBody,
} from "#core/conversations/conversations.schemas.ts";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const localTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A date and a wall-clock time in the reader's own time zone, as the ISO instant the API stores;
 * null when either is not a real date or time.
 */
export function localDateTimeToIso(date: string, time: string): string | null {
  if (!isoDate.test(date) || !localTime.test(time)) return null;
  const instant = new Date(`${date}T${time}:00`);
  if (Number.isNaN(instant.getTime())) return null;
  // Rejects dates the Date constructor rolls over, such as 2027-02-30.
  const [year, month, day] = date.split("-").map(Number);
  if (
    instant.getFullYear() !== year ||
    instant.getMonth() + 1 !== month ||
    instant.getDate() !== day
  ) {
    return null;
  }
  return instant.toISOString();
}

export interface StartConversationValues {
  memberId: string;
  date: string | null;
  time: string;
  durationMinutes: number | string;
  templateId: string;
}

/** The start form holds a date and a time apart; the API takes one instant. */
export const StartConversationForm = z
  .object({
    memberId: z.string().min(1, "Choose who the conversation is with"),
    date: z.string("Choose a date").regex(isoDate, "Choose a date"),
    time: z.string().regex(localTime, "Use HH:MM, 24-hour"),
    durationMinutes: z.number("Use whole minutes"),
    templateId: z.string(),
  })
  .superRefine((values, issue) => {
    if (localDateTimeToIso(values.date, values.time) === null) {
      issue.addIssue({ code: "custom", path: ["date"], message: "Choose a real date" });
    }
  })
  .transform(
    (values): z.input<typeof CreateConversationBody> => ({
      memberId: values.memberId,
      scheduledAt: localDateTimeToIso(values.date, values.time) ?? "",
      durationMinutes: values.durationMinutes,
      ...(values.templateId ? { templateId: values.templateId } : {}),
    }),
  )
  .pipe(CreateConversationBody);

/** Tomorrow at 10:00, the start form's first suggestion. */
export function startConversationDefaults(
  memberId: string,
  now = new Date(),
): StartConversationValues {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return {
    memberId,
    date: toLocalIsoDate(tomorrow),
    time: "10:00",
    durationMinutes: 45,
    templateId: "",
  };
}

/** A Date's own calendar day in the reader's time zone, as YYYY-MM-DD. */
export function toLocalIsoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The new action item form: the date input answers null when emptied. */
export const ActionItemForm = z
  .object({
    owner: CreateActionItemBody.shape.owner,
    title: z.string(),
    dueOn: z.string().nullable(),
  })
  .transform(
    (values): z.input<typeof CreateActionItemBody> => ({
      ...values,
      dueOn: values.dueOn || null,
    }),
  )
  .pipe(CreateActionItemBody);

export function finishForm(baseVersion: number) {
  return z
    .object({ nextDate: z.string("Choose the next date agreed").nullable() })
    .transform((values) => ({ baseVersion, nextDate: values.nextDate ?? "" }))
    .pipe(FinishConversationBody);
}

export function acknowledgeForm(baseVersion: number) {
  return z
    .object({ comment: z.string() })
    .transform(({ comment }) => ({
      baseVersion,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    }))
    .pipe(AcknowledgeConversationBody);
}

export function cancelForm(baseVersion: number) {
  return z
    .object({ reason: z.string() })
    .transform(({ reason }) => ({
      baseVersion,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    }))
    .pipe(CancelConversationBody);
}

export const statusLabels: Record<ConversationStatus, string> = {
  scheduled: "Scheduled",
  awaiting_acknowledgement: "Awaiting confirmation",
  held: "Held",
  cancelled: "Cancelled",
};

export const statusTones: Record<ConversationStatus, "blue" | "yellow" | "green" | "gray"> = {
  scheduled: "blue",
  awaiting_acknowledgement: "yellow",
  held: "green",
  cancelled: "gray",
};

/** Open conversations come first (soonest first), then the rest, newest first. */
export function isOpen(status: ConversationStatus): boolean {
  return status === "scheduled" || status === "awaiting_acknowledgement";
}
