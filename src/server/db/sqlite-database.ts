import { mkdirSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import type { SqliteDatabase, SqliteStatement } from "kysely";

export const requiredBusyTimeoutMs = 5000;

/**
 * Settings every connection must have; each is checked after it is set. The busy timeout comes
 * first: switching a new file to WAL needs a lock that another process opening it at the same
 * moment may hold, and without the timeout that fails at once with "database is locked".
 */
const pragmas = [
  {
    set: `busy_timeout = ${requiredBusyTimeoutMs}`,
    check: "busy_timeout",
    expect: requiredBusyTimeoutMs,
  },
  { set: "journal_mode = WAL", check: "journal_mode", expect: "wal" },
  { set: "synchronous = FULL", check: "synchronous", expect: 2 },
  { set: "foreign_keys = ON", check: "foreign_keys", expect: 1 },
] as const;

export class SqliteSetupError extends Error {
  override name = "SqliteSetupError";
}

/** Opens (creating when missing) the SQLite file and enforces the durability settings. */
export function openSqliteFile(file: string): DatabaseSync {
  let database: DatabaseSync;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    database = new DatabaseSync(file);
  } catch (error) {
    throw new SqliteSetupError(
      `Cannot open the SQLite database at ${file}: ${errorMessage(error)}. Check that DATA_DIR exists and is writable.`,
    );
  }
  try {
    applyPragmas(database);
  } catch (error) {
    database.close();
    if (error instanceof SqliteSetupError) throw error;
    throw new SqliteSetupError(
      `Cannot use the SQLite database at ${file}: ${errorMessage(error)}. Check that DATA_DIR is writable.`,
    );
  }
  return database;
}

const isBusy = (error: unknown) => /database is locked|SQLITE_BUSY/i.test(errorMessage(error));

/**
 * Runs one setup statement; a failure names the statement. SQLite answers "database is locked"
 * without waiting when a second process switches a file to WAL while the first is still setting
 * it up (seen with two `trellis migrate` started together), so a busy answer is retried here for
 * as long as the busy timeout would have waited.
 */
function execStep(database: DatabaseSync, statement: string): void {
  const deadline = Date.now() + requiredBusyTimeoutMs;
  for (;;) {
    try {
      database.exec(statement);
      return;
    } catch (error) {
      if (isBusy(error) && Date.now() < deadline) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      throw new Error(`${errorMessage(error)} (while running "${statement}")`);
    }
  }
}

function applyPragmas(database: DatabaseSync): void {
  for (const pragma of pragmas) {
    execStep(database, `PRAGMA ${pragma.set}`);
    const row = database.prepare(`PRAGMA ${pragma.check}`).get() as Record<string, unknown>;
    const actual = Object.values(row ?? {})[0];
    const matches =
      typeof pragma.expect === "string"
        ? String(actual).toLowerCase() === pragma.expect
        : Number(actual) === pragma.expect;
    if (!matches) {
      throw new SqliteSetupError(
        `SQLite refused "PRAGMA ${pragma.set}" (it reports ${pragma.check} = ${String(actual)}).`,
      );
    }
  }
  // A read-only directory only shows up on the first write.
  // One transaction, so two processes opening a new file together do not drop each other's table.
  execStep(
    database,
    "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS trellis_write_check (id INTEGER); DROP TABLE IF EXISTS trellis_write_check; COMMIT",
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const statementCacheSize = 500;

/**
 * Presents node:sqlite to Kysely's SqliteDialect. Kysely already serializes access to the single
 * connection; this adapter caches prepared statements, binds booleans as 0/1, and routes every
 * statement that has result columns (including INSERT … RETURNING) through all().
 */
export function kyselySqliteDatabase(database: DatabaseSync): SqliteDatabase {
  // Each SQL text is prepared once and wrapped once; the wrapper is what Kysely gets every time.
  const statements = new Map<string, SqliteStatement>();
  const wrap = (statement: StatementSync): SqliteStatement => ({
    reader: statement.columns().length > 0,
    all: (parameters) => statement.all(...bindable(parameters)),
    run: (parameters) => statement.run(...bindable(parameters)),
    iterate: (parameters) => statement.iterate(...bindable(parameters)),
  });
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) return cached;
      // Deferred transactions that later write can fail with SQLITE_BUSY without waiting for
      // busy_timeout; taking the write lock up front makes concurrent writers queue instead.
      const text = sql.trim().toLowerCase() === "begin" ? "begin immediate" : sql;
      const statement = wrap(database.prepare(text));
      if (statements.size >= statementCacheSize) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

function bindable(parameters: ReadonlyArray<unknown>): SQLInputValue[] {
  return parameters.map((value) => {
    if (value === undefined) return null;
    if (typeof value === "boolean") return value ? 1 : 0;
    return value as SQLInputValue;
  });
}
