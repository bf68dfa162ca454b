import { z } from "zod";

/** Every action the audit log records. */
export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_throttled",
  "auth.sign_out",
  "auth.sign_out_everywhere",
  "auth.sso_sign_in",
  "auth.sso_sign_in_failed",
  "auth.sso_identity_linked",
  "auth.sso_person_created",
  "auth.sso_backchannel_logout",
  "sso.provider_created",
  "sso.provider_updated",
  "sso.provider_deleted",
  "sso.settings_updated",
  "account.password_changed",
  "account.password_change_failed",
  "setup.first_admin_created",
  "setup.demo_loaded",
  "people.admin_created",
  "people.created",
  "people.updated",
  "people.manager_changed",
  "people.admin_became_manager",
  "people.role_changed",
  "people.deactivated",
  "people.reactivated",
  "people.imported",
  "people.exported",
  "invitation.created",
  "invitation.accepted",
  "pathway_template.created",
  "pathway_template.imported",
  "pathway_template.updated",
  "pathway_template.archived",
  "pathway_template.restored",
  "pathway_template.made_default",
  "pathway_stage.added",
  "pathway_stage.removed",
  "pathway_item.added",
  "pathway_item.updated",
  "pathway_item.removed",
  "pathway_items.reordered",
  "pathway.assigned",
  "growth_plan_template.created",
  "growth_plan_template.updated",
  "growth_plan_prompts.updated",
  "career_framework.created",
  "career_framework.draft_saved",
  "career_framework.published",
  "career_position.current_role_set",
  "career_framework.imported",
  "conversation_template.created",
  "conversation_template.updated",
  "conversation_settings.updated",
  "content_page.updated",
  "calendar_feed.url_created",
  "calendar_feed.url_revoked",
  "conversation.created",
  "conversation.finished",
  "conversation.acknowledged",
  "conversation.cancelled",
  "live_session.created",
  "live_session.updated",
  "live_session.cancelled",
  "live_session.rsvp_going",
  "live_session.rsvp_waitlisted",
  "live_session.rsvp_cancelled",
  "live_session.promoted",
  "live_session.attendance_recorded",
  "live_series.created",
  "live_series.updated",
  "mentorship_program.created",
  "mentorship_program.updated",
  "mentorship_match.confirmed",
  "shadow_program.created",
  "shadow_program.updated",
  "shadow_rotation.created",
  "shadow_rotation.updated",
  "shadow_application.submitted",
  "shadow_application.manager_approved",
  "shadow_application.manager_declined",
  "shadow_application.owner_approved",
  "shadow_application.owner_declined",
  "shadow_application.promoted",
  "shadow_application.withdrawn",
  "shadow_application.completed",
  "benefit_settings.updated",
  "benefit_override.updated",
  "benefit_request.submitted",
  "benefit_request.manager_approved",
  "benefit_request.manager_declined",
  "benefit_request.ld_approved",
  "benefit_request.ld_declined",
  "benefit_request.paid",
  "benefit_request.withdrawn",
  "benefit_request.receipt_added",
  "learning_resource.created",
  "learning_resource.updated",
  "learning_resource.archived",
  "learning_resource.imported",
  "access.denied",
] as const;
export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date written YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(value)), "Use a real date");

export const AuditEventQuery = z.strictObject({
  actorId: z.uuid("Not a valid id").optional(),
  action: AuditAction.optional(),
  /** First day included, UTC. */
  from: isoDay.optional(),
  /** Last day included, UTC. */
  to: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

export const AuditEventView = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  target: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  address: z.string().nullable(),
  /** How many times it happened: repeated access denials of one actor on one route are one
   * event per hour, from `at` (the first) to `lastAt` (the latest). */
  count: z.number().int().min(1),
  lastAt: z.string(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventList = z.object({
  events: z.array(AuditEventView),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditEventList = z.infer<typeof AuditEventList>;
