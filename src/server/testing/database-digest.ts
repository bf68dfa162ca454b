import { createHash } from "node:crypto";
import type { Db } from "#server/db/create-db.ts";
import { listTableNames, readTableRows } from "#server/db/introspection.ts";

/**
 * Tables that legitimately change on refused requests: session touches, the audit trail and
 * the failed sign-in attempts that the per-account limit counts.
 */
const bookkeepingTables = new Set(["sessions", "audit_events", "sign_in_attempts"]);

/** A fingerprint of every row of every application table, to prove a request changed nothing. */
export async function digestDatabase(db: Db): Promise<string> {
  const hash = createHash("sha256");
  for (const table of await listTableNames(db)) {
    if (bookkeepingTables.has(table)) continue;
    const rows = await readTableRows(db, table);
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    hash.update(`${table}\n${lines.join("\n")}\n`);
  }
  return hash.digest("hex");
}
