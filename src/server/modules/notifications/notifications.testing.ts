import type {
  NotificationKind,
  NotificationList,
} from "#core/notifications/notifications.schemas.ts";
import type { AppContext } from "#server/context.ts";
import type { Session } from "#server/testing/http-client.ts";
import { getJson } from "#server/testing/http-client.ts";
import type { TestApp } from "#server/testing/test-app.ts";
import { notify } from "./notify.ts";

/** A notification for `personId`, as an area would write it; the clock moves on a millisecond. */
export async function notifyForTest(
  t: Pick<TestApp, "ctx" | "clock">,
  personId: string,
  options: { kind?: NotificationKind; title?: string; actorId?: string | null } = {},
): Promise<string | null> {
  t.clock.advance(1);
  return notify(
    t.ctx.db,
    {
      personId,
      kind: options.kind ?? "manager_nudge",
      actorId: options.actorId ?? null,
      subject: null,
      link: "/growth-plans",
      title: options.title ?? "Something happened",
      dedupeKey: null,
    },
    t.ctx.clock.now(),
  );
}

export async function listNotificationsOf(t: TestApp, session: Session): Promise<NotificationList> {
  const response = await getJson(t.app, "/api/notifications", { session });
  if (response.statusCode !== 200) throw new Error(response.body);
  return response.json() as NotificationList;
}

/** Every notification and outbox row of a person, straight from the tables. */
export async function storedNotificationsOf(ctx: AppContext, personId: string) {
  const notifications = await ctx.db
    .selectFrom("notifications")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("id")
    .execute();
  const outbox = await ctx.db
    .selectFrom("outbox_messages")
    .selectAll()
    .where("recipient_id", "=", personId)
    .orderBy("id")
    .execute();
  return { notifications, outbox };
}
