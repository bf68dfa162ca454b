import type { Actor } from "#server/context.ts";
import type { TestPerson } from "./factories.ts";
import type { TestApp } from "./test-app.ts";

/**
 * The vocabulary of the authorization matrix (src/server/authorization-matrix.test.ts): the
 * kinds of caller, what each is expected to get, and the scenario a route's row describes. A
 * module's rows may live beside it in `<feature>.matrix.testing.ts`; the matrix test gathers them.
 */

export const actors = [
  "anonymous",
  "self",
  "member",
  "manager",
  "skipLevel",
  "peer",
  /** Was the subject's manager before `manager`; a participant of the subject's older conversations. */
  "formerManager",
  /** A colleague a conversation invites as a guest; elsewhere a colleague like `member`. */
  "mentor",
  "admin",
  "deactivated",
] as const;
export type ActorName = (typeof actors)[number];
export type Expected = Record<ActorName, number>;

export type Fixture = {
  admin: TestPerson;
  member: TestPerson;
  manager: TestPerson;
  skipLevel: TestPerson;
  peer: TestPerson;
  formerManager: TestPerson;
  mentor: TestPerson;
  deactivated: TestPerson;
};

export type CaseContext = { t: TestApp; fixture: Fixture; subjectId: string; serial: number };
export type Call = { url: string; body?: unknown };

export type Scenario = {
  route: string;
  description: string;
  /** Runs before the actor's session exists (so a deactivated subject keeps a stale one). */
  prepare?: (context: CaseContext) => Promise<void>;
  call: (context: CaseContext) => Promise<Call> | Call;
  expect: Expected;
};

export const signedIn = (status: number): Expected => ({
  anonymous: 401,
  self: status,
  member: status,
  manager: status,
  skipLevel: status,
  peer: status,
  formerManager: status,
  mentor: status,
  admin: status,
  deactivated: 401,
});

export const adminOnly = (status: number): Expected => ({
  ...signedIn(403),
  admin: status,
});

export const anyone = (status: number): Expected => ({
  anonymous: status,
  self: status,
  member: status,
  manager: status,
  skipLevel: status,
  peer: status,
  formerManager: status,
  mentor: status,
  admin: status,
  deactivated: status,
});

export const matrixMeta = { requestId: "matrix", address: "127.0.0.1", userAgent: null };

export const matrixAdmin = ({ fixture }: CaseContext): Actor => ({
  personId: fixture.admin.id,
  role: "admin",
  sessionId: "matrix",
});
