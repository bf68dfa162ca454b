import { z } from "zod";

/**
 * The manager workspace: one row per direct report, and for a manager of managers the whole
 * subtree in aggregate (docs/api/manager-workspace.md). Every figure is something the manager
 * may already see one by one; nothing private is in a row or a count.
 */

export const planFreshness = ["fresh", "stale", "none"] as const;
export const PlanFreshness = z.enum(planFreshness);

export const WorkspaceRow = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
  }),
  /** "Year 1 · Q2"; null without a hire date. */
  tenure: z.object({ year: z.int(), quarter: z.int(), label: z.string() }).nullable(),
  /** Items of the current pathway stage: done (or hidden) out of the total. */
  pathway: z.object({ done: z.int(), total: z.int() }),
  /** The active plan as the manager may see it; status only, never its text. */
  plan: z.object({
    /** "none" without an active plan; "stale" when not updated for 90 days. */
    freshness: PlanFreshness,
    planId: z.string().nullable(),
    updatedAt: z.string().nullable(),
    /** Goals shared with the manager whose target date passed or is within 14 days, not done. */
    goalsAtRisk: z.int(),
  }),
  conversations: z.object({
    lastHeldOn: z.string().nullable(),
    nextDueOn: z.string().nullable(),
    nextScheduledAt: z.string().nullable(),
    overdue: z.boolean(),
  }),
  openActionItems: z.int(),
  /** Feedback requests from this report addressed to the manager, not answered yet. */
  pendingFeedbackRequests: z.int(),
  /** Target role and readiness from an assessment the report shared; null otherwise. */
  target: z
    .object({
      roleTitle: z.string(),
      /** Share of the role's competencies at or above the expected level, 0–1. */
      readiness: z.number().min(0).max(1),
    })
    .nullable(),
  /** When each nudge kind may be sent again; null when it may be sent now. */
  nudges: z.object({ plan: z.string().nullable(), conversation: z.string().nullable() }),
});
export type WorkspaceRow = z.infer<typeof WorkspaceRow>;

export const ManagerWorkspace = z.object({
  rows: z.array(WorkspaceRow),
  /** True when the caller manages a manager: the subtree view is available. */
  hasSubtree: z.boolean(),
});
export type ManagerWorkspace = z.infer<typeof ManagerWorkspace>;

const Count = z.object({ label: z.string(), count: z.int() });

export const SubtreeQuery = z.strictObject({
  /** One manager's subtree inside the caller's; the caller's own when omitted. */
  managerId: z.uuid("Not a valid id").optional(),
});

/** Aggregates over everyone under the caller (or under one of their managers). */
export const SubtreeSummary = z.object({
  people: z.int(),
  withActivePlan: z.int(),
  stalePlans: z.int(),
  conversationsOverdue: z.int(),
  heldInLastSixMonths: z.int(),
  openActionItems: z.int(),
  /** Pathway completion of the current stage across the subtree, 0–1. */
  pathwayCompletion: z.number().min(0).max(1),
  byTenure: z.array(Count),
  /** Per direct-report manager: their group's figures, for comparison. */
  groups: z.array(
    z.object({
      manager: z.object({ id: z.string(), name: z.string() }),
      people: z.int(),
      conversationsOverdue: z.int(),
      stalePlans: z.int(),
      withActivePlan: z.int(),
    }),
  ),
});
export type SubtreeSummary = z.infer<typeof SubtreeSummary>;
