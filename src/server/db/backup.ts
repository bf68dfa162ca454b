import { backup, DatabaseSync } from "node:sqlite";
import type { Database } from "#server/config.ts";

export type BackupResult = { ok: true; pages: number } | { ok: false; message: string };

/**
 * SQLite: an online backup through node:sqlite, consistent even while the server writes.
 * PostgreSQL has its own tool, which knows the server's version; we point to it.
 */
export async function backupDatabase(database: Database, target: string): Promise<BackupResult> {
  if (database.kind === "postgres") {
    return {
      ok: false,
      message: `Trellis does not back up PostgreSQL itself. Use:\n  pg_dump --format=custom --file=${JSON.stringify(target)} "$DATABASE_URL"`,
    };
  }
  const source = new DatabaseSync(database.file, { readOnly: true });
  try {
    const pages = await backup(source, target);
    return { ok: true, pages };
  } finally {
    source.close();
  }
}
