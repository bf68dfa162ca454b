import type { SetupBody, SetupStatus } from "#core/auth.schemas.ts";
import { newId } from "#core/ids.ts";
import { normalizeEmail } from "#core/people.schemas.ts";
import type { AppContext, RequestMeta } from "#server/context.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { type StartedSession, startSession } from "#server/modules/auth/auth.service.ts";
import { hashPassword } from "#server/modules/auth/passwords.ts";
import { installSampleFramework } from "#server/modules/career-paths/career-framework-defaults.ts";
import {
  prepareDemoOrganization,
  writeDemoOrganization,
} from "#server/modules/demo/demo.service.ts";
import { installShippedPathway } from "#server/modules/pathways/pathway-defaults.ts";
import { findPersonByEmail, insertPerson } from "#server/modules/people/people.queries.ts";
import { setupPolicies } from "./setup.policy.ts";
import { insertInstallation, isInstallationSetUp } from "./setup.queries.ts";

const alreadySetUp = () =>
  new AppError("conflict", "Trellis is already set up. Sign in with an existing account.");

export async function getSetupStatus(ctx: AppContext): Promise<SetupStatus> {
  return { needsSetup: setupPolicies.firstRun(await isInstallationSetUp(ctx.db)) };
}

/**
 * First run: creates the first administrator and signs them in. The installation row's primary
 * key makes this succeed once, even when two instances race.
 */
export async function createFirstAdmin(
  ctx: AppContext,
  input: SetupBody,
  meta: RequestMeta,
): Promise<StartedSession> {
  if (!setupPolicies.firstRun(await isInstallationSetUp(ctx.db))) throw alreadySetUp();
  const passwordHash = await hashPassword(input.password);
  const demo = input.loadDemo ? await prepareDemoOrganization(ctx.clock.now()) : null;
  const personId = newId();
  const now = ctx.clock.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertInstallation(trx, now, personId);
      await insertPerson(trx, {
        id: personId,
        email: input.email,
        email_normalized: normalizeEmail(input.email),
        name: input.name,
        role: "admin",
        status: "active",
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
      });
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "setup.first_admin_created",
        actorId: personId,
        target: { type: "person", id: personId },
      });
      await installShippedPathway(trx, ctx);
      await installSampleFramework(trx, ctx);
      if (demo) await writeDemoOrganization(trx, ctx, demo, personId, meta);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadySetUp();
    throw error;
  }
  return startSession(ctx, personId, meta);
}

/** `trellis create-admin`: an administrator from the command line, on a new or running install. */
export async function createAdminAccount(
  ctx: AppContext,
  input: SetupBody,
): Promise<{ personId: string }> {
  const email = normalizeEmail(input.email);
  if (await findPersonByEmail(ctx.db, email)) {
    throw new AppError("conflict", `Someone with the email ${input.email} already exists.`, {
      email: "Already in use",
    });
  }
  const passwordHash = await hashPassword(input.password);
  const personId = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertPerson(trx, {
      id: personId,
      email: input.email,
      email_normalized: email,
      name: input.name,
      role: "admin",
      status: "active",
      password_hash: passwordHash,
      created_at: now,
      updated_at: now,
    });
    if (!(await isInstallationSetUp(trx))) await insertInstallation(trx, now, personId);
    await installShippedPathway(trx, ctx);
    await installSampleFramework(trx, ctx);
    await recordAuditEvent(trx, ctx.clock, null, {
      action: "people.admin_created",
      actorId: null,
      target: { type: "person", id: personId },
      details: { via: "cli" },
    });
  });
  return { personId };
}
