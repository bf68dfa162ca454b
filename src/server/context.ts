import type { AppRole } from "#core/people.schemas.ts";
import type { Config } from "./config.ts";
import type { Db } from "./db/create-db.ts";

export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** What every service needs; passed explicitly, no container. */
export type AppContext = { config: Config; db: Db; clock: Clock };

/**
 * Who is making the request, resolved from the session cookie or from a bearer token; `token`
 * is set for a token (its id and scopes) and `sessionId` is then empty.
 */
export type Actor = {
  personId: string;
  role: AppRole;
  sessionId: string;
  token?: { id: string; scopes: readonly string[] };
};

/** Where a request came from, for the audit log. */
export type RequestMeta = { requestId: string; address: string; userAgent: string | null };
