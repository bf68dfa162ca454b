import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#server/testing/test-database.ts";
import { createDb, type Db } from "./create-db.ts";
import { migrateToLatest } from "./migrate.ts";
import { affectedRows, flag, fromJson, fromJsonOrNull } from "./values.ts";

describe("driver values, the same on both engines", () => {
  let testDatabase: TestDatabase;
  let db: Db;
  beforeEach(async () => {
    testDatabase = await createTestDatabase();
    db = createDb(testDatabase.database);
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.destroy();
    await testDatabase.drop();
  });

  const addTemplate = (id: string, archived: number) =>
    db
      .insertInto("growth_plan_templates")
      .values({
        id,
        name: id,
        description: "",
        content: JSON.stringify({ goals: [{ skill: "Listening" }] }),
        archived,
        created_at: "2026-03-02T09:00:00.000Z",
        updated_at: "2026-03-02T09:00:00.000Z",
        updated_by: null,
      })
      .executeTakeFirstOrThrow();

  it("returns counts and sums as numbers, integer columns as numbers", async () => {
    await addTemplate("first", 0);
    await addTemplate("second", 1);
    const row = await db
      .selectFrom("growth_plan_templates")
      .select((eb) => [
        eb.fn.countAll<number>().as("count"),
        eb.fn.sum<number>("archived").as("archived"),
        eb.fn.max("version").as("version"),
      ])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ count: 2, archived: 1, version: 1 });
    const raw = await sql<{ total: number }>`select count(*) as total from people`.execute(db);
    expect(raw.rows[0]?.total).toBe(0);
  });

  it("turns stored flags, JSON text and affected row counts into plain values", async () => {
    expect(affectedRows(await addTemplate("flagged", 1))).toBe(1);
    const stored = await db
      .selectFrom("growth_plan_templates")
      .select(["archived", "content"])
      .executeTakeFirstOrThrow();
    expect(flag(stored.archived)).toBe(true);
    expect(flag(0)).toBe(false);
    expect(fromJson(stored.content)).toEqual({ goals: [{ skill: "Listening" }] });
    expect(fromJsonOrNull(null)).toBeNull();
    const updated = await db
      .updateTable("growth_plan_templates")
      .set({ archived: 0 })
      .where("id", "in", ["flagged", "missing"])
      .executeTakeFirstOrThrow();
    expect(affectedRows(updated)).toBe(1);
    const deleted = await db.deleteFrom("growth_plan_templates").executeTakeFirstOrThrow();
    expect(affectedRows(deleted)).toBe(1);
  });
});
