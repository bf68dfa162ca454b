import type { Kysely } from "kysely";
import { type NotificationKind, reminderKinds } from "#core/notifications/notifications.schemas.ts";
import type { Config } from "#server/config.ts";
import type { Database } from "#server/db/schema.ts";
import { appUrl, preferencesPath, unsubscribeToken, unsubscribeUrl } from "./email-links.ts";
import {
  type RenderedEmail,
  renderDigestEmail,
  renderInvitationEmail,
  renderNotificationEmail,
} from "./email-templates.ts";
import type { EmailTransport, OutgoingEmail } from "./email-transport.ts";
import { quietHoursEnd, zoneOf } from "./local-time.ts";
import {
  claimDueMessages,
  countReminderEmailsSince,
  findDeliveryFacts,
  findNotificationForEmail,
  findNotificationsByIds,
  markMessageSent,
  type OutboxRow,
  releaseMessage,
  setNotificationEmailState,
} from "./outbox-delivery.queries.ts";

export type DeliveryOptions = {
  workerId: string;
  /** How long a claim holds before another worker may take the message over. */
  leaseMs: number;
  /** Attempts before a message is given up as "failed". */
  maxAttempts: number;
  /** Wait after the first failure; doubles with each further one, up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  batchSize: number;
  /** Messages handed to SMTP at once. */
  concurrency: number;
};

export const defaultDeliveryOptions: Omit<DeliveryOptions, "workerId"> = {
  leaseMs: 5 * 60_000,
  maxAttempts: 8,
  backoffBaseMs: 60_000,
  backoffMaxMs: 6 * 60 * 60_000,
  batchSize: 200,
  concurrency: 10,
};

export type DeliveryResult = {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  postponed: number;
};

type DeliveryContext = { config: Pick<Config, "publicUrl" | "smtp">; db: Kysely<Database> };

type Prepared =
  | {
      action: "send";
      email: RenderedEmail;
      headers: Record<string, string>;
      notificationId?: string;
    }
  | { action: "postpone"; until: Date }
  | { action: "skip"; notificationId?: string };

const week = 7 * 24 * 60 * 60_000;

/** Backoff after the `attempts`-th failed attempt: base · 2^(attempts-1), capped. */
export function backoffDelay(
  attempts: number,
  options: Pick<DeliveryOptions, "backoffBaseMs" | "backoffMaxMs">,
): number {
  return Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}

/** A Message-ID derived from the outbox id: a re-send after a crash carries the same one. */
export function messageIdFor(outboxId: string, publicUrl: URL): string {
  return `<outbox-${outboxId}@${publicUrl.hostname || "trellis.invalid"}>`;
}

/** One pass: claim what is due, send it, mark each message. Call repeatedly (the worker does). */
export async function deliverDueMessages(
  ctx: DeliveryContext,
  transport: EmailTransport,
  options: DeliveryOptions,
  now: Date,
): Promise<DeliveryResult> {
  const result: DeliveryResult = {
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    skipped: 0,
    postponed: 0,
  };
  const rows = await claimDueMessages(ctx.db, {
    workerId: options.workerId,
    now,
    leaseMs: options.leaseMs,
    limit: options.batchSize,
  });
  result.claimed = rows.length;
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      if (row) await deliverOne(ctx, transport, options, row, now, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, lane));
  return result;
}

async function deliverOne(
  ctx: DeliveryContext,
  transport: EmailTransport,
  options: DeliveryOptions,
  row: OutboxRow,
  now: Date,
  result: DeliveryResult,
): Promise<void> {
  let prepared: Prepared;
  try {
    prepared = await prepare(ctx, row, now);
  } catch (error) {
    await fail(ctx, options, row, now, error, result);
    return;
  }
  if (prepared.action === "postpone") {
    await releaseMessage(ctx.db, row.id, options.workerId, {
      status: "pending",
      nextAttemptAt: prepared.until,
      refundAttempt: true,
    });
    result.postponed++;
    return;
  }
  if (prepared.action === "skip") {
    await releaseMessage(ctx.db, row.id, options.workerId, { status: "skipped" });
    if (prepared.notificationId)
      await setNotificationEmailState(ctx.db, prepared.notificationId, "skipped");
    result.skipped++;
    return;
  }
  const email: OutgoingEmail = {
    from: ctx.config.smtp?.from ?? "Trellis <trellis@localhost>",
    to: row.to_address,
    subject: prepared.email.subject,
    text: prepared.email.text,
    html: prepared.email.html,
    messageId: messageIdFor(row.id, ctx.config.publicUrl),
    headers: prepared.headers,
  };
  try {
    await transport.send(email);
  } catch (error) {
    await fail(ctx, options, row, now, error, result);
    return;
  }
  await markMessageSent(ctx.db, row.id, options.workerId, new Date(), row.kind === "invitation");
  if (prepared.notificationId)
    await setNotificationEmailState(ctx.db, prepared.notificationId, "sent");
  result.sent++;
}

async function fail(
  ctx: DeliveryContext,
  options: DeliveryOptions,
  row: OutboxRow,
  now: Date,
  error: unknown,
  result: DeliveryResult,
): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (row.attempts >= options.maxAttempts) {
    await releaseMessage(ctx.db, row.id, options.workerId, { status: "failed", error: message });
    const payload = parsePayload(row.payload);
    if (row.kind === "notification" && typeof payload.notificationId === "string") {
      await setNotificationEmailState(ctx.db, payload.notificationId, "failed");
    }
    result.failed++;
    return;
  }
  await releaseMessage(ctx.db, row.id, options.workerId, {
    status: "pending",
    nextAttemptAt: new Date(now.getTime() + backoffDelay(row.attempts, options)),
    error: message,
  });
  result.retried++;
}

function parsePayload(payload: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

async function prepare(ctx: DeliveryContext, row: OutboxRow, now: Date): Promise<Prepared> {
  const payload = parsePayload(row.payload);
  const { publicUrl } = ctx.config;
  if (row.kind === "invitation") {
    const { name, url, expiresAt } = payload;
    if (typeof name !== "string" || typeof url !== "string" || typeof expiresAt !== "string") {
      return { action: "skip" };
    }
    return { action: "send", email: renderInvitationEmail({ name, url, expiresAt }), headers: {} };
  }
  const facts = await findDeliveryFacts(ctx.db, row.recipient_id);
  const notificationId =
    typeof payload.notificationId === "string" ? payload.notificationId : undefined;
  if (facts.recipient?.status !== "active") return { action: "skip", notificationId };
  const zone = zoneOf(facts.recipient.timeZone);
  const quiet =
    facts.settings?.quietStart && facts.settings.quietEnd
      ? { start: facts.settings.quietStart, end: facts.settings.quietEnd }
      : null;
  const quietEnd = quietHoursEnd(now, zone, quiet);
  if (quietEnd) return { action: "postpone", until: quietEnd };
  const recipientName = facts.recipient.preferredName ?? facts.recipient.name;
  const preferencesUrl = appUrl(publicUrl, preferencesPath);

  if (row.kind === "digest") {
    const ids = Array.isArray(payload.notificationIds)
      ? payload.notificationIds.filter((id): id is string => typeof id === "string")
      : [];
    const items = await findNotificationsByIds(ctx.db, ids);
    if (items.length === 0) return { action: "skip" };
    const link = unsubscribeUrl(
      publicUrl,
      await unsubscribeToken(ctx.db, facts.recipient.id, "all"),
    );
    const email = renderDigestEmail({
      recipientName,
      frequency: payload.frequency === "weekly" ? "weekly" : "daily",
      items: items.map((item) => ({
        kind: item.kind as NotificationKind,
        title: item.title,
        link: appUrl(publicUrl, item.link),
        createdAt: item.created_at,
      })),
      appUrl: appUrl(publicUrl, "/"),
      preferencesUrl,
      unsubscribeUrl: link,
    });
    return { action: "send", email, headers: unsubscribeHeaders(link) };
  }

  if (!notificationId) return { action: "skip" };
  const notification = await findNotificationForEmail(ctx.db, notificationId);
  if (!notification) return { action: "skip" };
  const kind = notification.kind as NotificationKind;
  if (reminderKinds.includes(kind)) {
    const cap = facts.settings?.weeklyEmailCap ?? 10;
    const sent = await countReminderEmailsSince(
      ctx.db,
      facts.recipient.id,
      reminderKinds,
      new Date(now.getTime() - week),
    );
    if (sent >= cap) return { action: "skip", notificationId };
  }
  const link = unsubscribeUrl(publicUrl, await unsubscribeToken(ctx.db, facts.recipient.id, kind));
  const email = renderNotificationEmail({
    kind,
    recipientName,
    actorName: notification.actor_preferred_name ?? notification.actor_name ?? null,
    title: notification.title,
    link: appUrl(publicUrl, notification.link),
    preferencesUrl,
    unsubscribeUrl: link,
  });
  return { action: "send", email, headers: unsubscribeHeaders(link), notificationId };
}
