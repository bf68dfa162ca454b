import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTableRows } from "#server/db/introspection.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { postJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { erasurePlanGaps, plannedPersonColumns } from "./erasure-plan.testing.ts";
import { emailColumns, erasedEmail, erasurePlan } from "./erasure-plan.ts";
import { type CatalogTable, readSchemaCatalog } from "./schema-catalog.ts";

type Person = { id: string; email: string; name: string };
type Row = Record<string, unknown>;

/** Tables in an order where every table comes after the tables it points at. */
function parentsFirst(catalog: CatalogTable[]): CatalogTable[] {
  const ordered: CatalogTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < catalog.length) {
    const next = catalog.find(
      (table) =>
        !placed.has(table.name) &&
        table.columns.every((column) => {
          const parent = column.references?.split(".")[0];
          return !parent || parent === table.name || placed.has(parent);
        }),
    );
    if (!next) throw new Error("foreign keys form a cycle");
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

const scrubColumns = new Set(
  erasurePlan.flatMap((entry) =>
    entry.action === "scrub" ? entry.columns.map((name) => `${entry.table}.${name}`) : [],
  ),
);

/**
 * Writes rows into every table of the schema: for each table with person columns, a row of
 * someone else only (which must survive untouched), a row where every person column is the
 * subject, and one row per person column where only that column is the subject. Values come
 * from the catalog: foreign keys point at rows written before, text columns the plan scrubs
 * quote the subject's name and email.
 */
async function fillEveryTable(
  t: TestApp,
  catalog: CatalogTable[],
  subject: Person,
  other: Person,
): Promise<{ written: Map<string, Row[]>; untouched: Map<string, Row[]>; failures: string[] }> {
  const personColumns = plannedPersonColumns();
  const written = new Map<string, Row[]>();
  const untouched = new Map<string, Row[]>();
  const failures: string[] = [];
  let serial = 1000;
  for (const table of parentsFirst(catalog)) {
    if (table.name === "people") continue;
    const isPerson = (name: string) => {
      const column = table.columns.find((c) => c.name === name);
      return column?.references === "people.id" || personColumns.has(`${table.name}.${name}`);
    };
    const persons = table.columns.filter((column) => isPerson(column.name));
    const variants: { who: (name: string) => Person; parent: "first" | "last"; keep: boolean }[] = [
      { who: () => other, parent: "first", keep: true },
      { who: () => subject, parent: "last", keep: false },
      ...persons.map((person) => ({
        who: (name: string) => (name === person.name ? subject : other),
        parent: "first" as const,
        keep: false,
      })),
    ];
    if (persons.length === 0) variants.length = 2;
    for (const variant of variants) {
      let survives = variant.keep;
      const row: Row = {};
      for (const column of table.columns) {
        if (column.generated) continue;
        const key = `${table.name}.${column.name}`;
        const parentTable = column.references?.split(".")[0];
        if (parentTable === table.name) {
          row[column.name] = null;
        } else if (isPerson(column.name)) {
          row[column.name] = variant.who(column.name).id;
        } else if (emailColumns.has(key)) {
          const email = variant.keep ? other.email : subject.email;
          row[column.name] = column.name.endsWith("_normalized") ? email.toLowerCase() : email;
        } else if (scrubColumns.has(key)) {
          row[column.name] = variant.keep
            ? JSON.stringify({ note: `text ${serial++}` })
            : JSON.stringify({ who: subject.name, email: subject.email, n: serial++ });
          if (!variant.keep) survives = false;
        } else if (parentTable && parentTable !== table.name) {
          const rows = written.get(parentTable) ?? [];
          const keptRows = untouched.get(parentTable) ?? [];
          const target =
            variant.parent === "first" ? (keptRows[0] ?? rows[0]) : rows[rows.length - 1];
          if (!target) continue;
          if (!keptRows.includes(target)) survives = false;
          row[column.name] = target[column.references?.split(".")[1] ?? "id"];
        } else if (/int|numeric|real|double/.test(column.type)) {
          row[column.name] = serial++;
        } else {
          row[column.name] = `v${serial++}`;
        }
      }
      try {
        await sql`insert into ${sql.table(table.name)} (${sql.join(
          Object.keys(row).map((name) => sql.ref(name)),
        )}) values (${sql.join(Object.values(row))})`.execute(t.ctx.db);
        written.set(table.name, [...(written.get(table.name) ?? []), row]);
        if (survives) untouched.set(table.name, [...(untouched.get(table.name) ?? []), row]);
      } catch (error) {
        failures.push(`${table.name}: ${(error as Error).message.slice(0, 120)}`);
      }
    }
  }
  return { written, untouched, failures };
}

const comparable = (row: Row) =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((key) => [key, row[key] === null ? null : String(row[key])]),
  );

describe("the erasure plan", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("covers every person column of the schema and everything that hangs from a deleted row", async () => {
    const catalog = await readSchemaCatalog(t.ctx.db);
    expect(catalog.length).toBeGreaterThan(60);
    expect(erasurePlanGaps(catalog)).toEqual([]);
  });

  it("reports a new table that refers to a person without an entry", async () => {
    await sql`create table widgets (id text primary key, person_id text references people (id), reviewed_by text)`.execute(
      t.ctx.db,
    );
    await sql`create table widget_parts (id text primary key, plan_id text references growth_plans (id))`.execute(
      t.ctx.db,
    );
    const gaps = erasurePlanGaps(await readSchemaCatalog(t.ctx.db));
    expect(gaps.sort()).toEqual([
      expect.stringContaining("widget_parts.plan_id points at growth_plans"),
      expect.stringContaining("widgets.person_id refers to a person"),
      expect.stringContaining("widgets.reviewed_by refers to a person"),
    ]);
  });

  it("leaves no row anywhere holding the erased person's id, email or name outside the documented places", async () => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Ada Admin" });
    const other = await createPersonWithoutPassword(t.ctx, { name: "Olu Other" });
    const subject = await createPersonWithoutPassword(t.ctx, {
      name: "Zephyrine Quillfeather",
      email: "Zephyrine.Q@Example.test",
      managerId: other.id,
      jobTitle: "Staff engineer",
      department: "Engineering",
    });
    await t.ctx.db
      .updateTable("people")
      .set({ preferred_name: "Zephy Q", employee_number: "E-4711", external_id: "ext-4711" })
      .where("id", "=", subject.id)
      .execute();
    const report = await createPersonWithoutPassword(t.ctx, {
      name: "Rhea Report",
      managerId: subject.id,
    });
    const catalog = await readSchemaCatalog(t.ctx.db);
    const fill = await fillEveryTable(t, catalog, subject, other);
    await t.ctx.db
      .updateTable("identity_settings")
      .set({ break_glass_person_id: subject.id, updated_by: subject.id })
      .where("id", "=", 1)
      .execute();

    // Every table with a person column holds at least one row of the subject.
    const personTables = catalog.filter((table) =>
      table.columns.some(
        (column) =>
          column.references === "people.id" ||
          plannedPersonColumns().has(`${table.name}.${column.name}`),
      ),
    );
    const missing = personTables
      .filter((table) => table.name !== "people" && table.name !== "identity_settings")
      .filter((table) => (fill.written.get(table.name)?.length ?? 0) < 2)
      .map((table) => table.name);
    expect(missing, fill.failures.join("\n")).toEqual([]);

    const session = await createSession(t.ctx, admin.id);
    const preview = await postJson(
      t.app,
      `/api/admin/people/${subject.id}/erasure/preview`,
      {},
      { session },
    );
    expect(preview.statusCode, preview.body).toBe(200);
    const phrase = preview.json().confirmationPhrase as string;
    const erased = await postJson(
      t.app,
      `/api/admin/people/${subject.id}/erasure`,
      { confirmation: phrase },
      { session },
    );
    expect(erased.statusCode, erased.body).toBe(200);

    // The preview's counts are what the erasure did.
    const deletedInPreview = Object.fromEntries(
      (preview.json().deleted as { table: string; rows: number }[]).map((e) => [e.table, e.rows]),
    );
    const deletedCounts = Object.fromEntries(
      Object.entries(erased.json().deleted as Record<string, number>).filter(([, n]) => n > 0),
    );
    expect(deletedInPreview).toEqual(deletedCounts);

    const idAllowed = new Set(["people.id"]);
    for (const entry of erasurePlan) {
      if ((entry.action === "keep" || entry.action === "pseudonymise") && "column" in entry) {
        idAllowed.add(`${entry.table}.${entry.column}`);
      }
    }
    const needles = [
      subject.id,
      subject.email,
      subject.email.toLowerCase(),
      subject.name,
      "Zephy Q",
      "E-4711",
      "ext-4711",
    ];
    const leaks: string[] = [];
    for (const table of catalog) {
      for (const row of await readTableRows(t.ctx.db, table.name)) {
        for (const [name, value] of Object.entries(row)) {
          if (value === null || value === undefined) continue;
          const text = String(value).split(erasedEmail(subject.id)).join("");
          for (const needle of needles) {
            if (!text.includes(needle)) continue;
            if (needle === subject.id && idAllowed.has(`${table.name}.${name}`)) continue;
            leaks.push(`${table.name}.${name} holds ${needle === subject.id ? "the id" : needle}`);
          }
        }
      }
    }
    expect([...new Set(leaks)]).toEqual([]);

    // Someone else's rows are all still there, unchanged.
    const lost: string[] = [];
    for (const [table, rows] of fill.untouched) {
      const stored = await readTableRows(t.ctx.db, table);
      for (const row of rows) {
        const keys = Object.keys(row);
        const same = stored.some(
          (candidate) =>
            comparable(Object.fromEntries(keys.map((key) => [key, candidate[key]]))) ===
            comparable(row),
        );
        if (!same) lost.push(table);
      }
    }
    expect(lost).toEqual([]);

    const person = await t.ctx.db
      .selectFrom("people")
      .selectAll()
      .where("id", "=", subject.id)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      name: "Erased person",
      email: erasedEmail(subject.id),
      status: "deactivated",
      password_hash: null,
      manager_id: null,
      preferred_name: null,
      job_title: null,
      department: null,
      employee_number: null,
      external_id: null,
    });
    expect(person.erased_at).not.toBeNull();
    const reportRow = await t.ctx.db
      .selectFrom("people")
      .select("manager_id")
      .where("id", "=", report.id)
      .executeTakeFirstOrThrow();
    expect(reportRow.manager_id).toBeNull();
  });
});
