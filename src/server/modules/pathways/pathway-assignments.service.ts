import type {
  PathwayAssignment,
  SetPathwayAssignmentBody,
} from "#core/pathway/pathway-api.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
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
    await upsertAssignment(trx, {
      person_id: personId,
      template_id: template.id,
      assigned_at: now,
      assigned_by: assignedBy,
    });
  }
}
