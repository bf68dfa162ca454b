import type { Insertable, Selectable, Updateable } from "kysely";
import type { BenefitRequestStatus } from "#core/benefits.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type {
  BenefitOverridesTable,
  BenefitReceiptsTable,
  BenefitRequestsTable,
  BenefitSettingsTable,
} from "#server/db/schema.ts";
import { affectedRows } from "#server/db/values.ts";

export type BenefitSettingsRow = Selectable<BenefitSettingsTable>;
export type BenefitOverrideRow = Selectable<BenefitOverridesTable>;
export type BenefitRequestRow = Omit<Selectable<BenefitRequestsTable>, "status"> & {
  status: BenefitRequestStatus;
};
export type BenefitReceiptRow = Selectable<BenefitReceiptsTable>;

export const settingsRowId = "default";

const asRequest = (row: Selectable<BenefitRequestsTable>): BenefitRequestRow => ({
  ...row,
  status: row.status as BenefitRequestStatus,
  cost_minor: Number(row.cost_minor),
});

// ── Settings and per-person amounts ─────────────────────────────────────────────────────────

export async function findBenefitSettings(db: Db): Promise<BenefitSettingsRow | undefined> {
  const row = await db
    .selectFrom("benefit_settings")
    .selectAll()
    .where("id", "=", settingsRowId)
    .executeTakeFirst();
  return row && { ...row, amount_minor: Number(row.amount_minor) };
}

export async function insertBenefitSettings(
  db: Db,
  row: Insertable<BenefitSettingsTable>,
): Promise<boolean> {
  const result = await db
    .insertInto("benefit_settings")
    .values(row)
    .onConflict((conflict) => conflict.column("id").doNothing())
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Saves only when the stored version is still `baseVersion`; false otherwise. */
export async function updateBenefitSettingsIfAt(
  db: Db,
  baseVersion: number,
  changes: Updateable<BenefitSettingsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("benefit_settings")
    .set(changes)
    .where("id", "=", settingsRowId)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function findBenefitOverride(
  db: Db,
  personId: string,
): Promise<BenefitOverrideRow | undefined> {
  const row = await db
    .selectFrom("benefit_overrides")
    .selectAll()
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return (
    row && { ...row, amount_minor: row.amount_minor === null ? null : Number(row.amount_minor) }
  );
}

export async function listBenefitOverrides(db: Db, limit: number): Promise<BenefitOverrideRow[]> {
  const rows = await db
    .selectFrom("benefit_overrides")
    .selectAll()
    .where("amount_minor", "is not", null)
    .orderBy("updated_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ...row,
    amount_minor: row.amount_minor === null ? null : Number(row.amount_minor),
  }));
}

export async function insertBenefitOverride(
  db: Db,
  row: Insertable<BenefitOverridesTable>,
): Promise<boolean> {
  const result = await db
    .insertInto("benefit_overrides")
    .values(row)
    .onConflict((conflict) => conflict.column("person_id").doNothing())
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function updateBenefitOverrideIfAt(
  db: Db,
  personId: string,
  baseVersion: number,
  changes: Updateable<BenefitOverridesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("benefit_overrides")
    .set(changes)
    .where("person_id", "=", personId)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export async function findBenefitRequest(
  db: Db,
  id: string,
): Promise<BenefitRequestRow | undefined> {
  const row = await db
    .selectFrom("benefit_requests")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && asRequest(row);
}

export async function insertBenefitRequest(
  db: Db,
  row: Insertable<BenefitRequestsTable>,
): Promise<void> {
  await db.insertInto("benefit_requests").values(row).execute();
}

/** Changes the request only while it is still at `version`; false when it moved on meanwhile. */
export async function updateBenefitRequestIfAt(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<BenefitRequestsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("benefit_requests")
    .set({ ...changes, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function listBenefitRequestsOfMembers(
  db: Db,
  memberIds: readonly string[],
  limit: number,
): Promise<BenefitRequestRow[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom("benefit_requests")
    .selectAll()
    .where("member_id", "in", [...memberIds])
    .orderBy("submitted_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(asRequest);
}

export async function listBenefitRequestsByStatus(
  db: Db,
  statuses: readonly BenefitRequestStatus[],
  limit: number,
): Promise<BenefitRequestRow[]> {
  const rows = await db
    .selectFrom("benefit_requests")
    .selectAll()
    .where("status", "in", [...statuses])
    .orderBy("submitted_at", "asc")
    .orderBy("id", "asc")
    .limit(limit)
    .execute();
  return rows.map(asRequest);
}

/** The person's requests starting within [from, to], summed by status. */
export async function sumBenefitRequestsByStatus(
  db: Db,
  memberId: string,
  range: { from: string; to: string },
): Promise<{ status: BenefitRequestStatus; total: number; count: number }[]> {
  const rows = await db
    .selectFrom("benefit_requests")
    .select((eb) => [
      "status",
      eb.fn.sum<number>("cost_minor").as("total"),
      eb.fn.countAll<number>().as("count"),
    ])
    .where("member_id", "=", memberId)
    .where("starts_on", ">=", range.from)
    .where("starts_on", "<=", range.to)
    .groupBy("status")
    .execute();
  return rows.map((row) => ({
    status: row.status as BenefitRequestStatus,
    total: Number(row.total ?? 0),
    count: Number(row.count),
  }));
}

// ── Receipts ────────────────────────────────────────────────────────────────────────────────

export function listBenefitReceipts(db: Db, requestId: string): Promise<BenefitReceiptRow[]> {
  return db
    .selectFrom("benefit_receipts")
    .selectAll()
    .where("request_id", "=", requestId)
    .orderBy("added_at")
    .orderBy("id")
    .execute();
}

export async function countBenefitReceipts(db: Db, requestId: string): Promise<number> {
  const row = await db
    .selectFrom("benefit_receipts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("request_id", "=", requestId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertBenefitReceipt(
  db: Db,
  row: Insertable<BenefitReceiptsTable>,
): Promise<void> {
  await db.insertInto("benefit_receipts").values(row).execute();
}

// ── People and plans the benefit reads ──────────────────────────────────────────────────────

/** Active administrators (L&D), who decide after the manager. */
export async function listActiveAdminIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("people")
    .select("id")
    .where("role", "=", "admin")
    .where("status", "=", "active")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Ids of the person's active direct reports. */
export async function listActiveReportIds(db: Db, managerId: string, limit: number) {
  const rows = await db
    .selectFrom("people")
    .select("id")
    .where("manager_id", "=", managerId)
    .where("status", "=", "active")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The goals of the person's active growth plan, with their stored JSON content. */
export function listActivePlanGoals(db: Db, ownerId: string, limit: number) {
  return db
    .selectFrom("growth_plan_goals")
    .innerJoin("growth_plans", "growth_plans.id", "growth_plan_goals.plan_id")
    .select(["growth_plan_goals.id", "growth_plan_goals.content"])
    .where("growth_plans.active_owner_id", "=", ownerId)
    .orderBy("growth_plan_goals.position")
    .orderBy("growth_plan_goals.id")
    .limit(limit)
    .execute();
}

/** One goal of any of the person's own plans. */
export function findGoalOfOwner(db: Db, ownerId: string, goalId: string) {
  return db
    .selectFrom("growth_plan_goals")
    .innerJoin("growth_plans", "growth_plans.id", "growth_plan_goals.plan_id")
    .select(["growth_plan_goals.id", "growth_plan_goals.content"])
    .where("growth_plans.owner_id", "=", ownerId)
    .where("growth_plan_goals.id", "=", goalId)
    .executeTakeFirst();
}
