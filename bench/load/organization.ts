import { newId } from "#core/ids.ts";
import type { Db } from "#server/db/create-db.ts";
import { hashPassword } from "#server/modules/auth/passwords.ts";
import { hashSessionToken, newSessionToken } from "#server/modules/auth/session-tokens.ts";
import { derivedPersonColumns } from "#server/modules/people/people.queries.ts";

export const benchPassword = "benchmark password 2026";

const divisions = ["Engineering", "Sales", "Marketing", "Product", "People"] as const;
const reportsPerManager = 8;
const batchSize = 500;

export type BenchPerson = { id: string; email: string; managerId: string | null; index: number };

export type Organization = {
  people: BenchPerson[];
  /** People with at least one report, in tree order. */
  managers: BenchPerson[];
};

/**
 * A company of `size` people in one reporting tree (eight reports per manager), hired over the
 * four years before `now`, all with the same password so sign-in can be measured.
 */
export async function generateOrganization(db: Db, size: number, now: Date): Promise<Organization> {
  const passwordHash = await hashPassword(benchPassword);
  const people: BenchPerson[] = [];
  for (let index = 0; index < size; index++) {
    const manager = index === 0 ? null : people[Math.floor((index - 1) / reportsPerManager)];
    people.push({
      id: newId(now.getTime() - size + index),
      email: `person${index}@bench.example`,
      managerId: manager?.id ?? null,
      index,
    });
  }
  const timestamp = now.toISOString();
  const fourYearsOfDays = 4 * 365;
  for (let start = 0; start < people.length; start += batchSize) {
    const rows = people.slice(start, start + batchSize).map((person) => {
      const hired = new Date(
        now.getTime() - ((person.index * 7919) % fourYearsOfDays) * 86_400_000,
      );
      const division = divisions[person.index % divisions.length] ?? "Engineering";
      const row = {
        id: person.id,
        email: person.email,
        email_normalized: person.email,
        name: `Person ${person.index}`,
        role: person.index === 0 ? ("admin" as const) : ("member" as const),
        status: "active" as const,
        password_hash: passwordHash,
        manager_id: person.managerId,
        job_title: person.index < size / reportsPerManager ? "Manager" : "Engineer",
        division,
        department: `${division} ${person.index % 7}`,
        team: `Team ${person.index % 31}`,
        hire_date: hired.toISOString().slice(0, 10),
        created_at: timestamp,
        updated_at: timestamp,
      };
      return { ...row, ...derivedPersonColumns(row) };
    });
    await db.insertInto("people").values(rows).execute();
  }
  const managerCount = Math.ceil((size - 1) / reportsPerManager);
  return { people, managers: people.slice(0, managerCount) };
}

/** Session cookies for the given people, written straight to the sessions table. */
export async function createBenchSessions(
  db: Db,
  people: readonly BenchPerson[],
  now: Date,
): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  const expires = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  const rows = people.map((person) => {
    const token = newSessionToken();
    cookies.set(person.id, `trellis_session=${token}`);
    return {
      id: newId(),
      token_hash: hashSessionToken(token),
      person_id: person.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expires,
      user_agent: "bench",
      address: "127.0.0.1",
    };
  });
  for (let start = 0; start < rows.length; start += batchSize) {
    await db
      .insertInto("sessions")
      .values(rows.slice(start, start + batchSize))
      .execute();
  }
  return cookies;
}
