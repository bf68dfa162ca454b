import type { Kysely } from "kysely";
import { type NotificationKind, reminderKinds } from "#core/notifications/notifications.schemas.ts";
import type { Config } from "#server/config.ts";
import type { Database } from "#server/db/schema.ts";
import { invitationKinds } from "#server/modules/conversations/conversation-invitations.ts";
import { liveSessionInvitationKinds } from "#server/modules/live-learning/live-session-invitations.ts";
import { appUrl, preferencesPath, unsubscribeToken, unsubscribeUrl } from "./email-links.ts";
import {
  type RenderedEmail,
  renderCalendarInvitationEmail,
  renderDigestEmail,
  renderInvitationEmail,
  renderNotificationEmail,
} from "./email-templates.ts";
import type { EmailTransport, OutgoingEmail } from "./email-transport.ts";
import { quietHoursEnd, zoneOf } from "./local-time.ts";
import {
  claimDueMessages,
  countReminderEmailsSince,
  type DeliveryFacts,
  type EmailNotification,
  findDeliveryFactsOf,
  findNotificationsByIds,
  findNotificationsForEmail,
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
  concurrency: 20,
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
      icalEvent?: OutgoingEmail["icalEvent"];
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

/** What happened to one claimed message, written back in one transaction per pass. */
type Outcome =
  | { id: string; kind: "sent"; forgetPayload: boolean; notificationId?: string }
  | { id: string; kind: "postponed"; until: Date }
  | { id: string; kind: "skipped"; notificationId?: string }
  | { id: string; kind: "retry"; at: Date; error: string }
  | { id: string; kind: "failed"; error: string; notificationId?: string };

/**
 * One pass: claim what is due, send it, then mark every message in one transaction (one commit,
 * not one per message: with SQLite's synchronous=FULL each commit is a disk flush). A crash
 * before that commit leaves the pass's messages claimed; their leases run out and another pass
 * sends them again, once, under the same Message-ID.
 */
export async function deliverDueMessages(
  ctx: DeliveryContext,
  transport: EmailTransport,
  options: DeliveryOptions,
  now: Date,
): Promise<DeliveryResult> {
  const rows = await claimDueMessages(ctx.db, {
    workerId: options.workerId,
    now,
    leaseMs: options.leaseMs,
    limit: options.batchSize,
  });
  const loaded = await loadPass(ctx.db, rows);
  const outcomes: Outcome[] = [];
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      if (row) outcomes.push(await deliverOne(ctx, transport, options, row, now, loaded));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, lane));
  if (outcomes.length > 0) {
    await ctx.db.transaction().execute((trx) => record(trx, options.workerId, outcomes, now));
  }
  const count = (kind: Outcome["kind"]) =>
    outcomes.filter((outcome) => outcome.kind === kind).length;
  return {
    claimed: rows.length,
    sent: count("sent"),
    retried: count("retry"),
    failed: count("failed"),
    skipped: count("skipped"),
    postponed: count("postponed"),
  };
}

async function record(
  db: Kysely<Database>,
  workerId: string,
  outcomes: readonly Outcome[],
  now: Date,
): Promise<void> {
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case "sent":
        await markMessageSent(db, outcome.id, workerId, now, outcome.forgetPayload);
        if (outcome.notificationId)
          await setNotificationEmailState(db, outcome.notificationId, "sent");
        break;
      case "postponed":
        await releaseMessage(db, outcome.id, workerId, {
          status: "pending",
          nextAttemptAt: outcome.until,
          refundAttempt: true,
        });
        break;
      case "skipped":
        await releaseMessage(db, outcome.id, workerId, { status: "skipped" });
        if (outcome.notificationId)
          await setNotificationEmailState(db, outcome.notificationId, "skipped");
        break;
      case "retry":
        await releaseMessage(db, outcome.id, workerId, {
          status: "pending",
          nextAttemptAt: outcome.at,
          error: outcome.error,
        });
        break;
      case "failed":
        await releaseMessage(db, outcome.id, workerId, { status: "failed", error: outcome.error });
        if (outcome.notificationId)
          await setNotificationEmailState(db, outcome.notificationId, "failed");
        break;
    }
  }
}

/** What a pass's messages are rendered from, read in a few queries for the whole batch. */
type PassFacts = {
  facts: Map<string, DeliveryFacts>;
  notifications: Map<string, EmailNotification>;
  /** Reminder emails this pass is sending per person (not yet counted in the database). */
  reminderSends: Map<string, number>;
};

async function loadPass(db: Kysely<Database>, rows: readonly OutboxRow[]): Promise<PassFacts> {
  const recipients = rows.flatMap((row) => (row.recipient_id ? [row.recipient_id] : []));
  const notificationIds = rows.flatMap((row) => {
    const id = row.kind === "notification" ? parsePayload(row.payload).notificationId : undefined;
    return typeof id === "string" ? [id] : [];
  });
  return {
    facts: await findDeliveryFactsOf(db, recipients),
    notifications: await findNotificationsForEmail(db, notificationIds),
    reminderSends: new Map(),
  };
}

async function deliverOne(
  ctx: DeliveryContext,
  transport: EmailTransport,
  options: DeliveryOptions,
  row: OutboxRow,
  now: Date,
  loaded: PassFacts,
): Promise<Outcome> {
  let prepared: Prepared;
  try {
    prepared = await prepare(ctx, row, now, loaded);
  } catch (error) {
    return failure(options, row, now, error);
  }
  if (prepared.action === "postpone")
    return { id: row.id, kind: "postponed", until: prepared.until };
  if (prepared.action === "skip") {
    return { id: row.id, kind: "skipped", ...notificationOf(prepared.notificationId) };
  }
  try {
    await transport.send({
      from: ctx.config.smtp?.from ?? "Trellis <trellis@localhost>",
      to: row.to_address,
      subject: prepared.email.subject,
      text: prepared.email.text,
      html: prepared.email.html,
      messageId: messageIdFor(row.id, ctx.config.publicUrl),
      headers: prepared.headers,
      ...(prepared.icalEvent ? { icalEvent: prepared.icalEvent } : {}),
    });
  } catch (error) {
    return failure(options, row, now, error);
  }
  return {
    id: row.id,
    kind: "sent",
    forgetPayload: row.kind === "invitation",
    ...notificationOf(prepared.notificationId),
  };
}

const notificationOf = (id: string | undefined) => (id ? { notificationId: id } : {});

function failure(options: DeliveryOptions, row: OutboxRow, now: Date, error: unknown): Outcome {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (row.attempts >= options.maxAttempts) {
    const payload = parsePayload(row.payload);
    const notificationId =
      row.kind === "notification" && typeof payload.notificationId === "string"
        ? payload.notificationId
        : undefined;
    return { id: row.id, kind: "failed", error: message, ...notificationOf(notificationId) };
  }
  return {
    id: row.id,
    kind: "retry",
    at: new Date(now.getTime() + backoffDelay(row.attempts, options)),
    error: message,
  };
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

async function prepare(
  ctx: DeliveryContext,
  row: OutboxRow,
  now: Date,
  loaded: PassFacts,
): Promise<Prepared> {
  const payload = parsePayload(row.payload);
  const { publicUrl } = ctx.config;
  if (row.kind === "invitation") {
    const { name, url, expiresAt } = payload;
    if (typeof name !== "string" || typeof url !== "string" || typeof expiresAt !== "string") {
      return { action: "skip" };
    }
    return { action: "send", email: renderInvitationEmail({ name, url, expiresAt }), headers: {} };
  }
  const facts: DeliveryFacts = (row.recipient_id && loaded.facts.get(row.recipient_id)) || {
    recipient: null,
    settings: null,
  };
  const notificationId =
    typeof payload.notificationId === "string" ? payload.notificationId : undefined;
  if (facts.recipient?.status !== "active") return { action: "skip", notificationId };
  const zone = zoneOf(facts.recipient.timeZone);
  if (row.kind === "calendar_invitation") {
    // Sent at once, quiet hours or not, like an invitation to Trellis: it is about a meeting.
    return prepareCalendarInvitation(payload, {
      recipientName: facts.recipient.preferredName ?? facts.recipient.name,
      timeZone: zone,
      publicUrl,
    });
  }
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
  const notification = loaded.notifications.get(notificationId);
  if (!notification) return { action: "skip" };
  const kind = notification.kind as NotificationKind;
  // The calendar invitation is these kinds' email (docs/decisions/021-conversation-invitations.md).
  if (invitationKinds.includes(kind) || liveSessionInvitationKinds.includes(kind)) {
    return { action: "skip", notificationId };
  }
  if (reminderKinds.includes(kind)) {
    const cap = facts.settings?.weeklyEmailCap ?? 10;
    const earlier = await countReminderEmailsSince(
      ctx.db,
      facts.recipient.id,
      reminderKinds,
      new Date(now.getTime() - week),
    );
    // Checked and counted without an await between, so the pass's lanes cannot both pass.
    const inPass = loaded.reminderSends.get(facts.recipient.id) ?? 0;
    if (earlier + inPass >= cap) return { action: "skip", notificationId };
    loaded.reminderSends.set(facts.recipient.id, inPass + 1);
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

function prepareCalendarInvitation(
  payload: Record<string, unknown>,
  recipient: { recipientName: string; timeZone: string; publicUrl: URL },
): Prepared {
  const { conversationId, method, subject, summary, startsAt, durationMinutes, ics } = payload;
  // A live session's invitation names its own page; a conversation's is found by its id.
  const liveSession = payload.about === "live_session";
  const path = liveSession
    ? payload.link
    : typeof conversationId === "string"
      ? `/conversations/${conversationId}`
      : undefined;
  if (
    typeof path !== "string" ||
    (method !== "REQUEST" && method !== "CANCEL") ||
    typeof subject !== "string" ||
    typeof summary !== "string" ||
    typeof startsAt !== "string" ||
    typeof durationMinutes !== "number" ||
    typeof ics !== "string"
  ) {
    return { action: "skip" };
  }
  const email = renderCalendarInvitationEmail({
    recipientName: recipient.recipientName,
    subject,
    summary,
    cancelled: method === "CANCEL",
    startsAt,
    durationMinutes,
    timeZone: recipient.timeZone,
    link: appUrl(recipient.publicUrl, path),
    about: liveSession ? "live_session" : "conversation",
  });
  return { action: "send", email, headers: {}, icalEvent: { method, content: ics } };
}
