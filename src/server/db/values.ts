import type { DeleteResult, InsertResult, UpdateResult } from "kysely";
import pg from "pg";

/**
 * Where driver values become application values, used by `*.queries.ts` to shape what they
 * return; services and presenters receive numbers, booleans and parsed JSON as they are.
 *
 * - Numbers: integer columns come back as numbers from both drivers. Counts and sums are 64-bit
 *   on PostgreSQL, which `pg` returns as text; `createDb` has them parsed as numbers
 *   (`pgNumberTypes`), so `count(*)` is a number on both engines.
 * - Flags are stored as 0/1 (portable); `flag` turns one into a boolean.
 * - JSON is stored as text; `fromJson` parses a column into the type its row type names.
 */

/** A row with some columns in their parsed shape, e.g. `Parsed<GoalsRow, { content: Goal }>`. */
export type Parsed<Row, Columns extends object> = Omit<Row, keyof Columns> & Columns;

/** A JSON text column as the value it holds; the column's type says what that is. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** fromJson for a nullable column. */
export function fromJsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : fromJson<T>(text);
}

/** A 0/1 flag column as a boolean. */
export function flag(value: number | boolean): boolean {
  return value === true || value === 1;
}

/** How many rows a write touched; Kysely reports it as a bigint. */
export function affectedRows(result: InsertResult | UpdateResult | DeleteResult): number {
  if ("numDeletedRows" in result) return Number(result.numDeletedRows);
  if ("numUpdatedRows" in result) return Number(result.numUpdatedRows);
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

const int8Oid = 20;
const numericOid = 1700;

/** PostgreSQL's 64-bit and decimal results (counts, sums) as JavaScript numbers. */
export const pgNumberTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === int8Oid || oid === numericOid
      ? (text: string) => Number(text)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
