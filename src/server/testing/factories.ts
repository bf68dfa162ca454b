import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import { newId } from "#core/ids.ts";
import { type AppRole, normalizeEmail, type PersonStatus } from "#core/people.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sessionCookieName } from "#server/http/session-cookie.ts";
import { type ApiTokenKind, newApiToken } from "#server/modules/api-tokens/token-secrets.ts";
import { startSession } from "#server/modules/auth/auth.service.ts";
import { hashPassword } from "#server/modules/auth/passwords.ts";
import { insertGoals } from "#server/modules/growth-plans/growth-plans.queries.ts";
import {
  findPersonById,
  insertPerson,
  updatePerson,
} from "#server/modules/people/people.queries.ts";
import { postJson, type Session } from "./http-client.ts";
import { recordSecret } from "./secrets.ts";
import type { TestApp } from "./test-app.ts";

export const defaultTestPassword = "a long enough test password";

export type TestPerson = {
  id: string;
  email: string;
  name: string;
  password: string;
  role: AppRole;
};

/** Someone in the directory who has never set a password (fast: nothing to hash). */
export type TestInvitee = Omit<TestPerson, "password">;

export type PersonOverrides = Partial<{
  name: string;
  email: string;
  role: AppRole;
  password: string;
  status: PersonStatus;
  managerId: string | null;
  jobTitle: string;
  division: string;
  department: string;
  team: string;
  hireDate: string;
  timeZone: string;
}>;

let sequence = 0;

/** Hashing costs about as much as a real sign-in; people sharing a password share its hash. */
const passwordHashes = new Map<string, Promise<string>>();
const hashOf = (password: string): Promise<string> => {
  let hashed = passwordHashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    passwordHashes.set(password, hashed);
  }
  return hashed;
};

/** A person with a unique email, so tests never collide and need no cleanup. */
export async function createPerson(
  ctx: AppContext,
  overrides: PersonOverrides = {},
): Promise<TestPerson> {
  const password = overrides.password ?? defaultTestPassword;
  const person = await insertTestPerson(ctx, overrides, await hashOf(password));
  return { ...person, password };
}

export function createPersonWithoutPassword(
  ctx: AppContext,
  overrides: Omit<PersonOverrides, "password"> = {},
): Promise<TestInvitee> {
  return insertTestPerson(ctx, overrides, null);
}

async function insertTestPerson(
  ctx: AppContext,
  overrides: Omit<PersonOverrides, "password">,
  passwordHash: string | null,
): Promise<TestInvitee> {
  sequence += 1;
  const id = newId();
  const email = overrides.email ?? `person${sequence}-${id.slice(-6)}@example.com`;
  const role = overrides.role ?? "member";
  const name = overrides.name ?? `Person ${sequence}`;
  const now = ctx.clock.now().toISOString();
  await insertPerson(ctx.db, {
    id,
    email,
    email_normalized: normalizeEmail(email),
    name,
    role,
    status: overrides.status ?? "active",
    password_hash: passwordHash,
    manager_id: overrides.managerId ?? null,
    job_title: overrides.jobTitle ?? null,
    division: overrides.division ?? null,
    department: overrides.department ?? null,
    team: overrides.team ?? null,
    hire_date: overrides.hireDate ?? null,
    time_zone: overrides.timeZone ?? null,
    created_at: now,
    updated_at: now,
  });
  return { id, email, name, role };
}

/**
 * Changes a person as an admin's edit or a people import would, without going through either:
 * for tests whose subject is what follows the change (a session, a manager's access).
 */
export async function changePerson(
  ctx: AppContext,
  personId: string,
  changes: Pick<PersonOverrides, "status" | "managerId">,
): Promise<void> {
  const current = await findPersonById(ctx.db, personId);
  if (!current) throw new Error(`No person ${personId}`);
  await updatePerson(ctx.db, current, {
    ...(changes.status ? { status: changes.status } : {}),
    ...(changes.managerId !== undefined ? { manager_id: changes.managerId } : {}),
    updated_at: ctx.clock.now().toISOString(),
  });
}

/** Empty goals appended to a plan, faster than saving them one by one. */
export async function createGoals(ctx: AppContext, planId: string, count: number): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await insertGoals(
    ctx.db,
    Array.from({ length: count }, (_, index) => ({
      id: newId(),
      plan_id: planId,
      position: index + 1,
      content: JSON.stringify(emptyGoal()),
      version: 1,
      created_at: now,
      updated_at: now,
    })),
  );
}

/** A signed-in session for a person, without the cost of a password check. */
export async function createSession(ctx: AppContext, personId: string): Promise<Session> {
  const { token } = await startSession(ctx, personId, {
    requestId: "test",
    address: "127.0.0.1",
    userAgent: "vitest",
  });
  recordSecret(token);
  return { cookie: `${sessionCookieName(ctx.config)}=${token}` };
}

export type ApiTokenOverrides = Partial<{
  personId: string | null;
  name: string;
  scopes: string[];
  expiresAt: string | null;
  revokedAt: string | null;
  createdBy: string | null;
}>;

/**
 * A bearer token stored as the token routes store one; answers the token itself (shown once)
 * and its id. SCIM tokens carry no person and the scope "scim".
 */
export async function createApiToken(
  ctx: AppContext,
  kind: ApiTokenKind,
  overrides: ApiTokenOverrides = {},
): Promise<{ id: string; token: string }> {
  const { token, hash, prefix } = newApiToken(kind);
  recordSecret(token);
  const id = newId();
  await ctx.db
    .insertInto("api_tokens")
    .values({
      id,
      kind,
      person_id: overrides.personId ?? null,
      name: overrides.name ?? `${kind} token`,
      token_hash: hash,
      prefix,
      scopes: JSON.stringify(overrides.scopes ?? (kind === "scim" ? ["scim"] : [])),
      created_by: overrides.createdBy ?? null,
      created_at: ctx.clock.now().toISOString(),
      expires_at: overrides.expiresAt ?? null,
      last_used_at: null,
      revoked_at: overrides.revokedAt ?? null,
    })
    .execute();
  return { id, token };
}

export const firstAdmin = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  password: "analytical engine 1843",
};

/**
 * First-run setup through the API, as the first admin completes it: the shipped pathway and
 * templates are installed, and with `loadDemo` the demo organization too.
 */
export async function completeSetup(t: TestApp, options: { loadDemo?: boolean } = {}) {
  const response = await postJson(t.app, "/api/setup", { ...firstAdmin, ...options });
  if (response.statusCode !== 201) {
    throw new Error(`Setup answered ${response.statusCode}: ${response.body}`);
  }
  return response;
}

export type CircleRole = "owner" | "manager" | "skip" | "mentor" | "peer" | "admin";

/**
 * Someone (the owner) with everyone who may or may not see their things: their manager, the
 * manager's manager (skip), a peer with the same manager, an unrelated colleague (mentor) and an
 * admin. Each signed in.
 */
export async function createReportingCircle(ctx: AppContext) {
  const skip = await createPersonWithoutPassword(ctx, { name: "Skip Level" });
  const manager = await createPersonWithoutPassword(ctx, {
    name: "Mona Manager",
    managerId: skip.id,
  });
  const owner = await createPersonWithoutPassword(ctx, {
    name: "Olu Owner",
    managerId: manager.id,
  });
  const mentor = await createPersonWithoutPassword(ctx, { name: "Mentor Mei" });
  const peer = await createPersonWithoutPassword(ctx, { name: "Peer Pat", managerId: manager.id });
  const admin = await createPersonWithoutPassword(ctx, { name: "Admin Ada", role: "admin" });
  const ids: Record<CircleRole, string> = {
    owner: owner.id,
    manager: manager.id,
    skip: skip.id,
    mentor: mentor.id,
    peer: peer.id,
    admin: admin.id,
  };
  const sessions = {} as Record<CircleRole, Session>;
  for (const [role, id] of Object.entries(ids)) {
    sessions[role as CircleRole] = await createSession(ctx, id);
  }
  return { ids, sessions };
}
