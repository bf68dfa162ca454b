import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// Starts real server processes; generous so a busy machine slows it down rather than fails it.
const timeout = 120_000;

import { PersonProfile } from "#core/people.schemas.ts";
import { loadConfig } from "#server/config.ts";
import { postJsonTo } from "#server/testing/http-client.ts";
import {
  createAdminSessionIn,
  type ServerProcess,
  startServerProcess,
} from "#server/testing/server-process.ts";

const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));

function runBackup(dataDir: string, target: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "backup", target], {
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    child.once("exit", resolve);
  });
}

/** `trellis backup` is SQLite's online backup, so this check always runs on SQLite. */
describe("backup under load", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "trellis-backup-load-"));
  let server: ServerProcess | undefined;
  afterAll(() => {
    server?.child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("restores to an intact database holding every write acknowledged before it began", {
    timeout,
  }, async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    const session = await createAdminSessionIn(config);

    // A long-running reader keeps SQLite from checkpointing newer writes into the main file, so
    // only a backup that reads through the write-ahead log can contain them.
    const reader = new DatabaseSync(path.join(dataDir, "trellis.db"));
    reader.exec("BEGIN");
    reader.prepare("SELECT count(*) FROM people").get();

    server = await startServerProcess({ DATA_DIR: dataDir });
    const address = server.address;
    const acknowledged: string[] = [];
    let stop = false;
    const writeLoop = async (writer: number) => {
      for (let index = 0; index < 2_000 && !stop; index++) {
        const response = await postJsonTo(
          address,
          "/api/people",
          { email: `b${writer}-${index}@backup.example`, name: `Backup ${index}` },
          session,
        );
        expect(response.status).toBe(201);
        acknowledged.push(PersonProfile.parse(await response.json()).person.id);
      }
    };
    const writing = Promise.all(Array.from({ length: 6 }, (_, writer) => writeLoop(writer)));
    while (acknowledged.length < 100) await new Promise((resolve) => setImmediate(resolve));

    const before = [...acknowledged];
    const target = path.join(dataDir, "backup.db");
    const backupExit = await runBackup(dataDir, target);
    const afterBackup = acknowledged.length;
    stop = true;
    await writing;
    reader.exec("COMMIT");
    reader.close();
    expect(backupExit).toBe(0);
    expect(afterBackup).toBeGreaterThan(before.length);

    const restored = new DatabaseSync(target, { readOnly: true });
    try {
      expect(restored.prepare("PRAGMA integrity_check").all()).toEqual([{ integrity_check: "ok" }]);
      const ids = new Set(
        (restored.prepare("SELECT id FROM people").all() as { id: string }[]).map((row) => row.id),
      );
      expect(before.filter((id) => !ids.has(id))).toEqual([]);
      // People = the admin plus whatever the copy caught; never more than was written.
      expect(ids.size).toBeLessThanOrEqual(acknowledged.length + 1);
      const sessions = restored.prepare("SELECT count(*) AS count FROM sessions").get() as {
        count: number;
      };
      expect(sessions.count).toBeGreaterThanOrEqual(1);
    } finally {
      restored.close();
    }
  });
});
