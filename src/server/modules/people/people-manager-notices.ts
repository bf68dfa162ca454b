import type { Db } from "#server/db/create-db.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { findPersonById } from "./people.queries.ts";

/**
 * Tells a person their manager changed, in the transaction of the change (an edit or an
 * import): what they share with "my manager" is now read by the new manager, not the old one.
 */
export async function notifyManagerChanged(
  trx: Db,
  now: Date,
  change: { personId: string; managerId: string | null; actorId: string | null },
): Promise<void> {
  const manager = change.managerId ? await findPersonById(trx, change.managerId) : undefined;
  const managerName = manager ? manager.preferred_name || manager.name : null;
  await notify(
    trx,
    {
      personId: change.personId,
      kind: "manager_changed",
      actorId: change.actorId,
      subject: { type: "person", id: change.personId },
      link: "/growth-plans",
      title: managerName
        ? `${managerName} is now your manager and can see what you share with your manager`
        : "You no longer have a manager: what you shared with your manager is not shown to anyone as your manager",
      data: { managerId: change.managerId, managerName },
      dedupeKey: null,
    },
    now,
  );
}
