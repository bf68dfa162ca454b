/**
 * Times scheduler ticks and an outbox pass on an existing database whose reminder index is
 * already (partly) built, e.g. one left by an interrupted email benchmark:
 *   DATABASE_URL=postgres://…?options=-c%20search_path%3D<schema> node bench/email/tick-on-database.ts
 * Prints wall and CPU time of a steady tick, of the ticks at DUE_AT (default 09:00 UTC the
 * next day), and of delivering the emails those ticks wrote to a local SMTP server.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createDb } from "#server/db/create-db.ts";
import {
  defaultDeliveryOptions,
  deliverDueMessages,
} from "#server/modules/email/email-delivery.ts";
import { createSmtpTransport } from "#server/modules/email/email-transport.ts";
import { runSchedulerTick } from "#server/modules/scheduler/scheduler.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL");
const db = createDb({ kind: "postgres", url });
const now = new Date("2026-03-02T08:00:00.000Z");
async function timed(label: string, at: Date) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await runSchedulerTick(db, at, { settleMs: 0 });
  const used = process.cpuUsage(cpu);
  console.log(
    `${label}: ${(performance.now() - started).toFixed(0)} ms, CPU ${((used.user + used.system) / 1000).toFixed(0)} ms, ${JSON.stringify(result)}`,
  );
  return result;
}
try {
  const count = await db
    .selectFrom("reminder_dates")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  console.log(`reminder_dates: ${count.count} rows`);
  // Treat the index as caught up: the sources' cursors at their ends.
  for (const [key, table, column] of [
    ["sync:growth_plans", "growth_plans", "updated_at"],
    ["sync:people", "people", "updated_at"],
  ] as const) {
    const last = await db
      .selectFrom(table)
      .select([`${column} as at`, "id"])
      .orderBy(column, "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("scheduler_state")
      .values({ key, value: JSON.stringify(last) })
      .onConflict((conflict) => conflict.column("key").doUpdateSet({ value: JSON.stringify(last) }))
      .execute();
  }
  await db
    .insertInto("scheduler_state")
    .values({ key: "sync:caught-up", value: now.toISOString() })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .execute();
  for (let run = 1; run <= 3; run++)
    await timed(`steady tick ${run}`, new Date(now.getTime() + run * 60_000));
  const due = new Date(process.env.DUE_AT ?? "2026-03-03T09:00:00.000Z");
  for (let run = 1; run <= 30; run++) {
    const result = await timed(`due tick ${run}`, due);
    if (!result.more) break;
  }
  await timed("same minute again", due);

  // The outbox rows those ticks wrote, delivered to an SMTP server in a process of its own.
  const sink = spawn(
    process.execPath,
    [fileURLToPath(new URL("./smtp-sink.ts", import.meta.url))],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const output = createInterface({ input: sink.stdout })[Symbol.asyncIterator]();
  const port = Number((await output.next()).value);
  const smtp = { url: `smtp://127.0.0.1:${port}`, from: "Trellis <trellis@bench.example>" };
  const transport = createSmtpTransport(smtp);
  const ctx = { config: { publicUrl: new URL("https://trellis.example"), smtp }, db };
  let sent = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (;;) {
    const result = await deliverDueMessages(
      ctx,
      transport,
      { ...defaultDeliveryOptions, workerId: "bench" },
      due,
    );
    sent += result.sent;
    if (result.claimed === 0) break;
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  transport.close();
  sink.kill("SIGTERM");
  console.log(
    `outbox: ${sent} sent in ${ms.toFixed(0)} ms, ${Math.round(sent / (ms / 1000))} messages/s, ${Math.round(sent / ((used.user + used.system) / 1e6))} per CPU-second; ${(await output.next()).value} received`,
  );
} finally {
  await db.destroy();
}
