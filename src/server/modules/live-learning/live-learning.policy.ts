import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may do what on the live learning calendar. Everyone signed in reads the calendar and
 * RSVPs for themselves; administrators (L&D) plan, edit and cancel sessions and name the host;
 * the host of a session and administrators see its roster and record attendance. Nobody RSVPs
 * or cancels for someone else. A deactivated person is signed out, so reaches none of this.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type SessionFacts = { hostId: string; status: "scheduled" | "cancelled" };

const isAdmin = (actor: PolicyActor): boolean => actor.role === "admin";

export const liveSessionPolicies = definePolicies("liveSession", {
  read: (_actor: PolicyActor): boolean => true,
  manage: isAdmin,
  rsvp: (_actor: PolicyActor, facts: SessionFacts): boolean => facts.status === "scheduled",
  cancelRsvp: (_actor: PolicyActor, _facts: SessionFacts): boolean => true,
  downloadInvitation: (_actor: PolicyActor, _facts: SessionFacts): boolean => true,
  readRoster: (actor: PolicyActor, facts: SessionFacts): boolean =>
    isAdmin(actor) || actor.personId === facts.hostId,
  recordAttendance: (actor: PolicyActor, facts: SessionFacts): boolean =>
    isAdmin(actor) || actor.personId === facts.hostId,
});

export const liveSeriesPolicies = definePolicies("liveSeries", {
  read: (_actor: PolicyActor): boolean => true,
  manage: isAdmin,
});

export function assertAllowed(allowed: boolean, message: string): void {
  if (!allowed) throw new AppError("forbidden", message);
}
