import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { PeopleTable } from "#server/db/schema.ts";

export type PersonRow = Selectable<PeopleTable>;

/** What a caller writes; the search and sort columns are derived here, the only writer. */
export type NewPersonRow = Omit<Insertable<PeopleTable>, "search_text" | "sort_name">;
export type PersonChanges = Omit<Updateable<PeopleTable>, "id" | "search_text" | "sort_name">;

type SearchSource = Pick<
  PeopleTable,
  "name" | "preferred_name" | "email" | "job_title" | "department"
>;

/** Lower-cased in JavaScript so non-ASCII names search and sort alike on both engines. */
export function derivedPersonColumns(person: Partial<SearchSource> & Pick<SearchSource, "name">) {
  const searchable = [
    person.name,
    person.preferred_name,
    person.email,
    person.job_title,
    person.department,
  ];
  return {
    search_text: searchable.filter(Boolean).join(" ").toLowerCase(),
    sort_name: (person.preferred_name || person.name).toLowerCase(),
  };
}

/** Deep enough for any real organization; stops a corrupted cycle from recursing forever. */
const maxChainDepth = 200;

export function findPersonById(db: Db, id: string) {
  return db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findPersonByEmail(db: Db, emailNormalized: string) {
  return db
    .selectFrom("people")
    .selectAll()
    .where("email_normalized", "=", emailNormalized)
    .executeTakeFirst();
}

export function listPeopleByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("people").selectAll().where("id", "in", ids).execute();
}

/** Inserts one person and answers the stored row. */
export function insertPerson(db: Db, person: NewPersonRow): Promise<PersonRow> {
  return db
    .insertInto("people")
    .values({ ...person, ...derivedPersonColumns(person) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Many people in one statement per chunk (bounded by the engines' parameter limits). */
export async function insertPeople(db: Db, people: readonly NewPersonRow[]): Promise<void> {
  const chunkSize = 500;
  for (let start = 0; start < people.length; start += chunkSize) {
    const chunk = people.slice(start, start + chunkSize);
    await db
      .insertInto("people")
      .values(chunk.map((person) => ({ ...person, ...derivedPersonColumns(person) })))
      .execute();
  }
}

/** Applies changes to a person whose current row is `current`; derived columns follow. */
export async function updatePerson(
  db: Db,
  current: SearchSource & { id: string },
  changes: PersonChanges,
): Promise<void> {
  const merged = { ...current, ...changes } as SearchSource;
  await db
    .updateTable("people")
    .set({ ...changes, ...derivedPersonColumns(merged) })
    .where("id", "=", current.id)
    .execute();
}

export async function updatePersonPasswordHash(
  db: Db,
  id: string,
  passwordHash: string,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable("people")
    .set({ password_hash: passwordHash, updated_at: updatedAt })
    .where("id", "=", id)
    .execute();
}

/** The managers above a person, nearest first (the person is not included). */
export async function listManagerChain(db: Db, personId: string): Promise<PersonRow[]> {
  const rows = await db
    .withRecursive("chain(id, manager_id, depth)", (qb) =>
      qb
        .selectFrom("people")
        .select(["people.id", "people.manager_id", sql<number>`0`.as("depth")])
        .where("people.id", "=", personId)
        .unionAll((union) =>
          union
            .selectFrom("people")
            .innerJoin("chain", "chain.manager_id", "people.id")
            .select(["people.id", "people.manager_id", sql<number>`chain.depth + 1`.as("depth")])
            .where("chain.depth", "<", maxChainDepth),
        ),
    )
    .selectFrom("chain")
    .innerJoin("people", "people.id", "chain.id")
    .selectAll("people")
    .select("chain.depth")
    .where("chain.depth", ">", 0)
    .orderBy("chain.depth")
    .execute();
  return rows.map(({ depth: _depth, ...person }) => person);
}

/** Everyone below a manager, at any depth, with how far below (1 = direct report). */
export function listDirectReports(
  db: Db,
  managerId: string,
  options: { includeDeactivated: boolean },
) {
  let query = db.selectFrom("people").selectAll().where("manager_id", "=", managerId);
  if (!options.includeDeactivated) query = query.where("status", "=", "active");
  return query.orderBy("sort_name").orderBy("id").execute();
}

/** Active direct reports per manager id; managers without any are absent. */
export async function countActiveDirectReports(
  db: Db,
  managerIds: readonly string[],
): Promise<Map<string, number>> {
  if (managerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("people")
    .select(["manager_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("manager_id", "in", managerIds)
    .where("status", "=", "active")
    .groupBy("manager_id")
    .execute();
  return new Map(rows.map((row) => [row.manager_id ?? "", row.count]));
}

export type DirectorySearch = {
  words: readonly string[];
  division?: string | undefined;
  department?: string | undefined;
  team?: string | undefined;
  statuses: readonly PeopleTable["status"][];
};

/** `%` and `_` in what people type are literal characters, not wildcards. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function directoryQuery(db: Db, search: DirectorySearch) {
  let query = db.selectFrom("people").where("status", "in", [...search.statuses]);
  for (const word of search.words) {
    query = query.where(sql<boolean>`search_text like ${containsPattern(word)} escape '\\'`);
  }
  if (search.division) query = query.where("division", "=", search.division);
  if (search.department) query = query.where("department", "=", search.department);
  if (search.team) query = query.where("team", "=", search.team);
  return query;
}

export async function searchPeople(
  db: Db,
  search: DirectorySearch,
  page: { limit: number; offset: number },
): Promise<{ people: PersonRow[]; total: number }> {
  if (search.statuses.length === 0) return { people: [], total: 0 };
  const [people, count] = await Promise.all([
    directoryQuery(db, search)
      .selectAll()
      .orderBy("sort_name")
      .orderBy("id")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    directoryQuery(db, search)
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow(),
  ]);
  return { people, total: count.count };
}

/** The distinct non-empty values of a grouping column among active people, sorted. */
export async function listActiveGroupValues(
  db: Db,
  column: "division" | "department" | "team",
): Promise<string[]> {
  const rows = await db
    .selectFrom("people")
    .select(column)
    .distinct()
    .where("status", "=", "active")
    .where(column, "is not", null)
    .execute();
  return rows
    .map((row) => row[column])
    .filter((value): value is string => value !== null)
    .sort((a, b) => a.localeCompare(b));
}

export function listPeopleForExport(db: Db, statuses: readonly PeopleTable["status"][]) {
  return db
    .selectFrom("people")
    .leftJoin("people as manager", "manager.id", "people.manager_id")
    .selectAll("people")
    .select("manager.email as manager_email")
    .where("people.status", "in", [...statuses])
    .orderBy("people.sort_name")
    .orderBy("people.id")
    .execute();
}

/** Every person, with only what the import compares and resolves. */
export function listPeopleForImport(db: Db) {
  return db
    .selectFrom("people")
    .select([
      "id",
      "email",
      "email_normalized",
      "name",
      "preferred_name",
      "job_title",
      "division",
      "department",
      "team",
      "manager_id",
      "hire_date",
      "location",
      "time_zone",
      "status",
    ])
    .execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom("people")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("role", "=", "admin")
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Sets one password hash and role for several people at once (demo accounts). */
export async function updateCredentialsByEmails(
  db: Db,
  emailsNormalized: readonly string[],
  changes: { password_hash: string; role?: PeopleTable["role"]; updated_at: string },
): Promise<void> {
  if (emailsNormalized.length === 0) return;
  await db
    .updateTable("people")
    .set(changes)
    .where("email_normalized", "in", [...emailsNormalized])
    .execute();
}

export async function countPeopleWithEmailDomain(db: Db, domain: string): Promise<number> {
  const row = await db
    .selectFrom("people")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("email_normalized", "like", `%@${domain}`)
    .executeTakeFirstOrThrow();
  return row.count;
}
