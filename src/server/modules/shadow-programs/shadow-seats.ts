import type { AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { listWaitlist, updateApplicationFrom } from "./shadow-applications.queries.ts";
import { notifyApplicant } from "./shadow-notices.ts";
import { countRotationSeats, findProgramRow, findRotationRow } from "./shadow-programs.queries.ts";

/**
 * Promotes the waitlist, first come first served, into the rotation's free seats. Runs in the
 * transaction that freed them (a withdrawal, a decline, more seats), which holds the rotation's
 * row lock, so the count and the promotions cannot interleave with another seat's approval.
 */
export async function fillFreedSeats(
  ctx: AppContext,
  trx: Db,
  rotationId: string,
  actorId: string,
  meta: RequestMeta,
): Promise<number> {
  const rotation = await findRotationRow(trx, rotationId);
  if (!rotation) return 0;
  const taken = (await countRotationSeats(trx, [rotationId])).get(rotationId)?.taken ?? 0;
  const free = rotation.seats - taken;
  if (free <= 0) return 0;
  const promoted = (await listWaitlist(trx, rotationId)).slice(0, free);
  if (promoted.length === 0) return 0;
  const program = await findProgramRow(trx, rotation.program_id);
  const now = ctx.clock.now();
  for (const application of promoted) {
    await updateApplicationFrom(trx, application.id, ["waitlisted"], {
      status: "confirmed",
      updated_at: now.toISOString(),
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_application.promoted",
      actorId,
      target: { type: "shadow-application", id: application.id },
      details: { rotationId, applicantId: application.applicant_id },
    });
    if (program)
      await notifyApplicant(trx, { application, program, rotation }, "promoted", null, now);
  }
  return promoted.length;
}
