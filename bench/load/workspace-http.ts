/**
 * The manager workspace routes through HTTP on a database made by workspace-profile.ts, without
 * generating one: the server in a process of its own, then the bare route, the workspace and
 * the subtree each driven by autocannon, with the workspace's ratio to the bare route of the
 * same run. For quick comparisons while working; the numbers of record come from run-load.ts.
 *
 *   node scripts/run-ts.js bench/load/workspace-http.ts --file /tmp/ws.db [--duration 5]
 *     [--cpu-prof-dir DIR]
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import { syncSources } from "#server/modules/scheduler/reminder-sync.ts";
import { serverNodeFlags } from "#server/node-flags.ts";
import { createBenchSessions } from "./organization.ts";
import type { WorkspaceTeams } from "./workspace-data.ts";

const { values } = parseArgs({
  options: {
    file: { type: "string", default: "/tmp/trellis-workspace-bench.db" },
    duration: { type: "string", default: "5" },
    port: { type: "string", default: "18731" },
    "cpu-prof-dir": { type: "string" },
  },
});
const source = values.file ?? "";
const teams = JSON.parse(readFileSync(`${source}.json`, "utf8")) as WorkspaceTeams;
// The reminder index is built and the reminders due by now taken as sent, on the kept file, as
// run-load.ts does; otherwise the server's scheduler would spend the run on that backlog.
{
  const kept = createDb({ kind: "sqlite", file: source });
  await migrateToLatest(kept);
  const settled = { settleMs: 0, syncBatch: 5_000, restMs: 0 };
  while ((await syncSources(kept, new Date(), settled, Date.now() + 60_000)).more);
  await kept
    .deleteFrom("reminder_dates")
    .where("fire_at", "<=", new Date(Date.now() + 3_600_000).toISOString())
    .execute();
  await kept.destroy();
}
const dataDir = mkdtempSync(path.join(tmpdir(), "trellis-workspace-http-"));
const file = path.join(dataDir, "trellis.db");
copyFileSync(source, file);
const db = createDb({ kind: "sqlite", file });
const cookies = await createBenchSessions(
  db,
  [teams.workspaceManager, teams.skipLevel],
  new Date(),
);
await db.destroy();

const url = `http://127.0.0.1:${values.port}`;
const cli = fileURLToPath(new URL("../../src/server/cli.ts", import.meta.url));
const profiling = values["cpu-prof-dir"]
  ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof-dir"]}`]
  : [];
const server = spawn(process.execPath, [...serverNodeFlags, ...profiling, cli, "serve"], {
  env: {
    PATH: process.env.PATH ?? "",
    PORT: values.port ?? "",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  for (let tries = 0; tries < 600; tries++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const run = async (name: string, route: string, cookie = "") => {
    const result = await autocannon({
      url: `${url}${route}`,
      connections: 50,
      duration: Number(values.duration),
      headers: { cookie, "accept-encoding": "gzip, deflate, br, zstd" },
    });
    const rate = result.requests.average;
    console.log(
      `${name.padEnd(12)} ${String(Math.round(rate)).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}`,
    );
    return rate;
  };
  const bare = await run("bare", "/healthz");
  const workspace = await run(
    "workspace",
    "/api/manager-workspace",
    cookies.get(teams.workspaceManager.id),
  );
  await run("subtree", "/api/manager-workspace/subtree", cookies.get(teams.skipLevel.id));
  console.log(`workspace ratio ${(workspace / bare).toFixed(3)}`);
} finally {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
