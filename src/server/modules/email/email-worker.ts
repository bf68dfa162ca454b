import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Config } from "#server/config.ts";
import type { Clock } from "#server/context.ts";
import type { Database } from "#server/db/schema.ts";
import {
  runSchedulerTick,
  type SchedulerOptions,
  type TickResult,
} from "#server/modules/scheduler/scheduler.ts";
import {
  type DeliveryOptions,
  type DeliveryResult,
  defaultDeliveryOptions,
  deliverDueMessages,
} from "./email-delivery.ts";
import type { EmailTransport } from "./email-transport.ts";
import { failUndeliverableMessages } from "./outbox-delivery.queries.ts";

/**
 * The background worker each app instance runs: every `deliveryIntervalMs` it sends what the
 * outbox holds, every `schedulerIntervalMs` it runs a scheduler tick (reminders and digests).
 * Tests drive it by hand through deliverOnce and tickOnce instead of starting it.
 */
export type BackgroundWorker = {
  readonly id: string;
  start(): void;
  /** Stops the timers and waits for the pass in progress. */
  stop(): Promise<void>;
  deliverOnce(): Promise<DeliveryResult>;
  tickOnce(): Promise<TickResult>;
};

export type WorkerOptions = {
  /** Null when SMTP is not configured: the outbox keeps its messages and only the scheduler runs. */
  transport: EmailTransport | null;
  workerId?: string;
  deliveryIntervalMs?: number;
  schedulerIntervalMs?: number;
  delivery?: Partial<Omit<DeliveryOptions, "workerId">>;
  scheduler?: Partial<SchedulerOptions>;
  log?: { warn(object: unknown, message: string): void };
};

export function createBackgroundWorker(
  ctx: { config: Pick<Config, "publicUrl" | "smtp">; db: Kysely<Database>; clock: Clock },
  options: WorkerOptions,
): BackgroundWorker {
  const id = options.workerId ?? `worker-${randomUUID()}`;
  const delivery: DeliveryOptions = {
    ...defaultDeliveryOptions,
    ...options.delivery,
    workerId: id,
  };
  const deliveryIntervalMs = options.deliveryIntervalMs ?? 5_000;
  const schedulerIntervalMs = options.schedulerIntervalMs ?? 60_000;
  const timers = new Set<NodeJS.Timeout>();
  let running = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  const deliverOnce = async (): Promise<DeliveryResult> => {
    if (!options.transport) {
      const failed = await failUndeliverableMessages(ctx.db, {
        now: ctx.clock.now(),
        limit: delivery.batchSize,
        reason: "No SMTP server is configured (SMTP_URL is not set)",
      });
      return { claimed: failed, sent: 0, retried: 0, failed, skipped: 0, postponed: 0 };
    }
    return deliverDueMessages(ctx, options.transport, delivery, ctx.clock.now());
  };
  const tickOnce = () => runSchedulerTick(ctx.db, ctx.clock.now(), options.scheduler);

  const loop = (name: string, intervalMs: number, pass: () => Promise<boolean>) => {
    const run = () => {
      if (!running) return;
      const current = pass()
        .catch((error: unknown) => {
          options.log?.warn({ err: error }, `${name} failed`);
          return false;
        })
        .then((more) => {
          if (!running) return;
          // A full batch means more is waiting: go again soon instead of after the interval.
          const timer = setTimeout(
            () => {
              timers.delete(timer);
              run();
            },
            more ? 10 : intervalMs,
          );
          timer.unref();
          timers.add(timer);
        });
      inFlight = Promise.all([inFlight, current]);
    };
    run();
  };

  return {
    id,
    start() {
      if (running) return;
      running = true;
      loop("email delivery", deliveryIntervalMs, async () => {
        const result = await deliverOnce();
        return result.claimed >= delivery.batchSize;
      });
      loop("scheduler tick", schedulerIntervalMs, async () => (await tickOnce()).more);
    },
    async stop() {
      running = false;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await inFlight;
      options.transport?.close();
    },
    deliverOnce,
    tickOnce,
  };
}
