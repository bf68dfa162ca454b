import { type RawBuilder, sql } from "kysely";
import type { ErasureTableEffect } from "#core/personal-data-erasure.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import {
  emailColumns,
  erasedEmail,
  erasedName,
  erasurePlan,
  type PlanEntry,
  pseudonymisedPerson,
} from "./erasure-plan.ts";

/**
 * Carries out `erasurePlan` for one person inside the caller's transaction, or only counts what
 * it would do. Table and column names come from the plan (code), never from input; every value
 * is a bound parameter.
 */

export type ErasureSubject = {
  id: string;
  email: string;
  emailNormalized: string;
  names: string[];
};

type Condition = RawBuilder<unknown>;

const column = (table: string, name: string) => sql.ref(`${table}.${name}`);

function matchValue(subject: ErasureSubject, table: string, name: string): string {
  return emailColumns.has(`${table}.${name}`) ? subject.emailNormalized : subject.id;
}

/** Rows of `table` the erasure deletes: their own rows and rows hanging from deleted rows. */
function deleteCondition(
  subject: ErasureSubject,
  table: string,
  visiting: ReadonlySet<string> = new Set(),
): Condition | null {
  const parts: Condition[] = [];
  const inside = new Set([...visiting, table]);
  for (const entry of erasurePlan) {
    if (entry.table !== table) continue;
    if (entry.action === "delete") {
      if (table === "outbox_messages" && entry.column === "to_address") {
        // Addresses are stored as written; compare them lower-cased.
        parts.push(sql`lower(${column(table, entry.column)}) = ${subject.emailNormalized}`);
      } else {
        parts.push(
          sql`${column(table, entry.column)} = ${matchValue(subject, table, entry.column)}`,
        );
      }
    } else if (entry.action === "delete-with-parent") {
      // A table pointing at itself (replies) is reached through its other entries.
      if (inside.has(entry.parent.table)) continue;
      const parent = deleteCondition(subject, entry.parent.table, inside);
      if (!parent) continue;
      parts.push(
        sql`${column(table, entry.column)} in (select ${column(entry.parent.table, entry.parent.column)} from ${sql.table(entry.parent.table)} where ${parent})`,
      );
    }
  }
  return parts.length === 0 ? null : sql`(${sql.join(parts, sql` or `)})`;
}

/** Tables with rows to delete, each before any table its rows hang from. */
export function deletionOrder(): string[] {
  const tables = [
    ...new Set(
      erasurePlan
        .filter((entry) => entry.action === "delete" || entry.action === "delete-with-parent")
        .map((entry) => entry.table),
    ),
  ];
  const dependents = new Map<string, Set<string>>();
  for (const entry of erasurePlan) {
    if (entry.action !== "delete-with-parent" || entry.parent.table === entry.table) continue;
    const set = dependents.get(entry.parent.table) ?? new Set();
    set.add(entry.table);
    dependents.set(entry.parent.table, set);
  }
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find(
      (table) =>
        !done.has(table) && [...(dependents.get(table) ?? [])].every((child) => done.has(child)),
    );
    if (!next) throw new Error("The erasure plan's parents form a cycle");
    ordered.push(next);
    done.add(next);
  }
  return ordered;
}

async function count(db: Db, table: string, condition: Condition): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)} where ${condition}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

type Linked = Extract<PlanEntry, { action: "set-null" | "pseudonymise" | "keep" }>;
type Scrub = Extract<PlanEntry, { action: "scrub" }>;

const linkedCondition = (subject: ErasureSubject, entry: Linked) =>
  sql`${column(entry.table, entry.column)} = ${subject.id}`;

function scrubReplacements(subject: ErasureSubject, linked: boolean): [string, string][] {
  const pairs: [string, string][] = [
    [subject.email, erasedEmail(subject.id)],
    [subject.emailNormalized, erasedEmail(subject.id)],
  ];
  if (linked) {
    // Longest first, so "Ana María López" goes before "Ana".
    const names = [...new Set(subject.names.filter((name) => name.trim().length >= 2))].sort(
      (a, b) => b.length - a.length,
    );
    for (const name of names) pairs.push([name, erasedName]);
  }
  return pairs;
}

function scrubExpression(name: string, pairs: [string, string][]): RawBuilder<unknown> {
  let expression: RawBuilder<unknown> = sql.ref(name);
  for (const [from, to] of pairs) expression = sql`replace(${expression}, ${from}, ${to})`;
  return expression;
}

async function runScrub(db: Db, subject: ErasureSubject, entry: Scrub, apply: boolean) {
  let changed = 0;
  const linked =
    entry.linkedBy.length === 0
      ? null
      : sql`(${sql.join(
          entry.linkedBy.map((name) => sql`${sql.ref(name)} = ${subject.id}`),
          sql` or `,
        )})`;
  const passes: [Condition | null, boolean][] = linked
    ? [
        [linked, true],
        [sql`not ${linked}`, false],
      ]
    : [[null, false]];
  for (const [where, withNames] of passes) {
    const pairs = scrubReplacements(subject, withNames);
    for (const name of entry.columns) {
      const replaced = scrubExpression(name, pairs);
      const differs = sql`${sql.ref(name)} is not null and ${replaced} <> ${sql.ref(name)}`;
      const condition = where ? sql`${where} and ${differs}` : differs;
      changed += await count(db, entry.table, condition);
      if (apply) {
        await sql`update ${sql.table(entry.table)} set ${sql.ref(name)} = ${replaced} where ${condition}`.execute(
          db,
        );
      }
    }
  }
  return changed;
}

export type ErasureOutcome = {
  effects: ErasureTableEffect[];
  deleted: Record<string, number>;
  changed: Record<string, number>;
};

/** Counts (apply false) or carries out (apply true) the erasure of `subject`. */
export async function runErasurePlan(
  db: Db,
  subject: ErasureSubject,
  options: { apply: boolean; now: string },
): Promise<ErasureOutcome> {
  const effects: ErasureTableEffect[] = [];
  const deleted: Record<string, number> = {};
  const changed: Record<string, number> = {};
  const whyOf = (table: string, actions: PlanEntry["action"][]) =>
    [
      ...new Set(
        erasurePlan
          .filter((entry) => entry.table === table && actions.includes(entry.action))
          .map((entry) => entry.why),
      ),
    ].join("; ");

  for (const table of deletionOrder()) {
    const condition = deleteCondition(subject, table);
    if (!condition) continue;
    const rows = await count(db, table, condition);
    deleted[table] = rows;
    effects.push({
      table,
      handling: "delete",
      rows,
      why: whyOf(table, ["delete", "delete-with-parent"]),
    });
    if (options.apply && rows > 0) {
      await sql`delete from ${sql.table(table)} where ${condition}`.execute(db);
    }
  }

  // Scrubs first: they find others' rows through links that set-null entries then remove.
  for (const entry of erasurePlan) {
    if (entry.action !== "scrub") continue;
    const rows = await runScrub(db, subject, entry, options.apply);
    changed[entry.table] = (changed[entry.table] ?? 0) + rows;
    if (rows > 0) {
      effects.push({ table: entry.table, handling: "pseudonymise", rows, why: entry.why });
    }
  }

  for (const entry of erasurePlan) {
    if (entry.action === "set-null" || entry.action === "pseudonymise") {
      const condition = linkedCondition(subject, entry);
      const rows = await count(db, entry.table, condition);
      changed[entry.table] = (changed[entry.table] ?? 0) + rows;
      effects.push({ table: entry.table, handling: entry.action, rows, why: entry.why });
      if (!options.apply || rows === 0) continue;
      if (entry.action === "set-null") {
        await sql`update ${sql.table(entry.table)} set ${sql.ref(entry.column)} = null where ${condition}`.execute(
          db,
        );
      } else {
        const assignments = Object.entries(entry.set).map(
          ([name, value]) => sql`${sql.ref(name)} = ${value}`,
        );
        await sql`update ${sql.table(entry.table)} set ${sql.join(assignments)} where ${condition}`.execute(
          db,
        );
      }
    } else if (entry.action === "keep") {
      const rows = await count(db, entry.table, linkedCondition(subject, entry));
      if (rows > 0) effects.push({ table: entry.table, handling: "keep", rows, why: entry.why });
    }
  }

  effects.push({
    table: "people",
    handling: "pseudonymise",
    rows: 1,
    why: "their row stays, every personal field replaced, so what others keep points at “Erased person”",
  });
  changed.people = (changed.people ?? 0) + 1;
  if (options.apply) {
    await db
      .updateTable("people")
      .set(pseudonymisedPerson(subject.id, options.now))
      .where("id", "=", subject.id)
      .execute();
  }
  return { effects: mergeEffects(effects), deleted, changed };
}

/** One effect per table and handling, rows added up. */
function mergeEffects(effects: ErasureTableEffect[]): ErasureTableEffect[] {
  const merged = new Map<string, ErasureTableEffect>();
  for (const effect of effects) {
    const key = `${effect.table}:${effect.handling}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...effect });
    else {
      seen.rows += effect.rows;
      if (!seen.why.includes(effect.why)) seen.why = `${seen.why}; ${effect.why}`;
    }
  }
  return [...merged.values()];
}
