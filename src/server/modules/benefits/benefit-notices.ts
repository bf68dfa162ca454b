import type { NotificationKind } from "#core/notifications/notifications.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import { type BenefitRequestRow, listActiveAdminIds } from "./benefits.queries.ts";

/** At most this many administrators are told that a request waits for L&D. */
const ldRecipientLimit = 50;

export const requestLink = (id: string) => `/learning/benefit/requests/${id}`;

export const nameOf = (person: Pick<PersonRow, "name" | "preferred_name"> | undefined) =>
  person ? person.preferred_name || person.name : "Someone";

/**
 * What a request's change tells people, in the transaction of the change. Titles name who did
 * what; the request's own words stay on its page, which only its readers open.
 */
export async function notifyAboutRequest(
  trx: Db,
  request: Pick<BenefitRequestRow, "id">,
  notice: {
    kind: NotificationKind;
    recipients: readonly string[];
    actorId: string | null;
    title: string;
  },
  now: Date,
): Promise<void> {
  for (const personId of new Set(notice.recipients)) {
    await notify(
      trx,
      {
        personId,
        kind: notice.kind,
        actorId: notice.actorId,
        subject: { type: "benefit_request", id: request.id },
        link: requestLink(request.id),
        title: notice.title,
        data: { requestId: request.id },
        dedupeKey: null,
      },
      now,
    );
  }
}

/** Who decides next: the current manager, or L&D (every active administrator but the requester). */
export async function nextApprovers(
  trx: Db,
  request: Pick<BenefitRequestRow, "status" | "member_id">,
  managerId: string | null,
): Promise<string[]> {
  if (request.status === "pending_manager") return managerId ? [managerId] : [];
  if (request.status !== "pending_ld") return [];
  const admins = await listActiveAdminIds(trx, ldRecipientLimit);
  return admins.filter((id) => id !== request.member_id);
}
