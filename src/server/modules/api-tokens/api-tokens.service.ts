import type {
  ApiTokenCreated,
  ApiTokenList,
  ApiTokenView,
  CreateAdminTokenBody,
  CreatePersonalTokenBody,
} from "#core/api-tokens.schemas.ts";
import { apiTokenLimits } from "#core/api-tokens.schemas.ts";
import { newId } from "#core/ids.ts";
import type { AppRole } from "#core/people.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { type ApiTokenFacts, apiTokenPolicies, type PolicyActor } from "./api-tokens.policy.ts";
import { presentApiToken } from "./api-tokens.presenters.ts";
import {
  countUsablePersonalTokens,
  findApiTokenByHash,
  findApiTokenById,
  insertApiToken,
  listAdminTokens as listAdminTokenRows,
  listPersonalTokensOf,
  markApiTokenUsed,
  revokeApiTokenRow,
} from "./api-tokens.queries.ts";
import { type ApiTokenKind, apiTokenKindOf, hashApiToken, newApiToken } from "./token-secrets.ts";

const noSuchToken = "No such token.";
const dayMs = 24 * 60 * 60 * 1000;

/**
 * The actor of an `Authorization: Bearer` token on `/api`: the person it acts for, with the role
 * they have now, marked with the token's scopes. Anything else is 401 with the reason, which is
 * safe to tell: only someone holding the token can ask.
 */
export async function resolveApiToken(ctx: AppContext, bearer: string): Promise<Actor> {
  const kind = apiTokenKindOf(bearer);
  if (kind === null) {
    throw new AppError(
      "unauthenticated",
      "This is not a Trellis API token (trl_pat_… or trl_svc_…); check that it was copied whole.",
    );
  }
  const token = await findApiTokenByHash(ctx.db, hashApiToken(bearer));
  if (!token) throw new AppError("unauthenticated", "This API token is unknown.");
  const now = ctx.clock.now();
  if (token.revoked_at !== null) {
    throw new AppError("unauthenticated", "This API token has been revoked.");
  }
  if (token.expires_at !== null && token.expires_at <= now.toISOString()) {
    throw new AppError("unauthenticated", "This API token has expired; create a new one.");
  }
  if (token.kind === "scim") {
    throw new AppError(
      "unauthenticated",
      "SCIM tokens work only on /scim/v2; use a personal or service token for /api.",
    );
  }
  if (token.person_id === null || token.person_status !== "active" || !token.person_role) {
    throw new AppError("unauthenticated", "The person this API token acts for is deactivated.");
  }
  await markApiTokenUsed(ctx.db, { id: token.id, lastUsedAt: token.last_used_at }, now);
  return {
    personId: token.person_id,
    role: token.person_role as AppRole,
    sessionId: "",
    token: { id: token.id, scopes: token.scopes },
  };
}

export async function listOwnTokens(ctx: AppContext, actor: PolicyActor): Promise<ApiTokenList> {
  if (!apiTokenPolicies.listOwn(actor)) throw new AppError("forbidden", "Sign in to see tokens.");
  const rows = await listPersonalTokensOf(ctx.db, actor.personId);
  const now = ctx.clock.now();
  return { tokens: rows.map((row) => presentApiToken(row, now)) };
}

export async function createOwnToken(
  ctx: AppContext,
  actor: PolicyActor,
  body: CreatePersonalTokenBody,
  meta: RequestMeta,
): Promise<ApiTokenCreated> {
  if (!apiTokenPolicies.createOwn(actor)) {
    throw new AppError("forbidden", "Create tokens while signed in, not with a token.");
  }
  const now = ctx.clock.now();
  const usable = await countUsablePersonalTokens(ctx.db, actor.personId, now);
  if (usable >= apiTokenLimits.personalTokens) {
    throw new AppError(
      "conflict",
      `You have ${apiTokenLimits.personalTokens} usable tokens; revoke one before creating another.`,
    );
  }
  return issueToken(ctx, actor, meta, {
    kind: "personal",
    personId: actor.personId,
    name: body.name,
    scopes: body.scopes,
    expiresInDays: body.expiresInDays ?? apiTokenLimits.defaultDays,
  });
}

export async function revokeOwnToken(
  ctx: AppContext,
  actor: PolicyActor,
  tokenId: string,
  meta: RequestMeta,
): Promise<ApiTokenView> {
  return revokeToken(ctx, actor, tokenId, meta, apiTokenPolicies.revokeOwn);
}

export async function listAdminTokens(ctx: AppContext, actor: PolicyActor): Promise<ApiTokenList> {
  if (!apiTokenPolicies.listAdmin(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
  const rows = await listAdminTokenRows(ctx.db);
  const now = ctx.clock.now();
  return { tokens: rows.map((row) => presentApiToken(row, now)) };
}

export async function createAdminToken(
  ctx: AppContext,
  actor: PolicyActor,
  body: CreateAdminTokenBody,
  meta: RequestMeta,
): Promise<ApiTokenCreated> {
  if (!apiTokenPolicies.createAdmin(actor)) {
    throw new AppError("forbidden", "Only administrators can do this, and not with a token.");
  }
  const expiresInDays = body.expiresInDays ?? apiTokenLimits.defaultDays;
  if (body.kind === "scim") {
    return issueToken(ctx, actor, meta, {
      kind: "scim",
      personId: null,
      name: body.name,
      scopes: ["scim"],
      expiresInDays,
    });
  }
  const actingAs = body.actingAsPersonId ?? actor.personId;
  const person = await findPersonById(ctx.db, actingAs);
  if (person?.status !== "active" || person.role !== "admin") {
    throw new AppError("validation_failed", "A service token acts as an active administrator.", {
      actingAsPersonId: "Choose an active administrator",
    });
  }
  return issueToken(ctx, actor, meta, {
    kind: "service",
    personId: actingAs,
    name: body.name,
    scopes: body.scopes,
    expiresInDays,
  });
}

export async function revokeAdminToken(
  ctx: AppContext,
  actor: PolicyActor,
  tokenId: string,
  meta: RequestMeta,
): Promise<ApiTokenView> {
  return revokeToken(ctx, actor, tokenId, meta, apiTokenPolicies.revokeAdmin);
}

type NewToken = {
  kind: ApiTokenKind;
  personId: string | null;
  name: string;
  scopes: string[];
  expiresInDays: number;
};

async function issueToken(
  ctx: AppContext,
  actor: PolicyActor,
  meta: RequestMeta,
  input: NewToken,
): Promise<ApiTokenCreated> {
  const { token, hash, prefix } = newApiToken(input.kind);
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, {
      id,
      kind: input.kind,
      person_id: input.personId,
      name: input.name,
      token_hash: hash,
      prefix,
      scopes: JSON.stringify(input.scopes),
      created_by: actor.personId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + input.expiresInDays * dayMs).toISOString(),
      last_used_at: null,
      revoked_at: null,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "api_token.created",
      actorId: actor.personId,
      target: { type: "api-token", id },
      details: { kind: input.kind, name: input.name, prefix, scopes: input.scopes },
    });
  });
  const row = await findApiTokenById(ctx.db, id);
  if (!row) throw new Error("The token just created is missing");
  return { token, apiToken: presentApiToken(row, now) };
}

async function revokeToken(
  ctx: AppContext,
  actor: PolicyActor,
  tokenId: string,
  meta: RequestMeta,
  rule: (actor: PolicyActor, facts: ApiTokenFacts) => boolean,
): Promise<ApiTokenView> {
  const found = await findApiTokenById(ctx.db, tokenId);
  if (!found) throw new AppError("not_found", noSuchToken);
  if (!rule(actor, { kind: found.kind, personId: found.person_id })) {
    throw new AccessDeniedError({ type: "api-token", id: tokenId }, noSuchToken);
  }
  const now = ctx.clock.now();
  if (found.revoked_at === null) {
    await ctx.db.transaction().execute(async (trx) => {
      await revokeApiTokenRow(trx, tokenId, now.toISOString());
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "api_token.revoked",
        actorId: actor.personId,
        target: { type: "api-token", id: tokenId },
        details: { kind: found.kind, name: found.name, prefix: found.prefix },
      });
    });
  }
  const row = await findApiTokenById(ctx.db, tokenId);
  if (!row) throw new Error("The token just revoked is missing");
  return presentApiToken(row, now);
}
