/**
 * SCIM benchmark: an organization of 90,000 people (bench/load's generator), `trellis serve` in a
 * process of its own on 127.0.0.1, then 10,000 users provisioned by sequential POST /scim/v2/Users
 * as an identity provider does (one request at a time, keep-alive), then 1,000 lookups
 * `GET /scim/v2/Users?filter=userName eq "…"` at 100,000 people, one at a time.
 * Targets (issue 16): ≥ 200 users/s provisioned; the lookup p99 ≤ 20 ms.
 *
 *   node bench/scim.bench.ts [--database sqlite|postgres] [--users 10000] [--people 100000]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { newId } from "#core/ids.ts";
import { scimSchemas } from "#core/scim.schemas.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import { newApiToken } from "#server/modules/api-tokens/token-secrets.ts";
import { serverNodeFlags } from "#server/node-flags.ts";
import { createTestDatabase } from "#server/testing/test-database.ts";
import { generateOrganization } from "./load/organization.ts";

const { values } = parseArgs({
  options: {
    database: { type: "string", default: "sqlite" },
    users: { type: "string", default: "10000" },
    people: { type: "string", default: "100000" },
  },
});
if (values.database === "postgres") {
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
} else {
  delete process.env.TEST_DATABASE_URL;
}
const provisioned = Number(values.users);
const totalPeople = Number(values.people);
const lookups = 1000;
const minUsersPerSecond = 200;
const maxLookupP99Ms = 20;
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

type Results = {
  seedSeconds: number;
  startupMs: number;
  usersPerSecond: number;
  post: { p50: number; p95: number; p99: number };
  lookup: { p50: number; p95: number; p99: number; max: number };
  load: string;
};

function writeResults(results: Results): void {
  const marker = `scim:${values.database}`;
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const met = (ok: boolean, missed: string) => (ok ? "met" : `missed: ${missed}`);
  const section = [
    `<!-- ${marker}:start -->`,
    `### ${values.database === "postgres" ? "PostgreSQL" : "SQLite"}`,
    "",
    `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · Node ${process.version} · load average ${results.load} · ${totalPeople - provisioned} people seeded in ${results.seedSeconds} s · start-up to /readyz ${results.startupMs} ms`,
    "",
    "| step | requests | rate | p50 ms | p95 ms | p99 ms | target |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    `| POST /scim/v2/Users, one at a time | ${provisioned} | ${results.usersPerSecond} users/s | ${results.post.p50} | ${results.post.p95} | ${results.post.p99} | ${met(results.usersPerSecond >= minUsersPerSecond, `< ${minUsersPerSecond} users/s`)} |`,
    `| GET /scim/v2/Users?filter=userName eq, at ${totalPeople} people | ${lookups} | | ${results.lookup.p50} | ${results.lookup.p95} | ${results.lookup.p99} | ${met(results.lookup.p99 <= maxLookupP99Ms, `p99 > ${maxLookupP99Ms} ms`)} |`,
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
    const now = new Date();
    const seedStarted = performance.now();
    const organization = await generateOrganization(db, totalPeople - provisioned, now);
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
    const admin = organization.people[0];
    if (!admin) throw new Error("no admin in the organization");
    const { token, hash, prefix } = newApiToken("scim");
    await db
      .insertInto("api_tokens")
      .values({
        id: newId(),
        kind: "scim",
        person_id: null,
        name: "benchmark",
        token_hash: hash,
        prefix,
        scopes: JSON.stringify(["scim"]),
        created_by: admin.id,
        created_at: now.toISOString(),
        expires_at: null,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    console.log(`${totalPeople - provisioned} people seeded in ${seedSeconds} s`);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: testDatabase.dataDir,
      LOG_LEVEL: "warn",
      SCIM_MAX_REQUESTS_PER_MINUTE: "100000000",
    };
    if (testDatabase.database.kind === "postgres") env.DATABASE_URL = testDatabase.database.url;
    const bootStarted = Date.now();
    server = spawn(process.execPath, [...serverNodeFlags, cli, "serve"], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitUntilReady(url, Date.now() + 60_000);
    const startupMs = Date.now() - bootStarted;
    const headers = {
      authorization: `Bearer ${token}`,
      "content-type": "application/scim+json",
    };

    const postTimes: number[] = [];
    const provisionStarted = performance.now();
    for (let index = 0; index < provisioned; index++) {
      const started = performance.now();
      const response = await fetch(`${url}/scim/v2/Users`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          schemas: [scimSchemas.user, scimSchemas.enterpriseUser],
          userName: `scim${index}@bench.example`,
          externalId: `idp-${index}`,
          name: { givenName: "Provisioned", familyName: `User ${index}` },
          emails: [{ value: `scim${index}@bench.example`, type: "work", primary: true }],
          title: "Engineer",
          active: true,
          [scimSchemas.enterpriseUser]: {
            employeeNumber: String(index),
            department: `Department ${index % 13}`,
            manager: { value: organization.managers[index % organization.managers.length]?.id },
          },
        }),
      });
      await response.text();
      if (response.status !== 201) throw new Error(`POST answered ${response.status}`);
      postTimes.push(performance.now() - started);
    }
    const provisionSeconds = (performance.now() - provisionStarted) / 1000;
    const usersPerSecond = Math.round(provisioned / provisionSeconds);
    postTimes.sort((a, b) => a - b);
    console.log(
      `${provisioned} users provisioned in ${provisionSeconds.toFixed(1)} s: ${usersPerSecond} users/s`,
    );

    const lookupTimes: number[] = [];
    for (let index = 0; index < lookups; index++) {
      const person = (index * 7919) % totalPeople;
      const userName =
        person < totalPeople - provisioned
          ? `person${person}@bench.example`
          : `scim${person - (totalPeople - provisioned)}@bench.example`;
      const filter = encodeURIComponent(`userName eq "${userName}"`);
      const started = performance.now();
      const response = await fetch(`${url}/scim/v2/Users?filter=${filter}`, { headers });
      const body = (await response.json()) as { totalResults: number };
      lookupTimes.push(performance.now() - started);
      if (body.totalResults !== 1) throw new Error(`${userName} found ${body.totalResults} times`);
    }
    lookupTimes.sort((a, b) => a - b);
    const results: Results = {
      seedSeconds,
      startupMs,
      usersPerSecond,
      post: {
        p50: percentile(postTimes, 0.5),
        p95: percentile(postTimes, 0.95),
        p99: percentile(postTimes, 0.99),
      },
      lookup: {
        p50: percentile(lookupTimes, 0.5),
        p95: percentile(lookupTimes, 0.95),
        p99: percentile(lookupTimes, 0.99),
        max: percentile(lookupTimes, 1),
      },
      load: loadavg()
        .slice(0, 1)
        .map((value) => value.toFixed(1))
        .join(""),
    };
    console.log(
      `lookup at ${totalPeople} people: p50 ${results.lookup.p50} ms, p99 ${results.lookup.p99} ms`,
    );
    writeResults(results);
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
