import type { AccountSession, SessionInfo } from "#core/auth.schemas.ts";
import type { CurrentUser } from "#core/people.schemas.ts";
import type { PeopleTable, SessionsTable } from "#server/db/schema.ts";

export function presentCurrentUser(person: PeopleTable, managesPeople: boolean): CurrentUser {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role,
    managesPeople,
  };
}

export function presentSessionInfo(
  person: PeopleTable,
  session: SessionsTable,
  idleTimeoutMs: number,
  managesPeople: boolean,
): SessionInfo {
  const idleExpiry = Math.min(
    Date.parse(session.last_seen_at) + idleTimeoutMs,
    Date.parse(session.expires_at),
  );
  return {
    user: presentCurrentUser(person, managesPeople),
    session: {
      createdAt: session.created_at,
      idleExpiresAt: new Date(idleExpiry).toISOString(),
      absoluteExpiresAt: session.expires_at,
    },
  };
}

export function presentAccountSession(session: SessionsTable, currentId: string): AccountSession {
  return {
    id: session.id,
    current: session.id === currentId,
    createdAt: session.created_at,
    lastSeenAt: session.last_seen_at,
    userAgent: session.user_agent,
    address: session.address,
  };
}
