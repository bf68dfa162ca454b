import type { Db } from "#server/db/create-db.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import type { ApplicationRow } from "./shadow-applications.queries.ts";
import type { ProgramRow, RotationRow } from "./shadow-programs.queries.ts";
import { listNamesByIds, listOwnerIds } from "./shadow-programs.queries.ts";

/**
 * What an application's moves tell people, inside the transaction of the move. Titles name the
 * program, the rotation's days and the applicant, never the motivation or a decision's note.
 */

type Subject = {
  application: Pick<ApplicationRow, "id" | "applicant_id">;
  program: Pick<ProgramRow, "id" | "name">;
  rotation: Pick<RotationRow, "starts_on" | "ends_on">;
};

const days = (rotation: Subject["rotation"]) =>
  rotation.starts_on === rotation.ends_on
    ? rotation.starts_on
    : `${rotation.starts_on} to ${rotation.ends_on}`;

export type ApplicantNews =
  | "manager_approved"
  | "declined"
  | "confirmed"
  | "waitlisted"
  | "promoted"
  | "completed";

const newsTitles: Record<ApplicantNews, string> = {
  manager_approved: "Your manager approved your application to",
  declined: "Your application was declined:",
  confirmed: "You have a seat in",
  waitlisted: "You are on the waitlist of",
  promoted: "A seat freed up: you now have a seat in",
  completed: "Rotation completed:",
};

export async function notifyApplicant(
  db: Db,
  subject: Subject,
  news: ApplicantNews,
  actorId: string | null,
  now: Date,
): Promise<void> {
  await notify(
    db,
    {
      personId: subject.application.applicant_id,
      kind: "shadow_application_updated",
      actorId,
      subject: { type: "shadow_application", id: subject.application.id },
      link: "/learning/shadow",
      title: `${newsTitles[news]} ${subject.program.name} (${days(subject.rotation)})`,
      data: { news, programName: subject.program.name },
      dedupeKey: `shadow_application:${subject.application.id}:${news}`,
    },
    now,
  );
}

/** Tells the manager whose decision it now is. */
export async function notifyManagerToDecide(
  db: Db,
  subject: Subject,
  managerId: string,
  now: Date,
): Promise<void> {
  const names = await listNamesByIds(db, [subject.application.applicant_id]);
  await notify(
    db,
    {
      personId: managerId,
      kind: "shadow_application_to_decide",
      actorId: subject.application.applicant_id,
      subject: { type: "shadow_application", id: subject.application.id },
      link: "/learning/shadow",
      title: `${names.get(subject.application.applicant_id) ?? "Your report"} applied to ${subject.program.name} (${days(subject.rotation)})`,
      data: { programName: subject.program.name },
      dedupeKey: `shadow_application:${subject.application.id}:to_manager:${managerId}`,
    },
    now,
  );
}

/** Tells every owner of the program that the application waits for one of them. */
export async function notifyOwnersToDecide(
  db: Db,
  subject: Subject,
  actorId: string,
  now: Date,
): Promise<void> {
  const [ownerIds, names] = await Promise.all([
    listOwnerIds(db, subject.program.id),
    listNamesByIds(db, [subject.application.applicant_id]),
  ]);
  for (const ownerId of ownerIds) {
    await notify(
      db,
      {
        personId: ownerId,
        kind: "shadow_application_to_decide",
        actorId,
        subject: { type: "shadow_application", id: subject.application.id },
        link: `/learning/shadow/programs/${subject.program.id}`,
        title: `${names.get(subject.application.applicant_id) ?? "Someone"} waits for your decision on ${subject.program.name} (${days(subject.rotation)})`,
        data: { programName: subject.program.name },
        dedupeKey: `shadow_application:${subject.application.id}:to_owner:${ownerId}`,
      },
      now,
    );
  }
}
