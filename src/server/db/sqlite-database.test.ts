import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteFile, SqliteSetupError } from "./sqlite-database.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "trellis-sqlite-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("openSqliteFile", () => {
  it("creates the file and its directory, with the durability settings in force", () => {
    const database = openSqliteFile(path.join(scratch, "nested", "trellis.db"));
    const pragma = (name: string) =>
      Object.values(database.prepare(`PRAGMA ${name}`).get() as object)[0];
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(2);
    expect(Number(pragma("busy_timeout"))).toBeGreaterThanOrEqual(5000);
    expect(pragma("foreign_keys")).toBe(1);
    database.close();
  });

  it("refuses a data directory that is a file, with a message instead of a stack", () => {
    const file = path.join(scratch, "not-a-directory");
    writeFileSync(file, "");
    expect(() => openSqliteFile(path.join(file, "trellis.db"))).toThrow(SqliteSetupError);
    expect(() => openSqliteFile(path.join(file, "trellis.db"))).toThrow(/DATA_DIR/);
  });

  it("refuses a directory where files cannot be created", () => {
    // /sys/kernel exists but refuses new files even to root, unlike a chmod-ed directory.
    expect(() => openSqliteFile("/sys/kernel/trellis.db")).toThrow(SqliteSetupError);
    expect(() => openSqliteFile("/sys/kernel/trellis.db")).toThrow(/writable/);
  });
});
