import type { Role } from "#core/career/framework.schemas.ts";
import type { AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { sampleFrameworkId } from "#server/modules/career-paths/career-framework-defaults.ts";
import {
  findFrameworkRow,
  findLatestVersionRow,
} from "#server/modules/career-paths/career-frameworks.queries.ts";
import { savePosition } from "#server/modules/career-paths/career-positions.queries.ts";
import { listPeopleForImport } from "#server/modules/people/people.queries.ts";

/**
 * Current roles for the demo company in the sample career framework: each demo person whose
 * job title is a role of the framework holds that role (the one in their department when two
 * share a title). Others, such as engineers, whom the sample does not cover, hold none.
 */

export type DemoCareerPerson = {
  id: string;
  email: string;
  jobTitle: string | null;
  department: string | null;
};

export function matchDemoRoles(
  people: readonly DemoCareerPerson[],
  roles: readonly Pick<Role, "key" | "title" | "department">[],
): { personId: string; roleKey: string }[] {
  const byTitle = new Map<string, Pick<Role, "key" | "title" | "department">[]>();
  for (const role of roles) {
    const title = role.title.toLowerCase();
    byTitle.set(title, [...(byTitle.get(title) ?? []), role]);
  }
  return people.flatMap((person) => {
    const candidates = byTitle.get(person.jobTitle?.trim().toLowerCase() ?? "") ?? [];
    const role =
      candidates.find((candidate) => candidate.department === person.department) ?? candidates[0];
    return role ? [{ personId: person.id, roleKey: role.key }] : [];
  });
}

export async function writeDemoCareerRoles(
  trx: Db,
  ctx: AppContext,
  emails: readonly string[],
): Promise<void> {
  const framework = await findFrameworkRow(trx, sampleFrameworkId);
  const version = framework && (await findLatestVersionRow(trx, framework.id));
  if (!version) return;
  const wanted = new Set(emails);
  const people = (await listPeopleForImport(trx))
    .filter((person) => wanted.has(person.email_normalized))
    .map((person) => ({
      id: person.id,
      email: person.email_normalized,
      jobTitle: person.job_title,
      department: person.department,
    }));
  const now = ctx.clock.now().toISOString();
  for (const { personId, roleKey } of matchDemoRoles(people, version.content.roles)) {
    await savePosition(
      trx,
      personId,
      { current: { frameworkId: version.framework_id, roleKey } },
      now,
    );
  }
}
