/**
 * In-process cost of each load scenario's request: microseconds of one request through the whole
 * app (no socket) and how many SQL statements it runs. Quicker and steadier than a load run when
 * changing a request path; the load benchmark stays the measure of record.
 *
 *   node bench/load/request-cost.ts [--people 10000] [--requests 3000] [--only "pathway"]
 *     [--cpu-prof FILE]   a V8 CPU profile of the measured requests only (bench/profile-cpu.ts)
 *     [--sql]             also time each SQL statement (SQLite only)
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { StatementSync } from "node:sqlite";
import { parseArgs } from "node:util";
import type { KyselyPlugin } from "kysely";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import { systemClock } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import { createTestDatabase } from "#server/testing/test-database.ts";
import { generateAssessments, generateCareerData } from "./career-data.ts";
import { generateGrowthData } from "./growth-data.ts";
import { createBenchSessions, generateOrganization } from "./organization.ts";
import { baseScenarios } from "./scenarios.ts";
import { generateConversations, shapeWorkspaceTeams } from "./workspace-data.ts";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "10000" },
    requests: { type: "string", default: "3000" },
    only: { type: "string" },
    "cpu-prof": { type: "string" },
    sql: { type: "boolean", default: false },
  },
});
const requests = Number(values.requests);

let statements = 0;
let responseBytes = 0;
const countStatements: KyselyPlugin = {
  transformQuery: (args) => {
    statements += 1;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

/** Microseconds spent in each SQL text, while timing is on. */
const sqlTime = new Map<string, { micros: number; count: number }>();
let timingSql = false;
if (values.sql) {
  const all = StatementSync.prototype.all as (this: StatementSync, ...values: unknown[]) => unknown;
  StatementSync.prototype.all = function timedAll(this: StatementSync, ...parameters: unknown[]) {
    if (!timingSql) return all.apply(this, parameters);
    const started = process.hrtime.bigint();
    const rows = all.apply(this, parameters);
    const entry = sqlTime.get(this.sourceSQL) ?? { micros: 0, count: 0 };
    entry.micros += Number(process.hrtime.bigint() - started) / 1_000;
    entry.count += 1;
    sqlTime.set(this.sourceSQL, entry);
    return rows;
  } as typeof StatementSync.prototype.all;
}

const testDatabase = await createTestDatabase();
const db = createDb(testDatabase.database);
try {
  await migrateToLatest(db);
  const now = new Date();
  const organization = await generateOrganization(db, Number(values.people), now);
  const teams = await shapeWorkspaceTeams(db, organization);
  const config = { ...loadConfig({ LOG_LEVEL: "silent" }), database: testDatabase.database };
  const ctx = { config, db, clock: systemClock };
  const plans = await generateGrowthData(ctx, organization);
  const framework = await generateCareerData(ctx, organization);
  const assessments = await generateAssessments(ctx, organization, framework, 50);
  await generateConversations(db, organization, now);
  const people = [...organization.managers.slice(0, 5000), ...organization.people.slice(-5000)];
  const cookies = await createBenchSessions(db, people, now);
  const app = await buildApp(config, db.withPlugin(countStatements), { webDistDir: null });
  await app.ready();
  const scenarios = baseScenarios({
    organization,
    cookies,
    plans,
    framework,
    assessments,
    teams,
  }).filter((scenario) => !values.only || scenario.name.includes(values.only));
  for (const scenario of scenarios) {
    if (scenario.name === "sign in") continue;
    const perConnection = Array.from({ length: 50 }, (_, connection) =>
      scenario.requestsFor(connection),
    );
    const inject = async (index: number) => {
      const list = perConnection[index % perConnection.length] ?? [];
      for (const described of list) {
        const request = described.setupRequest ? described.setupRequest(described) : described;
        const response = await app.inject({
          method: request.method,
          url: request.path,
          headers: { ...request.headers, host: "127.0.0.1", origin: config.publicUrl.origin },
          ...(request.body ? { payload: request.body } : {}),
        });
        if (response.statusCode >= 300) {
          throw new Error(`${scenario.name}: ${response.statusCode} ${response.body}`);
        }
        responseBytes += response.rawPayload.length;
        described.onResponse?.(response.statusCode, response.body);
      }
    };
    for (let index = 0; index < 500; index++) await inject(index);
    statements = 0;
    responseBytes = 0;
    sqlTime.clear();
    timingSql = true;
    const profiler = values["cpu-prof"] ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
    }
    const started = process.hrtime.bigint();
    for (let index = 0; index < requests; index++) await inject(index);
    const micros = Number(process.hrtime.bigint() - started) / 1_000 / requests;
    timingSql = false;
    if (profiler && values["cpu-prof"]) {
      const { profile } = await profiler.post("Profiler.stop");
      writeFileSync(values["cpu-prof"], JSON.stringify(profile));
      profiler.disconnect();
    }
    console.log(
      `${scenario.name.padEnd(24)} ${micros.toFixed(0).padStart(6)} µs/request  ${(statements / requests).toFixed(1)} statements/request  ${Math.round(responseBytes / requests)} bytes/response`,
    );
    for (const [text, { micros, count }] of sqlTime) {
      const perRequest = (micros / requests).toFixed(1).padStart(8);
      console.log(
        `${perRequest} µs/request  ×${(count / requests).toFixed(1)}  ${text.slice(0, 150)}`,
      );
    }
  }
  await app.close();
} finally {
  await db.destroy();
  await testDatabase.drop();
}
