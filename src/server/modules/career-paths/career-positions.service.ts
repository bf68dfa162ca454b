import type { CareerPosition, RoleRef } from "#core/career/frameworks.schemas.ts";
import type { PersonRelation } from "#core/people.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { relationOf } from "#server/modules/people/people.policy.ts";
import {
  findPersonById,
  listManagerChain,
  type PersonRow,
} from "#server/modules/people/people.queries.ts";
import { listVersionSummaries } from "./career-framework-versions.queries.ts";
import {
  assertCanReadPosition,
  assertCanSetCurrentRole,
  assertCanSetTargetRole,
  canReadTargetRole,
} from "./career-frameworks.policy.ts";
import { findFrameworkHead } from "./career-frameworks.queries.ts";
import { findPositionRow, savePosition } from "./career-positions.queries.ts";
import { loadVersion } from "./version-cache.ts";

type PersonInContext = { person: PersonRow; relation: PersonRelation };

async function loadPerson(
  ctx: AppContext,
  actor: Actor,
  personId: string,
): Promise<PersonInContext> {
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new AppError("not_found", "No such person.");
  if (person.id === actor.personId) return { person, relation: "self" };
  const chain = await listManagerChain(ctx.db, person.id);
  const relation = relationOf(
    actor,
    person.id,
    chain.map((manager) => manager.id),
  );
  return { person, relation };
}

type ResolvedRole = { frameworkId: string; roleKey: string; title: string };

/**
 * A role's title in the latest published version; for a key that version no longer has, the
 * title in the newest version that still had it (the role as it was when it was set). Null when
 * no version of the framework knows the key.
 */
async function resolveRole(
  db: Db,
  frameworkId: string | null,
  roleKey: string | null,
): Promise<ResolvedRole | null> {
  if (!frameworkId || !roleKey) return null;
  const head = await findFrameworkHead(db, frameworkId);
  if (!head?.latest_version_id) return null;
  const latest = await loadVersion(db, head.latest_version_id);
  const title = latest?.content.roles.find((role) => role.key === roleKey)?.title;
  if (title) return { frameworkId, roleKey, title };
  for (const summary of await listVersionSummaries(db, frameworkId)) {
    const version = await loadVersion(db, summary.id);
    const earlier = version?.content.roles.find((role) => role.key === roleKey)?.title;
    if (earlier) return { frameworkId, roleKey, title: earlier };
  }
  return null;
}

async function presentPosition(
  db: Db,
  actor: Actor,
  { person, relation }: PersonInContext,
): Promise<CareerPosition> {
  const row = await findPositionRow(db, person.id);
  const withTarget = canReadTargetRole(actor, person, relation);
  return {
    personId: person.id,
    currentRole: await resolveRole(db, row?.framework_id ?? null, row?.role_key ?? null),
    targetRole: withTarget
      ? await resolveRole(db, row?.target_framework_id ?? null, row?.target_role_key ?? null)
      : null,
  };
}

export async function getCareerPosition(
  ctx: AppContext,
  actor: Actor,
  personId: string,
): Promise<CareerPosition> {
  const loaded = await loadPerson(ctx, actor, personId);
  assertCanReadPosition(actor, loaded.person, loaded.relation);
  return presentPosition(ctx.db, actor, loaded);
}

/** A role that people can be given: one in the latest published version of its framework. */
async function assertRoleIsPublished(db: Db, role: RoleRef): Promise<void> {
  const head = await findFrameworkHead(db, role.frameworkId);
  const latest = head?.latest_version_id
    ? await loadVersion(db, head.latest_version_id)
    : undefined;
  if (!latest) {
    throw new AppError("validation_failed", "Choose a role of a published framework.", {
      "role.frameworkId": "No published framework has this id",
    });
  }
  if (!latest.content.roles.some((candidate) => candidate.key === role.roleKey)) {
    throw new AppError("validation_failed", "Choose a role of the latest published version.", {
      "role.roleKey": `Version ${latest.number} of this framework has no role "${role.roleKey}"`,
    });
  }
}

export async function setCurrentRole(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  role: RoleRef | null,
  meta: RequestMeta,
): Promise<CareerPosition> {
  assertCanSetCurrentRole(actor);
  const loaded = await loadPerson(ctx, actor, personId);
  if (role) await assertRoleIsPublished(ctx.db, role);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await savePosition(trx, personId, { current: role }, now);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "career_position.current_role_set",
      actorId: actor.personId,
      target: { type: "person", id: personId },
      details: { frameworkId: role?.frameworkId ?? null, roleKey: role?.roleKey ?? null },
    });
    return presentPosition(trx, actor, loaded);
  });
}

export async function setTargetRole(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  role: RoleRef | null,
): Promise<CareerPosition> {
  const loaded = await loadPerson(ctx, actor, personId);
  assertCanSetTargetRole(actor, loaded.person, loaded.relation);
  if (role) await assertRoleIsPublished(ctx.db, role);
  await savePosition(ctx.db, personId, { target: role }, ctx.clock.now().toISOString());
  return presentPosition(ctx.db, actor, loaded);
}
