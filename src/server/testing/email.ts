import type {
  NotificationChannel,
  NotificationKind,
} from "#core/notifications/notifications.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { createSmtpTransport } from "#server/modules/email/email-transport.ts";
import {
  type BackgroundWorker,
  createBackgroundWorker,
  type WorkerOptions,
} from "#server/modules/email/email-worker.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./smtp-server.ts";
import { createTestApp, type TestApp } from "./test-app.ts";

/** A test app whose SMTP_URL points at a real SMTP server on loopback, and its workers. */
export type EmailTestApp = {
  t: TestApp;
  smtp: TestSmtpServer;
  /** A delivery worker and scheduler of its own (an app instance), driven by hand. */
  worker(options?: Partial<WorkerOptions>): BackgroundWorker;
  close(): Promise<void>;
};

export const testPublicUrl = "https://trellis.example";

export async function createEmailTestApp(env: Record<string, string> = {}): Promise<EmailTestApp> {
  const smtp = await startTestSmtpServer();
  const t = await createTestApp({ PUBLIC_URL: testPublicUrl, SMTP_URL: smtp.url, ...env });
  const workers: BackgroundWorker[] = [];
  return {
    t,
    smtp,
    worker(options = {}) {
      const worker = createTestWorker(t.ctx, options);
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const worker of workers) await worker.stop();
      await t.close();
      await smtp.close();
    },
  };
}

/** Backoff of a few milliseconds and no settle time, so tests move the clock by small steps. */
export function createTestWorker(
  ctx: AppContext,
  options: Partial<WorkerOptions> = {},
): BackgroundWorker {
  const smtp = ctx.config.smtp;
  return createBackgroundWorker(ctx, {
    transport: smtp ? createSmtpTransport({ ...smtp, url: `${smtp.url}?pool=false` }) : null,
    ...options,
    delivery: { backoffBaseMs: 1_000, backoffMaxMs: 60_000, maxAttempts: 3, ...options.delivery },
    scheduler: { settleMs: 0, ...options.scheduler },
  });
}

export async function setChannel(
  ctx: AppContext,
  personId: string,
  kind: NotificationKind,
  channel: NotificationChannel,
): Promise<void> {
  await ctx.db
    .insertInto("notification_preferences")
    .values({ person_id: personId, kind, channel })
    .onConflict((conflict) => conflict.columns(["person_id", "kind"]).doUpdateSet({ channel }))
    .execute();
}

export async function setNotificationSettings(
  ctx: AppContext,
  personId: string,
  settings: Partial<{
    digest: "off" | "daily" | "weekly";
    digestHour: number;
    digestWeekday: number;
    quietStart: string | null;
    quietEnd: string | null;
    weeklyEmailCap: number;
  }>,
): Promise<void> {
  const values = {
    digest: settings.digest ?? "off",
    digest_hour: settings.digestHour ?? 8,
    digest_weekday: settings.digestWeekday ?? 1,
    quiet_start: settings.quietStart ?? null,
    quiet_end: settings.quietEnd ?? null,
    weekly_email_cap: settings.weeklyEmailCap ?? 10,
  };
  await ctx.db
    .insertInto("notification_settings")
    .values({
      person_id: personId,
      ...values,
      version: 1,
      updated_at: ctx.clock.now().toISOString(),
    })
    .onConflict((conflict) => conflict.column("person_id").doUpdateSet(values))
    .execute();
}

export async function outboxRows(ctx: AppContext) {
  return ctx.db.selectFrom("outbox_messages").selectAll().orderBy("id").execute();
}
