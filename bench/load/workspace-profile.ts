/**
 * The manager workspace in-process, on the load benchmark's data: every query it sends with its
 * time and SQLite query plan, and the whole request timed, to find where its time goes.
 *
 *   node scripts/run-ts.js bench/load/workspace-profile.ts --people 100000 --file /tmp/ws.db
 *     [--rounds 20]
 * The database is generated into --file when that file does not exist yet and reused after that
 * (the teams are kept beside it in <file>.json), so repeated runs skip the minute of generation.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type CompiledQuery, Kysely, type LogEvent, SqliteDialect } from "kysely";
import { loadConfig } from "#server/config.ts";
import { type Actor, systemClock } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import type { Database } from "#server/db/schema.ts";
import { kyselySqliteDatabase, openSqliteFile } from "#server/db/sqlite-database.ts";
import { getManagerWorkspace } from "#server/modules/manager-workspace/manager-workspace.service.ts";
import { generateAssessments, generateCareerData } from "./career-data.ts";
import { generateGrowthData } from "./growth-data.ts";
import { generateOrganization } from "./organization.ts";
import {
  generateConversations,
  shapeWorkspaceTeams,
  type WorkspaceTeams,
} from "./workspace-data.ts";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "100000" },
    file: { type: "string", default: "/tmp/trellis-workspace-bench.db" },
    rounds: { type: "string", default: "20" },
  },
});
const file = values.file ?? "";
const teamsFile = `${file}.json`;
const config = {
  ...loadConfig({ LOG_LEVEL: "silent" }),
  database: { kind: "sqlite", file } as const,
};

const sqlite = openSqliteFile(file);
let logging = false;
const queries: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
const db: Db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: kyselySqliteDatabase(sqlite) }),
  log(event: LogEvent) {
    if (!logging) return;
    const query: CompiledQuery = event.query;
    queries.push({ sql: query.sql, parameters: query.parameters, ms: event.queryDurationMillis });
  },
});
const ctx = { config, db, clock: systemClock };

async function teams(): Promise<WorkspaceTeams> {
  if (existsSync(teamsFile)) return JSON.parse(readFileSync(teamsFile, "utf8")) as WorkspaceTeams;
  const started = Date.now();
  await migrateToLatest(db);
  const now = new Date();
  const organization = await generateOrganization(db, Number(values.people), now);
  const shaped = await shapeWorkspaceTeams(db, organization);
  if (!shaped) throw new Error("too few people for the workspace teams");
  await generateGrowthData(ctx, organization);
  const framework = await generateCareerData(ctx, organization);
  await generateAssessments(ctx, organization, framework, 50);
  await generateConversations(db, organization, now);
  writeFileSync(teamsFile, JSON.stringify(shaped));
  console.log(`generated in ${Date.now() - started} ms`);
  return shaped;
}

const { workspaceManager } = await teams();
await migrateToLatest(db);
const actor: Actor = { personId: workspaceManager.id, role: "member", sessionId: "profile" };

const rounds = Number(values.rounds);
await getManagerWorkspace(ctx, actor);
logging = true;
await getManagerWorkspace(ctx, actor);
logging = false;
console.log(`${queries.length} queries on a warm request:`);
for (const query of queries) {
  const parameters = query.parameters.map((value) =>
    typeof value === "string" ? `'${value.replaceAll("'", "''")}'` : String(value),
  );
  let index = 0;
  const inlined = query.sql.replace(/\?/g, () => parameters[index++] ?? "?");
  const plan = sqlite
    .prepare(`explain query plan ${inlined}`)
    .all()
    .map((row) => String((row as { detail: string }).detail));
  console.log(`\n${query.ms.toFixed(2).padStart(8)} ms  ${query.sql.slice(0, 160)}`);
  for (const step of plan) console.log(`             ${step}`);
}
const times: number[] = [];
queries.length = 0;
logging = true;
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  await getManagerWorkspace(ctx, actor);
  times.push(performance.now() - started);
}
logging = false;
const bySql = new Map<string, number>();
for (const query of queries) bySql.set(query.sql, (bySql.get(query.sql) ?? 0) + query.ms);
console.log("\nmean time per request of each query:");
for (const [text, total] of [...bySql].sort((a, b) => b[1] - a[1])) {
  console.log(`${(total / rounds).toFixed(3).padStart(8)} ms  ${text.slice(0, 120)}`);
}
times.sort((a, b) => a - b);
console.log(
  `\nwhole request, ${rounds} rounds: median ${times[Math.floor(rounds / 2)]?.toFixed(2)} ms, best ${times[0]?.toFixed(2)} ms`,
);
await db.destroy();
