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
import {
  bumpSettingsVersion,
  listChosenChannels,
  personExists,
  setChannelInApp,
} from "./email-unsubscribe.queries.ts";

const unknownLink = () => new AppError("not_found", "This link is not valid.");

async function verifiedLink(ctx: AppContext, token: string) {
  const link = await readUnsubscribeToken(ctx.db, token);
  const exists = link ? await personExists(ctx.db, link.personId) : false;
  if (
    !emailPolicies.unsubscribe({
      signatureValid: link !== null,
      personExists: exists,
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
  const rows = await listChosenChannels(ctx.db, personId);
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
      await setChannelInApp(trx, link.personId, kind);
      current.set(kind, "in_app");
    }
    if (emailed.length > 0) {
      await bumpSettingsVersion(trx, link.personId, now);
    }
    return view(link.scope, current);
  });
}
