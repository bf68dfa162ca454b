import type { z } from "zod";
import type { TeamCareer } from "#core/career/assessments.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { listDirectReports } from "#server/modules/people/people.queries.ts";
import { assessmentFacts } from "./career-assessments.access.ts";
import { careerAssessmentPolicies } from "./career-assessments.policy.ts";
import { personRef, presentSummary } from "./career-assessments.presenters.ts";
import {
  type AssessmentRow,
  countPendingForRaterByOwner,
  listLatestVersionIds,
  listSharedFinishedOfPeople,
} from "./career-assessments.queries.ts";
import { describeAssessments, withVersions } from "./career-assessments.service.ts";
import { findPositionRow } from "./career-positions.queries.ts";
import { loadVersion } from "./version-cache.ts";

/**
 * A manager's direct reports: their current and target roles, the latest assessment each
 * finished and shared with them (never a draft, never one kept private), and how many of
 * their feedback requests wait for this manager.
 */
export async function listTeamCareer(
  ctx: AppContext,
  actor: Actor,
): Promise<z.infer<typeof TeamCareer>> {
  if (!careerAssessmentPolicies.readTeam(actor)) return { reports: [] };
  const reports = await listDirectReports(ctx.db, actor.personId, { includeDeactivated: false });
  if (reports.length === 0) return { reports: [] };
  const ids = reports.map((report) => report.id);
  const [positions, shared, pending] = await Promise.all([
    Promise.all(ids.map((id) => findPositionRow(ctx.db, id))),
    listSharedFinishedOfPeople(ctx.db, ids),
    countPendingForRaterByOwner(ctx.db, actor.personId, ids),
  ]);
  const frameworkIds = positions.flatMap((row) =>
    row ? [row.framework_id, row.target_framework_id].flatMap((id) => (id ? [id] : [])) : [],
  );
  const versionIds = await listLatestVersionIds(ctx.db, frameworkIds);
  const titleOf = async (frameworkId: string | null, roleKey: string | null) => {
    const versionId = frameworkId ? versionIds.get(frameworkId) : undefined;
    if (!versionId || !roleKey) return null;
    const version = await loadVersion(ctx.db, versionId);
    return version?.content.roles.find((role) => role.key === roleKey)?.title ?? null;
  };
  const reportById = new Map(reports.map((report) => [report.id, report]));
  const latestShared = new Map<string, AssessmentRow>();
  for (const row of shared) {
    const owner = reportById.get(row.person_id);
    if (!owner || latestShared.has(row.person_id)) continue;
    if (careerAssessmentPolicies.read(actor, assessmentFacts(row, owner))) {
      latestShared.set(row.person_id, row);
    }
  }
  const loaded = await withVersions(ctx, [...latestShared.values()], reportById);
  const described = await describeAssessments(ctx, loaded);
  const summaryOf = new Map(
    loaded.map((entry) => [entry.owner.id, presentSummary(entry, described.extrasOf(entry))]),
  );
  return {
    reports: await Promise.all(
      reports.map(async (report, index) => {
        const position = positions[index];
        return {
          person: personRef(report),
          currentRoleTitle: await titleOf(
            position?.framework_id ?? null,
            position?.role_key ?? null,
          ),
          targetRoleTitle: await titleOf(
            position?.target_framework_id ?? null,
            position?.target_role_key ?? null,
          ),
          latestSharedAssessment: summaryOf.get(report.id) ?? null,
          pendingRequestsForMe: pending.get(report.id) ?? 0,
        };
      }),
    ),
  };
}
