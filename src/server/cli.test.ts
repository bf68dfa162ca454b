import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "#server/testing/server-process.ts";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), "trellis-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The CLI always runs on SQLite here: these are tests of the command line, not the database. */
function runCli(args: string[], env: Record<string, string>, input = "") {
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("trellis CLI", () => {
  it("refuses a data directory it cannot use with one clear line, not a stack trace", () => {
    const file = path.join(scratch, "a-file");
    writeFileSync(file, "");
    const result = runCli(["migrate"], { DATA_DIR: path.join(file, "data") });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^trellis migrate: Cannot open the SQLite database at .*DATA_DIR/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a bad environment variable by name", () => {
    const result = runCli(["migrate"], { DATA_DIR: scratch, SESSION_IDLE_TIMEOUT_MINUTES: "soon" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SESSION_IDLE_TIMEOUT_MINUTES");
  });

  it("creates an administrator, then backs the database up to a file with the same rows", () => {
    const dataDir = path.join(scratch, "backup-source");
    const created = runCli(
      ["create-admin", "--email", "root@example.com", "--name", "Root Admin"],
      { DATA_DIR: dataDir },
      "a sufficiently long password\n",
    );
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);

    const target = path.join(scratch, "backup.db");
    const backedUp = runCli(["backup", target], { DATA_DIR: dataDir });
    expect(backedUp.status).toBe(0);

    const rowsOf = (file: string) => {
      const database = new DatabaseSync(file, { readOnly: true });
      try {
        return {
          people: database.prepare("SELECT id, email, role FROM people ORDER BY id").all(),
          audit: database.prepare("SELECT id, action FROM audit_events ORDER BY id").all(),
          integrity: database.prepare("PRAGMA integrity_check").get(),
        };
      } finally {
        database.close();
      }
    };
    const original = rowsOf(path.join(dataDir, "trellis.db"));
    const copy = rowsOf(target);
    expect(copy.people).toEqual(original.people);
    expect(copy.people).toHaveLength(1);
    expect(copy.audit).toEqual(original.audit);
    expect(copy.integrity).toEqual({ integrity_check: "ok" });

    expect(runCli(["backup", target], { DATA_DIR: dataDir }).status).toBe(2);
  });

  it("refuses a short administrator password by naming the field", () => {
    const result = runCli(
      ["create-admin", "--email", "short@example.com", "--name", "Short"],
      { DATA_DIR: path.join(scratch, "short") },
      "too short\n",
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("password: Use at least 12 characters");
  });

  it("points to pg_dump for PostgreSQL and exits non-zero", () => {
    const result = runCli(["backup", path.join(scratch, "pg.dump")], {
      DATA_DIR: scratch,
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("pg_dump --format=custom");
  });
});

describe("trellis serve", () => {
  let server: ServerProcess | undefined;
  afterAll(() => server?.child.kill("SIGKILL"));

  it("serves until SIGTERM, then shuts down cleanly", async () => {
    server = await startServerProcess({ DATA_DIR: path.join(scratch, "serve") });
    const ready = await fetch(`${server.address}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready" });

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.address}/healthz`)).rejects.toThrow();
  });
});
