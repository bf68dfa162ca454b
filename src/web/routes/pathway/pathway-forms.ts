import { z } from "zod";
import { MarkItemDoneBody } from "#core/pathway/pathway-api.schemas.ts";
import { IsoDate } from "#core/people.schemas.ts";

/** What the "Mark done" form holds: the date picker holds null when cleared. */
export interface MarkDoneFormValues {
  doneOn: string | null;
  evidenceUrl: string;
  note: string;
}

/**
 * The API's body with the rules the server checks against the member's own dates: not after
 * their today, not before their hire date. ISO dates compare correctly as text.
 */
export function markDoneFormSchema(today: string, hireDate: string | null) {
  return z.strictObject({
    doneOn: z
      .string()
      .nullable()
      .transform((value) => value ?? "")
      .pipe(z.string().min(1, "Enter the date you did it"))
      .pipe(
        IsoDate.refine((date) => date <= today, "Use today or an earlier date").refine(
          (date) => hireDate === null || date >= hireDate,
          "Use a date on or after your hire date",
        ),
      ),
    evidenceUrl: z
      .string()
      .trim()
      .transform((value) => (value === "" ? null : value))
      .pipe(MarkItemDoneBody.shape.evidenceUrl.unwrap()),
    note: MarkItemDoneBody.shape.note.unwrap(),
  });
}

export function markDoneFormValues(
  today: string,
  progress: { doneOn: string | null; evidenceUrl: string | null; note: string | null } | null,
): MarkDoneFormValues {
  return {
    doneOn: progress?.doneOn ?? today,
    evidenceUrl: progress?.evidenceUrl ?? "",
    note: progress?.note ?? "",
  };
}
