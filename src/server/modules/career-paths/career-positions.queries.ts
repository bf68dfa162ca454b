import type { Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { CareerPositionsTable } from "#server/db/schema.ts";

export type PositionRow = Selectable<CareerPositionsTable>;

export async function findPositionRow(db: Db, personId: string): Promise<PositionRow | undefined> {
  return db
    .selectFrom("career_positions")
    .selectAll()
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

type PositionChange =
  | { current: { frameworkId: string; roleKey: string } | null }
  | { target: { frameworkId: string; roleKey: string } | null };

/** Sets a person's current or target role, keeping the other one as it is. */
export async function savePosition(
  db: Db,
  personId: string,
  change: PositionChange,
  updatedAt: string,
): Promise<void> {
  const columns =
    "current" in change
      ? {
          framework_id: change.current?.frameworkId ?? null,
          role_key: change.current?.roleKey ?? null,
        }
      : {
          target_framework_id: change.target?.frameworkId ?? null,
          target_role_key: change.target?.roleKey ?? null,
        };
  await db
    .insertInto("career_positions")
    .values({
      person_id: personId,
      framework_id: null,
      role_key: null,
      target_framework_id: null,
      target_role_key: null,
      ...columns,
      updated_at: updatedAt,
    })
    .onConflict((conflict) =>
      conflict.column("person_id").doUpdateSet({ ...columns, updated_at: updatedAt }),
    )
    .execute();
}
