/**
 * Load benchmark: a database of N people, the server in a process of its own on 127.0.0.1, and
 * each scenario driven by autocannon for a bounded time with many different signed-in people.
 *
 *   node bench/load/run-load.ts --people 10000 --database sqlite|postgres [--duration 10]
 *     [--only "team"]            the bare route and the scenarios whose name contains this
 *     [--cpu-prof-dir DIR]       write a V8 CPU profile of the server (see bench/profile-cpu.ts)
 *     [--node-flags="--x --y"]   Node.js flags for the server besides those it runs with, to
 *                                compare settings
 * Results go to bench/RESULTS.md only for a full run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { loadConfig } from "#server/config.ts";
import { systemClock } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import { syncSources } from "#server/modules/scheduler/reminder-sync.ts";
import { serverNodeFlags } from "#server/node-flags.ts";
import { createTestDatabase } from "#server/testing/test-database.ts";
import { generateAssessments, generateCareerData } from "./career-data.ts";
import { generateGrowthData } from "./growth-data.ts";
import { generateLearningDirectory } from "./learning-data.ts";
import { createBenchSessions, generateOrganization } from "./organization.ts";
import { writeResults } from "./results.ts";
import { baseScenarios, type Scenario } from "./scenarios.ts";
import { generateConversations, shapeWorkspaceTeams } from "./workspace-data.ts";

export type ScenarioResult = {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  rssMb: number;
  ratio: number;
  target?: Scenario["target"];
};

const cli = fileURLToPath(new URL("../../src/server/cli.ts", import.meta.url));

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "10000" },
    database: { type: "string", default: "sqlite" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    only: { type: "string" },
    "cpu-prof-dir": { type: "string" },
    "node-flags": { type: "string" },
  },
});
const size = Number(values.people);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (values.database === "postgres") {
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
} else {
  delete process.env.TEST_DATABASE_URL;
}

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

function residentMegabytes(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kilobytes = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

/** Milliseconds, to a tenth. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const value = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  return Math.round(value * 10) / 10;
}

/** What Chromium sends with every request, so answers the server compresses are measured as browsers get them. */
const browserHeaders = { "accept-encoding": "gzip, deflate, br, zstd" };

async function runScenario(url: string, scenario: Scenario) {
  let next = 0;
  const latencies: number[] = [];
  // The typings describe only the promise; at run time it is also the event emitter.
  const instance = autocannon({
    url,
    connections,
    duration,
    setupClient(client) {
      client.setRequests(
        scenario
          .requestsFor(next++)
          .map((request) => ({ ...request, headers: { ...browserHeaders, ...request.headers } })),
      );
    },
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

async function main(): Promise<void> {
  const started = Date.now();
  const testDatabase = await createTestDatabase();
  const db = createDb(testDatabase.database);
  let server: ChildProcess | undefined;
  try {
    await migrateToLatest(db);
    const now = new Date();
    const organization = await generateOrganization(db, size, now);
    const teams = await shapeWorkspaceTeams(db, organization);
    const config = { ...loadConfig({ LOG_LEVEL: "silent" }), database: testDatabase.database };
    const ctx = { config, db, clock: systemClock };
    const plans = await generateGrowthData(ctx, organization);
    const framework = await generateCareerData(ctx, organization);
    const assessments = await generateAssessments(ctx, organization, framework, 50);
    await generateConversations(db, organization, now);
    await generateLearningDirectory(db, 50_000, now);
    const usedPeople = [
      ...organization.managers.slice(0, 5000),
      ...organization.people.slice(-5000),
    ];
    const cookies = await createBenchSessions(db, usedPeople, now);
    console.log(`${values.database}: ${size} people generated in ${Date.now() - started} ms`);
    // The reminder index is built first, as a running installation has it, and the reminders
    // due by now are taken as sent (the generated plans all start today, so their first
    // check-ins, 100,000 at once, fall due together); otherwise the server's scheduler would
    // spend the first minutes on that backlog while the scenarios run.
    const indexStarted = Date.now();
    const settled = { settleMs: 0, syncBatch: 5_000, restMs: 0 };
    while ((await syncSources(db, new Date(), settled, Date.now() + 60_000)).more);
    await db
      .deleteFrom("reminder_dates")
      .where("fire_at", "<=", new Date().toISOString())
      .execute();
    console.log(`reminder index built in ${Date.now() - indexStarted} ms`);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: testDatabase.dataDir,
      LOG_LEVEL: "warn",
      SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "100000000",
    };
    if (testDatabase.database.kind === "postgres") env.DATABASE_URL = testDatabase.database.url;
    const bootStarted = Date.now();
    const profiling = values["cpu-prof-dir"]
      ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof-dir"]}`]
      : [];
    const nodeFlags = values["node-flags"]?.split(/\s+/).filter(Boolean) ?? [];
    const flags = [...serverNodeFlags, ...nodeFlags, ...profiling];
    server = spawn(process.execPath, [...flags, cli, "serve"], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitUntilReady(url, Date.now() + 60_000);
    const startupMs = Date.now() - bootStarted;

    const results: ScenarioResult[] = [];
    let bareRate = 0;
    const scenarios = baseScenarios({
      organization,
      cookies,
      plans,
      framework,
      assessments,
      teams,
    }).filter(
      (scenario, index) => index === 0 || !values.only || scenario.name.includes(values.only),
    );
    for (const scenario of scenarios) {
      const measured = await runScenario(url, scenario);
      if (results.length === 0) bareRate = measured.requestsPerSecond;
      const result: ScenarioResult = {
        name: scenario.name,
        ...measured,
        rssMb: residentMegabytes(server),
        ratio: bareRate ? measured.requestsPerSecond / bareRate : 0,
        ...(scenario.target ? { target: scenario.target } : {}),
      };
      results.push(result);
      console.log(
        `${result.name.padEnd(24)} ${String(result.requestsPerSecond).padStart(6)} req/s  p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  errors ${result.errors}  ratio ${result.ratio.toFixed(2)}  RSS ${result.rssMb} MB`,
      );
    }
    if (values.only || values["cpu-prof-dir"] || values["node-flags"]) return;
    writeResults({
      database: values.database ?? "sqlite",
      people: size,
      connections,
      duration,
      startupMs,
      results,
    });
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
