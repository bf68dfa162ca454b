import type { Expression, Selectable, SqlBool } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { ScimGroupsTable } from "#server/db/schema.ts";

export type ScimGroupRow = Selectable<ScimGroupsTable>;

export async function searchScimPeople(
  db: Db,
  condition: Expression<SqlBool> | null,
  page: { offset: number; limit: number },
) {
  let base = db.selectFrom("people").where("erased_at", "is", null);
  if (condition) base = base.where(condition);
  const [people, count] = await Promise.all([
    page.limit === 0
      ? Promise.resolve([])
      : base
          .selectAll()
          .orderBy("created_at")
          .orderBy("id")
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow(),
  ]);
  return { people, total: Number(count.count) };
}

export function findScimPerson(db: Db, id: string) {
  return db
    .selectFrom("people")
    .selectAll()
    .where("id", "=", id)
    .where("erased_at", "is", null)
    .executeTakeFirst();
}

// ── Groups ──────────────────────────────────────────────────────────────────────────────────

export function findScimGroup(db: Db, id: string) {
  return db.selectFrom("scim_groups").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findScimGroupByName(db: Db, displayNameNormalized: string) {
  return db
    .selectFrom("scim_groups")
    .selectAll()
    .where("display_name_normalized", "=", displayNameNormalized)
    .executeTakeFirst();
}

export async function searchScimGroups(
  db: Db,
  where: { column: "display_name_normalized" | "external_id" | "id"; value: string } | null,
  page: { offset: number; limit: number },
) {
  let base = db.selectFrom("scim_groups");
  if (where) base = base.where(where.column, "=", where.value);
  const [groups, count] = await Promise.all([
    page.limit === 0
      ? Promise.resolve([])
      : base
          .selectAll()
          .orderBy("created_at")
          .orderBy("id")
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow(),
  ]);
  return { groups, total: Number(count.count) };
}

export async function insertScimGroup(db: Db, group: ScimGroupRow): Promise<void> {
  await db.insertInto("scim_groups").values(group).execute();
}

export async function updateScimGroup(
  db: Db,
  id: string,
  changes: Partial<Omit<ScimGroupRow, "id" | "created_at">>,
): Promise<void> {
  await db.updateTable("scim_groups").set(changes).where("id", "=", id).execute();
}

export async function deleteScimGroup(db: Db, id: string): Promise<void> {
  await db.deleteFrom("scim_group_members").where("group_id", "=", id).execute();
  await db.deleteFrom("scim_groups").where("id", "=", id).execute();
}

export function listGroupMembers(db: Db, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("scim_group_members")
    .innerJoin("people", "people.id", "scim_group_members.person_id")
    .select(["scim_group_members.group_id", "people.id", "people.name"])
    .where("scim_group_members.group_id", "in", [...groupIds])
    .orderBy("people.sort_name")
    .orderBy("people.id")
    .execute();
}

export async function addGroupMembers(
  db: Db,
  groupId: string,
  personIds: readonly string[],
): Promise<void> {
  for (const personId of personIds) {
    await db
      .insertInto("scim_group_members")
      .values({ group_id: groupId, person_id: personId })
      .onConflict((conflict) => conflict.columns(["group_id", "person_id"]).doNothing())
      .execute();
  }
}

export async function removeGroupMembers(
  db: Db,
  groupId: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .deleteFrom("scim_group_members")
    .where("group_id", "=", groupId)
    .where("person_id", "in", [...personIds])
    .execute();
}

/** Whether the person is a member of any group that maps to the admin role, but `exceptGroupId`. */
export async function isInOtherAdminGroup(db: Db, personId: string, exceptGroupId: string) {
  const row = await db
    .selectFrom("scim_group_members")
    .innerJoin("scim_groups", "scim_groups.id", "scim_group_members.group_id")
    .select("scim_groups.id")
    .where("scim_group_members.person_id", "=", personId)
    .where("scim_groups.maps_to_role", "=", "admin")
    .where("scim_groups.id", "<>", exceptGroupId)
    .executeTakeFirst();
  return row !== undefined;
}

export function findMentorshipProgramByName(db: Db, name: string) {
  return db
    .selectFrom("mentorship_programs")
    .select(["id", "name"])
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
    .executeTakeFirst();
}
