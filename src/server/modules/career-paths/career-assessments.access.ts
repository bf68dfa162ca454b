import type { Role } from "#core/career/framework.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { findPersonById, type PersonRow } from "#server/modules/people/people.queries.ts";
import {
  type AssessmentFacts,
  assertCanEditAssessment,
  assertCanReadAssessment,
  assessmentNotFound,
} from "./career-assessments.policy.ts";
import { type AssessmentRow, findAssessment } from "./career-assessments.queries.ts";
import type { FrameworkVersionRow } from "./career-frameworks.queries.ts";
import { loadVersion } from "./version-cache.ts";

/** An assessment with its owner, its pinned framework version and the role it is made for. */
export type LoadedAssessment = {
  assessment: AssessmentRow;
  owner: PersonRow;
  version: FrameworkVersionRow;
  role: Role;
  facts: AssessmentFacts;
};

export function assessmentFacts(assessment: AssessmentRow, owner: PersonRow): AssessmentFacts {
  return {
    assessmentId: assessment.id,
    ownerId: assessment.person_id,
    ownerActive: owner.status === "active",
    ownerManagerId: owner.manager_id,
    status: assessment.status,
    sharedWithManager: assessment.shared_with_manager,
  };
}

/** Read fresh on every request; a missing assessment answers 404 without an audited denial. */
export async function loadAssessment(db: Db, id: string): Promise<LoadedAssessment> {
  const assessment = await findAssessment(db, id);
  if (!assessment) throw assessmentNotFound();
  const [owner, version] = await Promise.all([
    findPersonById(db, assessment.person_id),
    loadVersion(db, assessment.version_id),
  ]);
  const role = version?.content.roles.find((candidate) => candidate.key === assessment.role_key);
  if (!owner || !version || !role) throw assessmentNotFound();
  return { assessment, owner, version, role, facts: assessmentFacts(assessment, owner) };
}

export async function loadReadableAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<LoadedAssessment> {
  const loaded = await loadAssessment(ctx.db, id);
  assertCanReadAssessment(actor, loaded.facts);
  return loaded;
}

/** The owner's own assessment: 404 to those who cannot read it, 403 to a manager who can. */
export async function loadOwnAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<LoadedAssessment> {
  const loaded = await loadAssessment(ctx.db, id);
  assertCanEditAssessment(actor, loaded.facts);
  return loaded;
}
