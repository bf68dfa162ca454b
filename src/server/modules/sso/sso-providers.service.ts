import { newId } from "#core/ids.ts";
import type {
  CreateSsoProviderBody,
  IdentitySettings,
  SaveIdentitySettingsBody,
  SsoProviderList,
  SsoProviderView,
  UpdateSsoProviderBody,
} from "#core/sso.schemas.ts";
import { ssoLimits } from "#core/sso.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError, notFound } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { IdentitySettingsConflictError, SsoProviderConflictError } from "./sso.errors.ts";
import { ssoPolicies } from "./sso.policy.ts";
import { envProviderId, presentIdentitySettings, presentProvider } from "./sso.presenters.ts";
import {
  countIdentitiesOfProvider,
  deleteSsoProvider,
  findIdentitySettings,
  findSsoProviderById,
  findSsoProviderBySlug,
  insertSsoProvider,
  listSsoProviders,
  type SsoProviderRow,
  updateIdentitySettingsIfAt,
  updateSsoProvider,
  updateSsoProviderIfAt,
} from "./sso.queries.ts";
import { forgetConfiguration } from "./sso-oidc.ts";
import { encryptSecret } from "./sso-secrets.ts";

const onlyAdmins = () => new AppError("forbidden", "Only administrators configure single sign-on.");

/**
 * Keeps the row of the provider fixed by the environment in step with SSO_*: identities and
 * pending sign-ins refer to a provider row. Without SSO_* the row (if any) is disabled.
 */
export async function syncEnvironmentProvider(ctx: AppContext): Promise<void> {
  const env = ctx.config.ssoFromEnv;
  const existing = await findSsoProviderById(ctx.db, envProviderId);
  const at = ctx.clock.now().toISOString();
  if (!env) {
    if (existing?.enabled) {
      await updateSsoProvider(ctx.db, envProviderId, { enabled: 0, updated_at: at });
    }
    return;
  }
  const values = {
    name: env.name,
    issuer: env.issuer,
    client_id: env.clientId,
    client_secret_encrypted: null,
    scopes: env.scopes,
    email_claim: env.emailClaim,
    allowed_domains: JSON.stringify(env.allowedDomains),
    enabled: 1,
  };
  if (!existing) {
    try {
      await insertSsoProvider(ctx.db, {
        id: envProviderId,
        slug: envProviderId,
        ...values,
        version: 1,
        created_at: at,
        updated_at: at,
      });
    } catch {
      // Another request made it meanwhile.
    }
    return;
  }
  const same = (Object.keys(values) as (keyof typeof values)[]).every(
    (key) => existing[key] === values[key],
  );
  if (!same) {
    await updateSsoProvider(ctx.db, envProviderId, {
      ...values,
      version: existing.version + 1,
      updated_at: at,
    });
  }
}

export async function listProviders(ctx: AppContext, actor: Actor): Promise<SsoProviderList> {
  if (!ssoPolicies.manageProviders(actor)) throw onlyAdmins();
  await syncEnvironmentProvider(ctx);
  const rows = await listSsoProviders(ctx.db, ssoLimits.providers + 1);
  return {
    items: rows
      .filter((row) => row.id !== envProviderId || ctx.config.ssoFromEnv !== null)
      .map((row) => presentProvider(ctx.config, row)),
    canStoreSecrets: ctx.config.secretKey !== null,
  };
}

async function editableProvider(db: Db, providerId: string): Promise<SsoProviderRow> {
  const row = await findSsoProviderById(db, providerId);
  if (!row) throw notFound("No such provider.");
  if (row.id === envProviderId) {
    throw new AppError(
      "forbidden",
      "This provider is fixed by the environment (SSO_*); change it there.",
    );
  }
  return row;
}

function encryptedSecret(
  ctx: AppContext,
  providerId: string,
  secret: string | null | undefined,
  stored: string | null,
): string | null {
  if (secret === undefined) return stored;
  if (secret === null) return null;
  if (!ctx.config.secretKey) {
    throw new AppError(
      "validation_failed",
      "Client secrets can only be stored when SECRET_KEY is set.",
      {
        clientSecret:
          "Set SECRET_KEY on the server to store a client secret, or configure the provider by environment",
      },
    );
  }
  return encryptSecret(ctx.config.secretKey, providerId, secret);
}

function issuerProblem(issuer: string): string | null {
  const url = new URL(issuer);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && !loopback) return "Use an https:// issuer";
  if (url.search || url.hash) return "An issuer URL has no query or fragment";
  return null;
}

function assertIssuer(issuer: string): void {
  const problem = issuerProblem(issuer);
  if (problem) throw new AppError("validation_failed", problem, { issuer: problem });
}

export async function createProvider(
  ctx: AppContext,
  actor: Actor,
  input: CreateSsoProviderBody,
  meta: RequestMeta,
): Promise<SsoProviderView> {
  if (!ssoPolicies.manageProviders(actor)) throw onlyAdmins();
  assertIssuer(input.issuer);
  if (input.slug === envProviderId || (await findSsoProviderBySlug(ctx.db, input.slug))) {
    throw new AppError("conflict", "Another provider already uses this short name.", {
      slug: "Another provider already uses this short name",
    });
  }
  if ((await listSsoProviders(ctx.db, ssoLimits.providers + 1)).length >= ssoLimits.providers) {
    throw new AppError("validation_failed", `At most ${ssoLimits.providers} providers.`);
  }
  const id = newId(ctx.clock.now().getTime());
  const at = ctx.clock.now().toISOString();
  const row = {
    id,
    slug: input.slug,
    name: input.name,
    issuer: input.issuer,
    client_id: input.clientId,
    client_secret_encrypted: encryptedSecret(ctx, id, input.clientSecret, null),
    scopes: input.scopes,
    email_claim: input.emailClaim,
    allowed_domains: JSON.stringify([...new Set(input.allowedDomains)]),
    enabled: input.enabled ? 1 : 0,
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertSsoProvider(trx, row);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "sso.provider_created",
      actorId: actor.personId,
      target: { type: "sso-provider", id },
      details: { slug: input.slug, issuer: input.issuer, enabled: input.enabled },
    });
  });
  return presentProvider(ctx.config, row);
}

export async function updateProvider(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  input: UpdateSsoProviderBody,
  meta: RequestMeta,
): Promise<SsoProviderView> {
  if (!ssoPolicies.manageProviders(actor)) throw onlyAdmins();
  const stored = await editableProvider(ctx.db, providerId);
  assertIssuer(input.issuer);
  const changes = {
    name: input.name,
    issuer: input.issuer,
    client_id: input.clientId,
    client_secret_encrypted: encryptedSecret(
      ctx,
      stored.id,
      input.clientSecret,
      stored.client_secret_encrypted,
    ),
    scopes: input.scopes,
    email_claim: input.emailClaim,
    allowed_domains: JSON.stringify([...new Set(input.allowedDomains)]),
    enabled: input.enabled ? 1 : 0,
    version: input.baseVersion + 1,
    updated_at: ctx.clock.now().toISOString(),
  };
  const saved = await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateSsoProviderIfAt(trx, providerId, input.baseVersion, changes))) return null;
    if (!input.enabled) await assertPasswordsStayReachable(trx, providerId);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "sso.provider_updated",
      actorId: actor.personId,
      target: { type: "sso-provider", id: providerId },
      details: {
        issuer: input.issuer,
        enabled: input.enabled,
        secretChanged: input.clientSecret !== undefined,
      },
    });
    return findSsoProviderById(trx, providerId);
  });
  forgetConfiguration(providerId);
  if (!saved) {
    const current = await findSsoProviderById(ctx.db, providerId);
    if (!current) throw notFound("No such provider.");
    throw new SsoProviderConflictError(presentProvider(ctx.config, current));
  }
  return presentProvider(ctx.config, saved);
}

export async function deleteProvider(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  meta: RequestMeta,
): Promise<void> {
  if (!ssoPolicies.manageProviders(actor)) throw onlyAdmins();
  const stored = await editableProvider(ctx.db, providerId);
  if ((await countIdentitiesOfProvider(ctx.db, providerId)) > 0) {
    throw new AppError(
      "conflict",
      "People have signed in with this provider; disable it instead of removing it.",
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSsoProvider(trx, providerId);
    await assertPasswordsStayReachable(trx, providerId);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "sso.provider_deleted",
      actorId: actor.personId,
      target: { type: "sso-provider", id: providerId },
      details: { slug: stored.slug },
    });
  });
  forgetConfiguration(providerId);
}

/** With local passwords off, the last enabled provider cannot be switched off or removed. */
async function assertPasswordsStayReachable(db: Db, changedId: string): Promise<void> {
  const settings = await findIdentitySettings(db);
  if (settings.local_passwords_enabled) return;
  const enabled = (await listSsoProviders(db, ssoLimits.providers + 1)).filter(
    (row) => row.enabled && row.id !== changedId,
  );
  if (enabled.length === 0) {
    throw new AppError(
      "validation_failed",
      "Local passwords are off: keep at least one provider enabled, or turn local passwords on first.",
      { enabled: "Keep at least one provider enabled while local passwords are off" },
    );
  }
}

async function currentSettings(db: Db): Promise<IdentitySettings> {
  const row = await findIdentitySettings(db);
  const person = row.break_glass_person_id
    ? await findPersonById(db, row.break_glass_person_id)
    : undefined;
  return presentIdentitySettings(row, person);
}

export async function getIdentitySettings(
  ctx: AppContext,
  actor: Actor,
): Promise<IdentitySettings> {
  if (!ssoPolicies.manageSettings(actor)) throw onlyAdmins();
  return currentSettings(ctx.db);
}

export async function saveIdentitySettings(
  ctx: AppContext,
  actor: Actor,
  input: SaveIdentitySettingsBody,
  meta: RequestMeta,
): Promise<IdentitySettings> {
  if (!ssoPolicies.manageSettings(actor)) throw onlyAdmins();
  if (input.breakGlassPersonId) {
    const person = await findPersonById(ctx.db, input.breakGlassPersonId);
    const activeAdmin = person?.role === "admin" && person.status === "active";
    if (!activeAdmin) {
      throw new AppError("validation_failed", "The break-glass account must be an active admin.", {
        breakGlassPersonId: "Choose an active administrator",
      });
    }
  }
  if (!input.localPasswordsEnabled) {
    if (!input.breakGlassPersonId) {
      throw new AppError(
        "validation_failed",
        "Name a break-glass administrator before switching local passwords off.",
        { breakGlassPersonId: "Choose the administrator who keeps a password" },
      );
    }
    await syncEnvironmentProvider(ctx);
    const enabled = (await listSsoProviders(ctx.db, ssoLimits.providers + 1)).filter(
      (row) => row.enabled,
    );
    if (enabled.length === 0) {
      throw new AppError(
        "validation_failed",
        "Enable a single sign-on provider before switching local passwords off.",
        { localPasswordsEnabled: "Enable a single sign-on provider first" },
      );
    }
  }
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateIdentitySettingsIfAt(trx, input.baseVersion, {
      local_passwords_enabled: input.localPasswordsEnabled ? 1 : 0,
      break_glass_person_id: input.breakGlassPersonId,
      sso_jit_enabled: input.ssoJitEnabled ? 1 : 0,
      version: input.baseVersion + 1,
      updated_by: actor.personId,
      updated_at: ctx.clock.now().toISOString(),
    });
    if (!updated) return false;
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "sso.settings_updated",
      actorId: actor.personId,
      target: { type: "identity-settings", id: "1" },
      details: {
        localPasswordsEnabled: input.localPasswordsEnabled,
        breakGlassPersonId: input.breakGlassPersonId,
        ssoJitEnabled: input.ssoJitEnabled,
      },
    });
    return true;
  });
  const current = await currentSettings(ctx.db);
  if (!saved) throw new IdentitySettingsConflictError(current);
  return current;
}
