import type { ApiTokenArea } from "#core/api-tokens.schemas.ts";

/**
 * The area of every `/api` route, for bearer token scopes (docs/decisions/027): a token needs
 * `<area>:read` (or `:write`) for GET and HEAD and `<area>:write` for anything else. `null`
 * marks routes no token may call: the account, sign-in, setup, invitations, token management.
 * The longest matching prefix decides; the route access hook refuses to register an `/api`
 * route that matches none, so a new area must be named here.
 */
export const routeAreas: ReadonlyArray<readonly [prefix: string, area: ApiTokenArea | null]> = [
  ["/api/account", null],
  ["/api/auth", null],
  ["/api/setup", null],
  ["/api/invitations", null],
  ["/api/email/unsubscribe", null],
  ["/api/admin/tokens", null],
  // Sign-in methods, erasing a person and another person's full data export stay with a signed-in
  // administrator: a leaked token must not switch off passwords, erase or take everyone's data.
  ["/api/admin/sso", null],
  ["/api/admin/people/:personId/erasure", null],
  ["/api/admin/people/:personId/data-export", null],
  ["/api/admin", "admin"],
  ["/api/admin/people", "people"],
  ["/api/people", "people"],
  ["/api/people/:id/pathway", "pathways"],
  ["/api/people/:id/pathway-assignment", "pathways"],
  ["/api/people/:id/career", "career-paths"],
  ["/api/pathway", "pathways"],
  ["/api/pathway-templates", "pathways"],
  ["/api/pathway-assignments", "pathways"],
  ["/api/growth-plans", "growth-plans"],
  ["/api/growth-plan-templates", "growth-plans"],
  ["/api/growth-plan-prompts", "growth-plans"],
  ["/api/career-frameworks", "career-paths"],
  ["/api/career-roles", "career-paths"],
  ["/api/career-assessments", "career-paths"],
  ["/api/career-feedback-requests", "career-paths"],
  ["/api/team/career", "career-paths"],
  ["/api/conversations", "conversations"],
  ["/api/conversation-templates", "conversations"],
  ["/api/conversation-settings", "conversations"],
  ["/api/manager-workspace", "people"],
  ["/api/content-pages", "content"],
  ["/api/learning", "learning"],
  ["/api/live-series", "learning"],
  ["/api/live-sessions", "learning"],
  ["/api/mentorship", "programs"],
  ["/api/shadow-programs", "programs"],
  ["/api/shadow-rotations", "programs"],
  ["/api/shadow-applications", "programs"],
  ["/api/benefits", "benefits"],
  ["/api/notifications", "notifications"],
  ["/api/calendar", "calendar"],
  ["/api/audit-events", "audit"],
];

const matches = (url: string, prefix: string) =>
  url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}.`);

/** The area of a route URL (as registered, with `:params`), null for none, undefined if unlisted. */
export function areaOfRoute(url: string): ApiTokenArea | null | undefined {
  let best: readonly [string, ApiTokenArea | null] | undefined;
  for (const entry of routeAreas) {
    if (matches(url, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : undefined;
}

/** The scopes that let a token call a route of this area with this method. */
export function scopesAccepted(area: ApiTokenArea, method: string): string[] {
  return method === "GET" || method === "HEAD"
    ? [`${area}:read`, `${area}:write`]
    : [`${area}:write`];
}
