import type { Actor } from "#server/context.ts";
import { definePolicies } from "#server/policies.ts";
import type { ApiTokenKind } from "./token-secrets.ts";

/**
 * Who may see and manage which bearer tokens (docs/decisions/027). A person manages their own
 * personal tokens; administrators manage service and SCIM tokens. Nobody manages tokens with a
 * token: the token routes have no area (http/route-areas.ts), and the rules say so again, so a
 * leaked token cannot mint a longer-lived one.
 */

export type PolicyActor = Pick<Actor, "personId" | "role" | "token">;

export type ApiTokenFacts = { kind: ApiTokenKind; personId: string | null };

const withSession = (actor: PolicyActor) => actor.token === undefined;
const isAdmin = (actor: PolicyActor) => actor.role === "admin" && withSession(actor);

export const apiTokenPolicies = definePolicies("apiToken", {
  listOwn: (actor: PolicyActor): boolean => withSession(actor),
  createOwn: (actor: PolicyActor): boolean => withSession(actor),
  revokeOwn: (actor: PolicyActor, facts: ApiTokenFacts): boolean =>
    withSession(actor) && facts.kind === "personal" && facts.personId === actor.personId,
  listAdmin: (actor: PolicyActor): boolean => isAdmin(actor),
  createAdmin: (actor: PolicyActor): boolean => isAdmin(actor),
  revokeAdmin: (actor: PolicyActor, facts: ApiTokenFacts): boolean =>
    isAdmin(actor) && facts.kind !== "personal",
});
