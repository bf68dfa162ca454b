import type { AuditAction } from "#core/audit.schemas.ts";

/** Each audit action as an administrator would say it. */
export const auditActionLabels: Record<AuditAction, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_in_throttled": "Sign-in throttled",
  "auth.sign_out": "Signed out",
  "auth.sign_out_everywhere": "Signed out everywhere",
  "auth.sso_sign_in": "Signed in with single sign-on",
  "auth.sso_sign_in_failed": "Single sign-on refused",
  "auth.sso_identity_linked": "Single sign-on identity linked",
  "auth.sso_person_created": "Person created at first single sign-on",
  "auth.sso_backchannel_logout": "Signed out by the identity provider",
  "sso.provider_created": "Single sign-on provider added",
  "sso.provider_updated": "Single sign-on provider changed",
  "sso.provider_deleted": "Single sign-on provider removed",
  "sso.settings_updated": "Identity settings changed",
  "account.password_changed": "Password changed",
  "account.password_change_failed": "Password change failed",
  "setup.first_admin_created": "First administrator created",
  "setup.demo_loaded": "Demo organization loaded",
  "people.admin_created": "Administrator created",
  "people.created": "Person added",
  "people.updated": "Person updated",
  "people.manager_changed": "Manager changed",
  "people.admin_became_manager": "Administrator made themselves manager",
  "people.role_changed": "Role changed",
  "people.deactivated": "Person deactivated",
  "people.reactivated": "Person reactivated",
  "people.erased": "Person erased",
  "people.imported": "People imported",
  "people.exported": "Directory exported",
  "people.data_exported": "Personal data exported",
  "invitation.created": "Invitation created",
  "invitation.accepted": "Invitation accepted",
  "pathway_template.created": "Pathway template created",
  "pathway_template.imported": "Pathway template imported",
  "pathway_template.updated": "Pathway template updated",
  "pathway_template.archived": "Pathway template archived",
  "pathway_template.restored": "Pathway template restored",
  "pathway_template.made_default": "Default pathway changed",
  "pathway_stage.added": "Pathway stage added",
  "pathway_stage.removed": "Pathway stage removed",
  "pathway_item.added": "Pathway item added",
  "pathway_item.updated": "Pathway item updated",
  "pathway_item.removed": "Pathway item removed",
  "pathway_items.reordered": "Pathway items reordered",
  "pathway.assigned": "Pathway assigned",
  "growth_plan_template.created": "Growth plan template created",
  "growth_plan_template.updated": "Growth plan template updated",
  "growth_plan_prompts.updated": "Reflection prompts updated",
  "career_framework.created": "Career framework created",
  "career_framework.draft_saved": "Career framework draft saved",
  "career_framework.published": "Career framework version published",
  "career_position.current_role_set": "Current role set",
  "career_framework.imported": "Career framework imported",
  "conversation_template.created": "Conversation template created",
  "conversation_template.updated": "Conversation template updated",
  "conversation_settings.updated": "Conversation cadence changed",
  "content_page.updated": "Page edited",
  "calendar_feed.url_created": "Calendar feed URL made",
  "calendar_feed.url_revoked": "Calendar feed turned off",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "conversation.created": "Career conversation scheduled",
  "shadow_program.created": "Shadow program created",
  "shadow_program.updated": "Shadow program changed",
  "shadow_rotation.created": "Shadow rotation added",
  "shadow_rotation.updated": "Shadow rotation changed",
  "shadow_application.submitted": "Shadow application submitted",
  "shadow_application.manager_approved": "Shadow application approved by the manager",
  "shadow_application.manager_declined": "Shadow application declined by the manager",
  "shadow_application.owner_approved": "Shadow application approved by the program owner",
  "shadow_application.owner_declined": "Shadow application declined by the program owner",
  "shadow_application.promoted": "Shadow application promoted from the waitlist",
  "shadow_application.withdrawn": "Shadow application withdrawn",
  "shadow_application.completed": "Shadow rotation completed",
  "conversation.finished": "Career conversation finished",
  "conversation.acknowledged": "Career conversation confirmed",
  "conversation.cancelled": "Career conversation cancelled",
  "live_session.created": "Live session planned",
  "live_session.updated": "Live session edited",
  "live_session.cancelled": "Live session cancelled",
  "live_session.rsvp_going": "RSVP: going",
  "live_session.rsvp_waitlisted": "RSVP: waitlisted",
  "live_session.rsvp_cancelled": "RSVP cancelled",
  "live_session.promoted": "Promoted from the waitlist",
  "live_session.attendance_recorded": "Attendance recorded",
  "live_series.created": "Live series added",
  "live_series.updated": "Live series edited",
  "mentorship_program.created": "Mentorship program created",
  "mentorship_program.updated": "Mentorship program changed",
  "mentorship_match.confirmed": "Mentorship match confirmed",
  "benefit_settings.updated": "Benefit settings changed",
  "benefit_override.updated": "Benefit amount of a person changed",
  "benefit_request.submitted": "Benefit request submitted",
  "benefit_request.manager_approved": "Benefit request approved by the manager",
  "benefit_request.manager_declined": "Benefit request declined by the manager",
  "benefit_request.ld_approved": "Benefit request approved by L&D",
  "benefit_request.ld_declined": "Benefit request declined by L&D",
  "benefit_request.paid": "Benefit request paid",
  "benefit_request.withdrawn": "Benefit request withdrawn",
  "benefit_request.receipt_added": "Benefit receipt added",
  "learning_resource.created": "Learning resource added",
  "learning_resource.updated": "Learning resource edited",
  "learning_resource.archived": "Learning resource archived",
  "learning_resource.imported": "Learning resources imported",
  "retention_settings.updated": "Data retention changed",
  "retention.ran": "Data retention ran",
  "access.denied": "Access denied",
};

/** Actions recorded after this page was built still show, under their own name. */
export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}

function humanize(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_.]/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (Array.isArray(value)) return value.map(describeValue).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** An event's details as short "Key: value" lines. */
export function describeAuditDetails(details: Record<string, unknown> | null): string[] {
  if (!details) return [];
  return Object.entries(details).map(([key, value]) => `${humanize(key)}: ${describeValue(value)}`);
}
