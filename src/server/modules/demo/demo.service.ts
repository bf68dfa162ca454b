import type { AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { hashPassword } from "#server/modules/auth/passwords.ts";
import { installSampleFramework } from "#server/modules/career-paths/career-framework-defaults.ts";
import { installShippedPathway } from "#server/modules/pathways/pathway-defaults.ts";
import {
  countPeopleWithEmailDomain,
  findPersonByEmail,
  updateCredentialsByEmails,
} from "#server/modules/people/people.queries.ts";
import { importPeopleInTransaction } from "#server/modules/people-import/people-import.service.ts";
import { insertInstallation, isInstallationSetUp } from "#server/modules/setup/setup.queries.ts";
import { writeDemoCareerRoles } from "./demo-career.ts";
import { writeDemoCareerAssessments } from "./demo-career-assessments.ts";
import { writeDemoGrowthPlans } from "./demo-growth-plans.ts";
import {
  demoAdminEmails,
  demoEmailDomain,
  demoOrganizationCsv,
  demoPassword,
  generateDemoOrganization,
} from "./demo-organization.ts";
import { writeDemoPathwayProgress } from "./demo-pathway.ts";
import { adaptShippedPathwayForDemo } from "./demo-pathway-text.ts";

/** Everything slow about loading the demo, done before any transaction holds a lock. */
export type PreparedDemo = { csv: string; emails: string[]; passwordHash: string };

export async function prepareDemoOrganization(referenceDate: Date): Promise<PreparedDemo> {
  const people = generateDemoOrganization(referenceDate.toISOString().slice(0, 10));
  return {
    csv: demoOrganizationCsv(people),
    emails: people.map((person) => person.email),
    // One hash for every demo account: they share a published password anyway.
    passwordHash: await hashPassword(demoPassword),
  };
}

/** Writes the demo company inside the caller's transaction; refuses to load it twice. */
export async function writeDemoOrganization(
  trx: Db,
  ctx: AppContext,
  demo: PreparedDemo,
  actorId: string | null,
  meta: RequestMeta | null,
): Promise<{ people: number }> {
  if ((await countPeopleWithEmailDomain(trx, demoEmailDomain)) > 0) {
    throw new AppError("conflict", "The demo organization is already loaded.");
  }
  const report = await importPeopleInTransaction(trx, ctx, actorId, demo.csv, meta);
  const updatedAt = ctx.clock.now().toISOString();
  const members = demo.emails.filter((email) => !demoAdminEmails.includes(email));
  await updateCredentialsByEmails(trx, members, {
    password_hash: demo.passwordHash,
    updated_at: updatedAt,
  });
  await updateCredentialsByEmails(trx, demoAdminEmails, {
    password_hash: demo.passwordHash,
    role: "admin",
    updated_at: updatedAt,
  });
  await installShippedPathway(trx, ctx);
  await adaptShippedPathwayForDemo(trx, ctx);
  await writeDemoPathwayProgress(trx, ctx, demo.emails);
  await writeDemoGrowthPlans(trx, ctx);
  await installSampleFramework(trx, ctx);
  await writeDemoCareerRoles(trx, ctx, demo.emails);
  await writeDemoCareerAssessments(trx, ctx);
  await recordAuditEvent(trx, ctx.clock, meta, {
    action: "setup.demo_loaded",
    actorId,
    details: { people: report.summary.create },
  });
  return { people: report.summary.create };
}

/**
 * `trellis demo`: loads the demo company on its own. On a new installation the demo's People
 * admin counts as the first administrator, so the first-run page no longer shows.
 */
export async function loadDemoOrganization(ctx: AppContext): Promise<{ people: number }> {
  const demo = await prepareDemoOrganization(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await writeDemoOrganization(trx, ctx, demo, null, null);
    const admin = await findPersonByEmail(trx, demoAdminEmails[0] ?? "");
    if (admin && !(await isInstallationSetUp(trx))) {
      await insertInstallation(trx, ctx.clock.now().toISOString(), admin.id);
    }
    return loaded;
  });
}
