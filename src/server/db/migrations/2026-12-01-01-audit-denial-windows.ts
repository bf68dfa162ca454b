import type { Kysely } from "kysely";

// Repeated access denials of one actor on one route are kept as one row per time window with a
// count, so repeating a refused request cannot grow the audit log without bound. `window_key`
// names the row a denial is counted into; it is null for every other event.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("audit_events")
    .addColumn("occurrences", "integer", (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("audit_events").addColumn("last_at", "text").execute();
  await db.schema.alterTable("audit_events").addColumn("window_key", "text").execute();
  await db.schema
    .createIndex("audit_events_window_key")
    .on("audit_events")
    .column("window_key")
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_events_window_key").execute();
  for (const column of ["window_key", "last_at", "occurrences"]) {
    await db.schema.alterTable("audit_events").dropColumn(column).execute();
  }
}
