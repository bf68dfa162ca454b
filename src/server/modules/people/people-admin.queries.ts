import { sql } from "kysely";
import type { AdminPeopleQuery } from "#core/people-admin.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { PersonRow } from "./people.queries.ts";

/** `%` and `_` in what people type are literal characters, not wildcards. */
const containsPattern = (word: string) =>
  `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

function adminPeopleQuery(db: Db, query: AdminPeopleQuery) {
  let select = db.selectFrom("people as p").leftJoin("people as m", "m.id", "p.manager_id");
  const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const word of words) {
    select = select.where(sql<boolean>`p.search_text like ${containsPattern(word)} escape '\\'`);
  }
  if (query.status !== "all") select = select.where("p.status", "=", query.status);
  if (query.role) select = select.where("p.role", "=", query.role);
  if (query.department) select = select.where("p.department", "=", query.department);
  if (query.team) select = select.where("p.team", "=", query.team);
  if (query.managerId) select = select.where("p.manager_id", "=", query.managerId);
  return select;
}

/** Where each sort puts people without a value: last, whichever the direction. */
const sortColumns = {
  name: "p.sort_name",
  role: "p.role",
  status: "p.status",
  manager: "m.sort_name",
  department: "p.department",
  lastSignIn: "p.last_sign_in_at",
} as const;

export type AdminPersonListRow = PersonRow & { manager_name: string | null };

export async function listPeopleForAdmin(
  db: Db,
  query: AdminPeopleQuery,
): Promise<{ rows: AdminPersonListRow[]; total: number }> {
  const column = sortColumns[query.sort];
  const direction = query.order === "desc" ? sql`desc` : sql`asc`;
  const [rows, count] = await Promise.all([
    adminPeopleQuery(db, query)
      .selectAll("p")
      .select(sql<string | null>`coalesce(m.preferred_name, m.name)`.as("manager_name"))
      // Empty values sort last in either direction, on both engines.
      .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
      .orderBy(sql`${sql.ref(column)} ${direction}`)
      .orderBy("p.sort_name")
      .orderBy("p.id")
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    adminPeopleQuery(db, query)
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as AdminPersonListRow[], total: Number(count.count) };
}

/** Distinct non-empty values of a column among everyone, sorted. */
export async function listGroupValues(db: Db, column: "department" | "team"): Promise<string[]> {
  const rows = await db
    .selectFrom("people")
    .select(column)
    .distinct()
    .where(column, "is not", null)
    .execute();
  return rows
    .map((row) => row[column])
    .filter((value): value is string => value !== null && value !== "")
    .sort((a, b) => a.localeCompare(b));
}

/** Everyone who manages someone, by name. */
export function listManagers(db: Db) {
  return db
    .selectFrom("people as m")
    .select(["m.id", "m.name", "m.preferred_name"])
    .where((eb) =>
      eb.exists(eb.selectFrom("people as r").select("r.id").whereRef("r.manager_id", "=", "m.id")),
    )
    .orderBy("m.sort_name")
    .orderBy("m.id")
    .execute();
}

/** The active people among `ids` who report to someone outside them. */
export function listActiveReportsOutside(db: Db, ids: readonly string[]) {
  return db
    .selectFrom("people")
    .select(["id", "manager_id"])
    .where("manager_id", "in", [...ids])
    .where("id", "not in", [...ids])
    .where("status", "=", "active")
    .execute();
}

/** People of one department or team; active ones only. */
export function listActivePeopleIn(db: Db, column: "department" | "team", value: string) {
  return db
    .selectFrom("people")
    .select(["id"])
    .where(column, "=", value)
    .where("status", "=", "active")
    .orderBy("id")
    .execute();
}
