import type {
  PathwayAssignment,
  SetPathwayAssignmentBody,
} from "#core/pathway/pathway-api.schemas.ts";
import type {
  BulkAssignmentTarget,
  BulkPathwayAssignmentBody,
  BulkPathwayAssignmentResult,
} from "#core/people-admin.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById, listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { listActivePeopleIn } from "#server/modules/people/people-admin.queries.ts";
import { timeSlicer } from "#server/shared/time-slices.ts";
import { assertCanManagePathways } from "./pathway.policy.ts";
import { findTemplateById } from "./pathway.queries.ts";
import { deleteAssignment, upsertAssignment } from "./pathway-assignments.queries.ts";
import { resolveTemplateOf } from "./pathway-progress.service.ts";
import { nowIso } from "./pathway-templates.service.ts";

// ── Assignments ────────────────────────────────────────────────────────────────────────────────

export async function setPathwayAssignment(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  body: SetPathwayAssignmentBody,
  meta: RequestMeta,
): Promise<PathwayAssignment> {
  assertCanManagePathways(actor);
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new AppError("not_found", "No such person.");
  await ctx.db.transaction().execute(async (trx) => {
    await assignTemplate(trx, person.id, body.templateId, actor.personId, nowIso(ctx));
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "pathway.assigned",
      actorId: actor.personId,
      target: { type: "person", id: person.id },
      details: { templateId: body.templateId },
    });
  });
  const followed = await resolveTemplateOf(ctx.db, person.id);
  return {
    personId: person.id,
    source: followed?.source ?? (body.templateId ? "assigned" : "default"),
    template: followed ? { id: followed.row.id, name: followed.row.name } : null,
  };
}

async function assignableTemplate(trx: Db, templateId: string) {
  const template = await findTemplateById(trx, templateId);
  if (!template) {
    throw new AppError("validation_failed", "No such pathway template.", {
      templateId: "No such template",
    });
  }
  if (template.status !== "active") {
    throw new AppError("conflict", "Archived templates cannot be assigned.", {
      templateId: "This template is archived",
    });
  }
  return template;
}

async function assignTemplate(
  trx: Db,
  personId: string,
  templateId: string | null,
  assignedBy: string,
  now: string,
): Promise<void> {
  if (templateId === null) {
    await deleteAssignment(trx, personId);
  } else {
    const template = await assignableTemplate(trx, templateId);
    await upsertAssignment(trx, {
      person_id: personId,
      template_id: template.id,
      assigned_at: now,
      assigned_by: assignedBy,
    });
  }
}

/** Who a bulk assignment reaches: the chosen people, or the active people of a group. */
async function peopleOfTarget(trx: Db, target: BulkAssignmentTarget): Promise<string[]> {
  if (target.kind === "people") {
    const ids = [...new Set(target.personIds)];
    const people = await listPeopleByIds(trx, ids);
    if (people.length !== ids.length) throw new AppError("not_found", "No such person.");
    return ids;
  }
  const rows =
    target.kind === "department"
      ? await listActivePeopleIn(trx, "department", target.department)
      : await listActivePeopleIn(trx, "team", target.team);
  return rows.map((row) => row.id);
}

/** One template for several people, in one transaction with an audit row for each. */
export async function setPathwayAssignments(
  ctx: AppContext,
  actor: Actor,
  body: BulkPathwayAssignmentBody,
  meta: RequestMeta,
): Promise<BulkPathwayAssignmentResult> {
  assertCanManagePathways(actor);
  return ctx.db.transaction().execute(async (trx) => {
    // Checked first, even when nobody is reached, so a wrong template is never a silent no-op.
    const template = body.templateId ? await assignableTemplate(trx, body.templateId) : null;
    const personIds = await peopleOfTarget(trx, body.target);
    const now = nowIso(ctx);
    // A department may be thousands of people: other requests get their turns meanwhile.
    const pause = timeSlicer();
    for (const personId of personIds) {
      if (template) {
        await upsertAssignment(trx, {
          person_id: personId,
          template_id: template.id,
          assigned_at: now,
          assigned_by: actor.personId,
        });
      } else {
        await deleteAssignment(trx, personId);
      }
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "pathway.assigned",
        actorId: actor.personId,
        target: { type: "person", id: personId },
        details: { templateId: body.templateId, bulk: body.target.kind },
      });
      await pause();
    }
    return { personIds, template: template ? { id: template.id, name: template.name } : null };
  });
}
