import { newId } from "#core/ids.ts";
import type { NoticeList } from "#core/notice.schemas.ts";
import type { Actor, AppContext, Clock } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { notFound } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { assertOwnAccount, authPolicies } from "#server/modules/auth/auth.policy.ts";
import { presentNotice } from "./account-notices.presenters.ts";
import {
  findNotice,
  insertNotice,
  listOpenNoticesOfPerson,
  markNoticeDismissed,
} from "./account-notices.queries.ts";

/** Tells a member that an administrator made themselves their manager; call in that change's transaction. */
export async function noticeAdminBecameManager(
  trx: Db,
  clock: Clock,
  input: { personId: string; adminId: string },
): Promise<string> {
  const id = newId();
  await insertNotice(trx, {
    id,
    person_id: input.personId,
    kind: "admin_became_manager",
    actor_id: input.adminId,
    created_at: clock.now().toISOString(),
    dismissed_at: null,
  });
  return id;
}

export async function listMyNotices(ctx: AppContext, actor: Actor): Promise<NoticeList> {
  assertOwnAccount(actor, actor.personId);
  const rows = await listOpenNoticesOfPerson(ctx.db, actor.personId);
  return { notices: rows.map(presentNotice) };
}

/** Someone else's notice answers 404 like a missing one, and is recorded as a denial. */
export async function dismissNotice(
  ctx: AppContext,
  actor: Actor,
  noticeId: string,
): Promise<void> {
  const notice = await findNotice(ctx.db, noticeId);
  if (!notice) throw notFound("No such notice.");
  if (!authPolicies.ownAccount(actor, notice.person_id)) {
    throw new AccessDeniedError({ type: "notice", id: notice.id }, "No such notice.");
  }
  await markNoticeDismissed(ctx.db, notice.id, ctx.clock.now().toISOString());
}
