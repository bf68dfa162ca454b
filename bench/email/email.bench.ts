/**
 * The scheduler and the email outbox at scale:
 *   node scripts/run-ts.js bench/email/email.bench.ts --database sqlite|postgres [--people 100000]
 *
 * 1. Scheduler: an organization of `people` (four time zones), seven in ten with an active plan
 *    holding a monthly check-in schedule and two goals with dated action steps, everyone on the
 *    shipped pathway by hire date. Measures the first sync (the whole reminder index built once,
 *    in bounded ticks), a steady tick (nothing written, nothing due), and the tick at 09:00 UTC
 *    on a day many check-ins fall due. Target: a tick under 2 s.
 * 2. Outbox: 2,000 notification emails delivered by one worker to an SMTP server on loopback
 *    (./smtp-sink.ts, a process of its own).
 *    Target: at least 200 messages/s.
 * Writes its section of bench/RESULTS.md.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { newId } from "#core/ids.ts";
import { loadConfig } from "#server/config.ts";
import { createDb, type Db } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import {
  defaultDeliveryOptions,
  deliverDueMessages,
} from "#server/modules/email/email-delivery.ts";
import { createSmtpTransport } from "#server/modules/email/email-transport.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { installShippedPathway } from "#server/modules/pathways/pathway-defaults.ts";
import { runSchedulerTick } from "#server/modules/scheduler/scheduler.ts";
import { createTestDatabase } from "#server/testing/test-database.ts";
import { generateOrganization } from "../load/organization.ts";

const { values } = parseArgs({
  options: {
    database: { type: "string", default: "sqlite" },
    people: { type: "string", default: "100000" },
    messages: { type: "string", default: "2000" },
  },
});
if (values.database === "postgres") {
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
} else {
  delete process.env.TEST_DATABASE_URL;
}
const size = Number(values.people);
const messageCount = Number(values.messages);
const resultsFile = fileURLToPath(new URL("../RESULTS.md", import.meta.url));
const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];
const day = 86_400_000;
const batch = 500;

/** Wall time, and this process's CPU time (user + system): the machine may be shared. */
async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function generatePlans(db: Db, now: Date): Promise<number> {
  const people = await db.selectFrom("people").select("id").orderBy("id").execute();
  let plans = 0;
  for (let start = 0; start < people.length; start += batch) {
    const slice = people.slice(start, start + batch);
    const zone = zones[(start / batch) % zones.length] ?? "UTC";
    await db
      .updateTable("people")
      .set({ time_zone: zone })
      .where(
        "id",
        "in",
        slice.map((person) => person.id),
      )
      .execute();
    const planRows = [];
    const sectionRows = [];
    const goalRows = [];
    for (const [offset, person] of slice.entries()) {
      const index = start + offset;
      if (index % 10 >= 7) continue;
      const planId = newId(now.getTime() - index);
      // Last written 0–80 days ago: none stale yet, some within the coming weeks.
      const updatedAt = new Date(now.getTime() - (index % 80) * day).toISOString();
      planRows.push({
        id: planId,
        owner_id: person.id,
        title: "Growth plan",
        status: "active" as const,
        active_owner_id: person.id,
        template_id: null,
        version: 3,
        created_at: updatedAt,
        updated_at: updatedAt,
      });
      const startsOn = `2026-01-${String(1 + (index % 28)).padStart(2, "0")}`;
      sectionRows.push({
        plan_id: planId,
        section_key: "tracking",
        content: JSON.stringify({
          schedule: [{ id: newId(), cadence: "monthly", label: "Monthly reflection", startsOn }],
          checkIns: [],
          reflections: [],
        }),
        version: 1,
        updated_at: updatedAt,
      });
      for (const position of [1, 2]) {
        const dueOn = new Date(now.getTime() + ((index * position) % 60) * day)
          .toISOString()
          .slice(0, 10);
        goalRows.push({
          id: newId(),
          plan_id: planId,
          position,
          content: JSON.stringify({
            skill: `Skill ${position}`,
            resources: "",
            careerSupport: "",
            actionSteps: [
              { id: newId(), title: `Step ${position}`, dueOn, done: false, doneOn: null },
            ],
            network: "",
            challenges: "",
            status: "in-progress",
            targetDate: null,
          }),
          version: 1,
          created_at: updatedAt,
          updated_at: updatedAt,
        });
      }
    }
    if (planRows.length === 0) continue;
    await db.insertInto("growth_plans").values(planRows).execute();
    await db.insertInto("growth_plan_sections").values(sectionRows).execute();
    for (let goalStart = 0; goalStart < goalRows.length; goalStart += batch) {
      await db
        .insertInto("growth_plan_goals")
        .values(goalRows.slice(goalStart, goalStart + batch))
        .execute();
    }
    plans += planRows.length;
  }
  return plans;
}

async function countRows(db: Db, table: "reminder_dates" | "notifications"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

type Measured = { label: string; ms: number; cpuMs: number; detail: string };

async function benchScheduler(db: Db, now: Date): Promise<{ rows: Measured[]; plans: number }> {
  const rows: Measured[] = [];
  const generated = await timed(async () => {
    await generateOrganization(db, size, now);
    await installShippedPathway(db, {
      clock: { now: () => now },
      config: loadConfig({ LOG_LEVEL: "silent" }),
    });
    return generatePlans(db, now);
  });
  const plans = generated.result;
  console.log(`${size} people, ${plans} plans generated in ${generated.ms.toFixed(0)} ms`);

  // The first sync walks every source once, in ticks bounded by the time budget.
  let ticks = 0;
  let longest = 0;
  let longestCpu = 0;
  const first = await timed(async () => {
    for (;;) {
      const tick = await timed(() => runSchedulerTick(db, now, { settleMs: 0 }));
      ticks++;
      longest = Math.max(longest, tick.ms);
      longestCpu = Math.max(longestCpu, tick.cpuMs);
      if (!tick.result.more) break;
    }
  });
  const indexed = await countRows(db, "reminder_dates");
  rows.push({
    label: "first sync: the whole reminder index, once per installation",
    ms: first.ms,
    cpuMs: first.cpuMs,
    detail: `${ticks} ticks, longest ${longest.toFixed(0)} ms (CPU ${longestCpu.toFixed(0)} ms); ${indexed.toLocaleString("en")} upcoming reminders`,
  });

  const steady: { ms: number; cpuMs: number }[] = [];
  for (let run = 0; run < 5; run++) {
    const later = new Date(now.getTime() + (run + 1) * 60_000);
    steady.push(await timed(() => runSchedulerTick(db, later, { settleMs: 0 })));
  }
  steady.sort((a, b) => a.ms - b.ms);
  rows.push({
    label: "steady tick: nothing written, nothing due (median of 5)",
    ms: steady[2]?.ms ?? 0,
    cpuMs: steady[2]?.cpuMs ?? 0,
    detail: `max ${(steady[4]?.ms ?? 0).toFixed(0)} ms`,
  });

  // The next day at 09:00 UTC: that day's UTC check-ins and action steps fall due together.
  const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9));
  const before = await countRows(db, "notifications");
  let dueTicks = 0;
  let dueLongest = 0;
  let dueLongestCpu = 0;
  const dueRun = await timed(async () => {
    for (;;) {
      const tick = await timed(() => runSchedulerTick(db, due, { settleMs: 0 }));
      dueTicks++;
      if (tick.ms > dueLongest) {
        dueLongest = tick.ms;
        dueLongestCpu = tick.cpuMs;
      }
      if (!tick.result.more) break;
    }
  });
  const produced = (await countRows(db, "notifications")) - before;
  rows.push({
    label: "due tick: 09:00 UTC, the day's reminders fall due (longest tick)",
    ms: dueLongest,
    cpuMs: dueLongestCpu,
    detail: `${produced.toLocaleString("en")} reminders produced in ${dueTicks} tick(s), ${dueRun.ms.toFixed(0)} ms in all (${Math.round(produced / (dueRun.ms / 1000)).toLocaleString("en")}/s)`,
  });
  const again = await timed(() => runSchedulerTick(db, due, { settleMs: 0 }));
  rows.push({
    label: "the same minute again (restart, or a second instance)",
    ms: again.ms,
    cpuMs: again.cpuMs,
    detail: `${again.result.produced} produced`,
  });
  return { rows, plans };
}

async function benchOutbox(db: Db, now: Date): Promise<Measured> {
  const sink = spawn(
    process.execPath,
    [fileURLToPath(new URL("./smtp-sink.ts", import.meta.url))],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: sink.stdout });
  const output = lines[Symbol.asyncIterator]();
  const port = Number((await output.next()).value);
  const smtp = { url: `smtp://127.0.0.1:${port}`, from: "Trellis <trellis@bench.example>" };
  const recipients = await db
    .selectFrom("people")
    .select("id")
    .orderBy("id")
    .limit(messageCount)
    .execute();
  for (let start = 0; start < recipients.length; start += batch) {
    await db.transaction().execute(async (trx) => {
      for (const person of recipients.slice(start, start + batch)) {
        await notify(
          trx,
          {
            personId: person.id,
            kind: "plan_comment",
            actorId: null,
            subject: null,
            link: "/growth-plans",
            title: "A comment on your plan",
            dedupeKey: null,
          },
          now,
        );
      }
    });
  }
  const transport = createSmtpTransport(smtp);
  const ctx = { config: { publicUrl: new URL("https://trellis.example"), smtp }, db };
  const options = { ...defaultDeliveryOptions, workerId: "bench" };
  // The weekly cap and quiet hours are checked for every message, as in production.
  let sent = 0;
  const run = await timed(async () => {
    for (;;) {
      const result = await deliverDueMessages(ctx, transport, options, now);
      sent += result.sent;
      if (result.claimed === 0) break;
    }
  });
  transport.close();
  sink.kill("SIGTERM");
  const received = Number((await output.next()).value);
  const rate = sent / (run.ms / 1000);
  const cpuRate = sent / (run.cpuMs / 1000);
  return {
    label: `outbox: ${sent.toLocaleString("en")} emails to a local SMTP server`,
    ms: run.ms,
    cpuMs: run.cpuMs,
    detail: `${Math.round(rate)} messages/s (target ≥ 200), ${Math.round(cpuRate)} per CPU-second of Trellis; ${received} received`,
  };
}

const testDatabase = await createTestDatabase();
const db = createDb(testDatabase.database);
let failed = false;
try {
  await migrateToLatest(db);
  const now = new Date("2026-03-02T08:00:00.000Z");
  const scheduler = await benchScheduler(db, now);
  const outbox = await benchOutbox(db, new Date("2026-03-03T12:00:00.000Z"));
  const rows = [...scheduler.rows, outbox];
  for (const row of rows) {
    console.log(
      `${row.label.padEnd(66)} ${row.ms.toFixed(0).padStart(7)} ms  CPU ${row.cpuMs.toFixed(0).padStart(7)} ms  ${row.detail}`,
    );
  }
  const ticks = rows.filter((row) => row.label.includes(" tick"));
  const slowest = Math.max(...ticks.map((row) => row.ms));
  const outboxRate = Number(/(\d+) messages\/s/.exec(outbox.detail)?.[1] ?? 0);
  const name = values.database === "postgres" ? "PostgreSQL" : "SQLite";
  const marker = `email:${values.database}:${size}`;
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const section = [
    `<!-- ${marker}:start -->`,
    `### ${name}, ${size.toLocaleString("en")} people`,
    "",
    `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · Node ${process.version} · ${scheduler.plans.toLocaleString("en")} active plans · load average ${loadavg()[0]?.toFixed(1)} while running`,
    "",
    "| step | wall ms | CPU ms (this process) | wall ms / 2 s target | detail |",
    "| --- | ---: | ---: | ---: | --- |",
    ...rows.map(
      (row) =>
        `| ${row.label} | ${row.ms.toFixed(0)} | ${row.cpuMs.toFixed(0)} | ${row.label.includes("tick") ? (row.ms / 2000).toFixed(2) : ""} | ${row.detail} |`,
    ),
    `<!-- ${marker}:end -->`,
  ].join("\n");
  const current = readFileSync(resultsFile, "utf8");
  const pattern = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*?<!-- ${marker}:end -->`);
  writeFileSync(
    resultsFile,
    pattern.test(current)
      ? current.replace(pattern, section)
      : `${current.trimEnd()}\n\n${section}\n`,
  );
  if (slowest >= 2_000) {
    console.error(`A scheduler tick took ${slowest.toFixed(0)} ms (target < 2000 ms).`);
    failed = true;
  }
  if (outboxRate < 200) {
    console.error(`The outbox delivered ${outboxRate} messages/s (target ≥ 200).`);
    failed = true;
  }
} finally {
  await db.destroy();
  await testDatabase.drop();
}
if (failed) process.exitCode = 1;
