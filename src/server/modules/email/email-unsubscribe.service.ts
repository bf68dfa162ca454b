import type { UnsubscribeView } from "#core/email/unsubscribe.schemas.ts";
import {
  defaultChannels,
  type NotificationChannel,
  type NotificationKind,
  notificationKinds,
} from "#core/notifications/notifications.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { emailPolicies } from "./email.policy.ts";
import { readUnsubscribeToken, type UnsubscribeScope } from "./email-links.ts";

const unknownLink = () => new AppError("not_found", "This link is not valid.");

async function verifiedLink(ctx: AppContext, token: string) {
  const link = await readUnsubscribeToken(ctx.db, token);
  const person = link
    ? await ctx.db
        .selectFrom("people")
        .select("id")
        .where("id", "=", link.personId)
        .executeTakeFirst()
    : undefined;
  if (
    !emailPolicies.unsubscribe({
      signatureValid: link !== null,
      personExists: person !== undefined,
    }) ||
    !link
  ) {
    throw unknownLink();
  }
  return link;
}

async function channels(
  ctx: AppContext,
  personId: string,
): Promise<Map<NotificationKind, NotificationChannel>> {
  const rows = await ctx.db
    .selectFrom("notification_preferences")
    .select(["kind", "channel"])
    .where("person_id", "=", personId)
    .execute();
  const chosen = new Map(rows.map((row) => [row.kind, row.channel as NotificationChannel]));
  return new Map(
    notificationKinds.map((kind) => [kind, chosen.get(kind) ?? defaultChannels[kind]]),
  );
}

const kindsOf = (scope: UnsubscribeScope): readonly NotificationKind[] =>
  scope === "all" ? notificationKinds : [scope];

function view(
  scope: UnsubscribeScope,
  current: Map<NotificationKind, NotificationChannel>,
): UnsubscribeView {
  return {
    scope,
    kinds: kindsOf(scope).map((kind) => ({
      kind,
      channel: current.get(kind) ?? defaultChannels[kind],
    })),
  };
}

/** What the link would change; changes nothing (mail scanners fetch links). */
export async function describeUnsubscribe(
  ctx: AppContext,
  token: string,
): Promise<UnsubscribeView> {
  const link = await verifiedLink(ctx, token);
  return view(link.scope, await channels(ctx, link.personId));
}

/** Turns email into in-app for the link's kind (or every emailed kind); "off" stays off. */
export async function unsubscribe(ctx: AppContext, token: string): Promise<UnsubscribeView> {
  const link = await verifiedLink(ctx, token);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await channels({ ...ctx, db: trx }, link.personId);
    const emailed = kindsOf(link.scope).filter((kind) => current.get(kind) === "email");
    for (const kind of emailed) {
      await trx
        .insertInto("notification_preferences")
        .values({ person_id: link.personId, kind, channel: "in_app" })
        .onConflict((conflict) =>
          conflict.columns(["person_id", "kind"]).doUpdateSet({ channel: "in_app" }),
        )
        .execute();
      current.set(kind, "in_app");
    }
    if (emailed.length > 0) {
      // A preferences form opened before this answers 409 instead of switching email back on.
      await trx
        .updateTable("notification_settings")
        .set((eb) => ({ version: eb("version", "+", 1), updated_at: now }))
        .where("person_id", "=", link.personId)
        .execute();
    }
    return view(link.scope, current);
  });
}
