/**
 * Calendar feed benchmark: one person whose feed holds 500 events (7 weekly learning blocks in
 * Europe/Paris, 10 monthly check-in schedules, and due action steps making up the rest), served
 * by `trellis serve` in a process of its own on 127.0.0.1 and driven by autocannon. The bare route
 * (/healthz) is measured in the same run, and each feed row is reported with its ratio to it.
 * Target: the feed URL answers p99 ≤ 50 ms.
 *
 *   node bench/calendar-feed.bench.ts [--database sqlite|postgres] [--duration 10]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { type LearningBlock, weekdays } from "#core/calendar.schemas.ts";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import { newId } from "#core/ids.ts";
import { loadConfig } from "#server/config.ts";
import { type Actor, systemClock } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import {
  createMyFeedToken,
  getMyCalendarFeed,
  saveMyCalendarFeed,
} from "#server/modules/calendar/calendar.service.ts";
import { createGoal } from "#server/modules/growth-plans/growth-plan-goals.service.ts";
import { saveSection } from "#server/modules/growth-plans/growth-plan-sections.service.ts";
import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import { insertPerson } from "#server/modules/people/people.queries.ts";
import { serverNodeFlags } from "#server/node-flags.ts";
import { createTestDatabase } from "#server/testing/test-database.ts";

const { values } = parseArgs({
  options: {
    database: { type: "string", default: "sqlite" },
    duration: { type: "string", default: "10" },
  },
});
const duration = Number(values.duration);
if (values.database === "postgres") {
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
} else {
  delete process.env.TEST_DATABASE_URL;
}

const eventCount = 500;
const maxP99Ms = 50;
const cli = fileURLToPath(new URL("../src/server/cli.ts", import.meta.url));
const resultsFile = fileURLToPath(new URL("./RESULTS.md", import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("server did not become ready");
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const value = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  return Math.round(value * 10) / 10;
}

type Measured = {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  ratio: number;
  target: boolean;
};

async function measure(url: string, path: string, connections: number) {
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${url}${path}`,
    connections,
    duration,
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on("response", (_client, _status, _bytes, responseTime: number) =>
    latencies.push(responseTime),
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(result.requests.total / duration),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A person whose feed holds exactly `eventCount` events; answers the feed URL's path. */
async function seedFeed(
  ctx: Parameters<typeof createPlan>[0],
): Promise<{ path: string; actor: Actor; blocks: LearningBlock[] }> {
  const personId = newId();
  const now = new Date().toISOString();
  await insertPerson(ctx.db, {
    id: personId,
    email: "feed@bench.example",
    email_normalized: "feed@bench.example",
    name: "Feed Person",
    role: "member",
    status: "active",
    time_zone: "Europe/Paris",
    created_at: now,
    updated_at: now,
  });
  const actor: Actor = { personId, role: "member", sessionId: "bench" };
  const plan = await createPlan(ctx, actor, { title: "Plan", templateId: null, activate: true });
  const today = now.slice(0, 10);
  await saveSection(ctx, actor, plan.plan.id, "tracking", {
    baseVersion: plan.sections.tracking?.version ?? 0,
    content: {
      schedule: Array.from({ length: 10 }, (_, index) => ({
        id: randomUUID(),
        cadence: "monthly" as const,
        label: `Check-in ${index + 1}`,
        startsOn: today,
      })),
      checkIns: [],
      reflections: [],
    },
  });
  const blocks: LearningBlock[] = weekdays.map((day, index) => ({
    id: randomUUID(),
    weekdays: [day],
    start: `${String(8 + index).padStart(2, "0")}:00`,
    end: `${String(9 + index).padStart(2, "0")}:30`,
    timeZone: "Europe/Paris",
    title: `Learning ${day}`,
  }));
  const includeTitles = { checkIns: true, goals: true, actionSteps: true, feedbackRequests: true };
  await saveMyCalendarFeed(ctx, actor, { baseVersion: 0, includeTitles, learningBlocks: blocks });
  // 13 check-ins per monthly schedule starting today (today … today + 12 months).
  let steps = eventCount - blocks.length - 10 * 13;
  for (let goal = 0; steps > 0; goal++) {
    const count = Math.min(20, steps);
    steps -= count;
    await createGoal(ctx, actor, plan.plan.id, {
      content: {
        ...emptyGoal(),
        skill: `Skill ${goal + 1}`,
        status: "in-progress",
        actionSteps: Array.from({ length: count }, (_, index) => ({
          id: randomUUID(),
          title: `Step ${index + 1} of goal ${goal + 1}`,
          dueOn: new Date(Date.now() + (goal * 20 + index + 1) * 86_400_000)
            .toISOString()
            .slice(0, 10),
          done: false,
          doneOn: null,
        })),
      },
    });
  }
  const meta = { requestId: "bench", address: "127.0.0.1", userAgent: null };
  const { url } = await createMyFeedToken(ctx, actor, meta);
  return { path: new URL(url).pathname, actor, blocks };
}

function writeResults(
  rows: Measured[],
  startupMs: number,
  rebuilt: { p50: number; max: number },
): void {
  const marker = `calendar-feed:${values.database}`;
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const section = [
    `<!-- ${marker}:start -->`,
    `### ${values.database === "postgres" ? "PostgreSQL" : "SQLite"}`,
    "",
    `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · Node ${process.version} · ${duration} s per row · start-up to /readyz ${startupMs} ms`,
    "",
    "| route | connections | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare | target |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.connections} | ${row.requestsPerSecond} | ${row.p50} | ${row.p95} | ${row.p99} | ${row.errors} | ${row.ratio.toFixed(2)} | ${row.target ? (row.p99 <= maxP99Ms ? "met" : `missed: p99 > ${maxP99Ms} ms`) : ""} |`,
    ),
    "",
    `Rebuilt after a change (all ${eventCount} events changed, SEQUENCE raised, one request at a time): p50 ${rebuilt.p50} ms, max ${rebuilt.max} ms over 10 requests.`,
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
}

async function main(): Promise<void> {
  const testDatabase = await createTestDatabase();
  const db = createDb(testDatabase.database);
  let server: ChildProcess | undefined;
  try {
    await migrateToLatest(db);
    const config = { ...loadConfig({ LOG_LEVEL: "silent" }), database: testDatabase.database };
    const ctx = { config, db, clock: systemClock };
    const { path, actor, blocks } = await seedFeed(ctx);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: testDatabase.dataDir,
      LOG_LEVEL: "warn",
      CALENDAR_FEED_MAX_REQUESTS_PER_ADDRESS: "100000000",
    };
    if (testDatabase.database.kind === "postgres") env.DATABASE_URL = testDatabase.database.url;
    const bootStarted = Date.now();
    const profiling = process.env.BENCH_CPU_PROF_DIR
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
      : [];
    server = spawn(process.execPath, [...serverNodeFlags, ...profiling, cli, "serve"], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitUntilReady(url, Date.now() + 60_000);
    const startupMs = Date.now() - bootStarted;

    // The first read records the 500 events' sequences; later reads only compare.
    const first = await (await fetch(`${url}${path}`)).text();
    const served = first.match(/BEGIN:VEVENT/g)?.length ?? 0;
    if (served !== eventCount)
      throw new Error(`the feed holds ${served} events, not ${eventCount}`);
    console.log(`feed of ${served} events, ${Math.round(first.length / 1024)} KiB`);

    // Rebuilt after a change: every title switched, so all 500 events change and get the next
    // SEQUENCE (the worst case: a full rebuild, 500 row updates and a new rendering).
    const rebuilds: number[] = [];
    for (let index = 0; index < 10; index++) {
      const on = index % 2 === 0;
      const current = await getMyCalendarFeed(ctx, actor);
      await saveMyCalendarFeed(ctx, actor, {
        baseVersion: current.version,
        includeTitles: { checkIns: on, goals: on, actionSteps: on, feedbackRequests: on },
        learningBlocks: blocks,
      });
      const started = performance.now();
      await (await fetch(`${url}${path}`)).text();
      rebuilds.push(performance.now() - started);
    }
    rebuilds.sort((a, b) => a - b);
    const rebuilt = {
      p50: Math.round((rebuilds[5] ?? 0) * 10) / 10,
      max: Math.round((rebuilds.at(-1) ?? 0) * 10) / 10,
    };
    console.log(
      `rebuilt after a change: p50 ${rebuilt.p50} ms, max ${rebuilt.max} ms (10 requests)`,
    );

    const rows: Measured[] = [];
    for (const connections of [1, 10]) {
      const bare = await measure(url, "/healthz", connections);
      const feed = await measure(url, path, connections);
      rows.push(
        { name: "bare route (/healthz)", connections, ...bare, ratio: 1, target: false },
        {
          name: `feed, ${eventCount} events`,
          connections,
          ...feed,
          ratio: bare.requestsPerSecond ? feed.requestsPerSecond / bare.requestsPerSecond : 0,
          target: true,
        },
      );
    }
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(24)} c=${String(row.connections).padStart(2)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.p50} ms  p95 ${row.p95} ms  p99 ${row.p99} ms  errors ${row.errors}  ratio ${row.ratio.toFixed(2)}`,
      );
    }
    writeResults(rows, startupMs, rebuilt);
  } finally {
    if (server) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await db.destroy();
    await testDatabase.drop();
  }
}

await main();
