import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { EnergyEntriesTable } from "#server/db/schema.ts";
import { affectedRows, fromJson, type Parsed } from "#server/db/values.ts";

export type EnergyEntryRow = Parsed<Selectable<EnergyEntriesTable>, { tags: string[] }>;

const energyEntryRow = (row: Selectable<EnergyEntriesTable>): EnergyEntryRow => ({
  ...row,
  tags: fromJson(row.tags),
});

// ── Energy journal ──────────────────────────────────────────────────────────────────────────

export async function insertEnergyEntries(
  db: Db,
  rows: readonly Insertable<EnergyEntriesTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("energy_entries")
      .values([...rows])
      .execute();
}

export function listEnergyEntries(
  db: Db,
  planId: string,
  range: { since: string | undefined; before: string | undefined; limit: number },
) {
  let query = db.selectFrom("energy_entries").selectAll().where("plan_id", "=", planId);
  if (range.since) query = query.where("at", ">=", range.since);
  if (range.before) query = query.where("at", "<", range.before);
  return query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(range.limit)
    .execute()
    .then((rows) => rows.map(energyEntryRow));
}

export async function energyOverview(
  db: Db,
  planId: string,
): Promise<{ entryCount: number; lastEntryAt: string | null }> {
  const row = await db
    .selectFrom("energy_entries")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("at").as("last")])
    .where("plan_id", "=", planId)
    .executeTakeFirstOrThrow();
  return { entryCount: row.count, lastEntryAt: row.last ?? null };
}

export async function deleteEnergyEntry(db: Db, planId: string, entryId: string) {
  const result = await db
    .deleteFrom("energy_entries")
    .where("plan_id", "=", planId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}
