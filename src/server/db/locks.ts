import { PostgresAdapter, sql } from "kysely";
import type { Db } from "./create-db.ts";

/** Transaction-scoped locks by name; each name is one key space. */
const lockKeys = {
  /** Changes to reporting lines: two concurrent changes could together close a cycle. */
  "reporting-lines": 7_310_001,
  /** Edits to pathway templates: item positions, the default template, the shipped install. */
  "pathway-templates": 7_310_003,
  /** Saves of growth plan templates and reflection prompts, each checked against its version. */
  "growth-plan-content": 7_310_004,
  /** Sign-in attempts of one account, locked per account (see lockKeyForTransaction). */
  "sign-in-attempts": 7_310_005,
  /** Saves of conversation templates (one default), the cadence and content pages. */
  "conversation-content": 7_310_006,
  /** Seats of one live learning session (RSVPs, cancellations, promotion), locked per session. */
  "live-session-seats": 7_310_012,
  /** Approvals against one person's growth and development budget, locked per person. */
  "benefit-budget": 7_310_015,
} as const;

export type LockName = keyof typeof lockKeys;

/**
 * Serializes transactions that take the same named lock until they commit. SQLite already runs
 * one write transaction at a time (BEGIN IMMEDIATE), so only PostgreSQL needs an advisory lock.
 */
export async function lockForTransaction(trx: Db, name: LockName): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${lockKeys[name]})`.execute(trx);
}

/**
 * Like lockForTransaction, but for one key within the name (an account, a plan), so unrelated
 * keys do not wait for each other. PostgreSQL keeps two-part advisory keys apart from one-part
 * ones, so these never collide with the locks above.
 */
export async function lockKeyForTransaction(trx: Db, name: LockName, key: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${lockKeys[name]}::integer, hashtext(${key}))`.execute(
    trx,
  );
}
