import type { z } from "zod";
import type {
  Assessment,
  AssessmentList,
  CreateAssessmentBody,
  RebaseResult,
  SaveRatingsBody,
  SelfRating,
  ShareBody,
  VersionedBody,
} from "#core/career/assessments.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { listGoalIdsOfOwner } from "#server/modules/growth-plans/growth-plans.queries.ts";
import { findPersonById, listPeopleByIds } from "#server/modules/people/people.queries.ts";
import {
  type LoadedAssessment,
  loadAssessment,
  loadOwnAssessment,
  loadReadableAssessment,
} from "./career-assessments.access.ts";
import {
  AssessmentConflictError,
  finishedAssessment,
  staleAssessment,
} from "./career-assessments.errors.ts";
import { careerAssessmentPolicies } from "./career-assessments.policy.ts";
import {
  gapAnalysisOf,
  presentAssessment,
  presentSentRequest,
  presentSummary,
} from "./career-assessments.presenters.ts";
import {
  type AssessmentChanges,
  type AssessmentRow,
  deleteAssessment as deleteAssessmentRow,
  insertAssessment,
  listAssessmentsOfPerson,
  listLatestVersionNumbers,
  listRequestsOfAssessments,
  updateAssessmentIfAt,
} from "./career-assessments.queries.ts";
import { findLatestVersionRow } from "./career-frameworks.queries.ts";
import { assessedCompetencies } from "./career-gap-analysis.ts";
import { findPositionRow } from "./career-positions.queries.ts";
import { loadVersion } from "./version-cache.ts";

const maxAssessmentsPerPerson = 100;
const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();

/** Everything a summary or view shows beside the row itself, for any number of assessments. */
export async function describeAssessments(
  ctx: AppContext,
  loaded: readonly Omit<LoadedAssessment, "facts">[],
) {
  const ids = loaded.map((entry) => entry.assessment.id);
  const requests = await listRequestsOfAssessments(ctx.db, ids);
  const [latest, raters, positions] = await Promise.all([
    listLatestVersionNumbers(
      ctx.db,
      loaded.map((entry) => entry.assessment.framework_id),
    ),
    listPeopleByIds(ctx.db, [...new Set(requests.map((request) => request.rater_id))]),
    Promise.all(
      [...new Set(loaded.map((entry) => entry.owner.id))].map((id) => findPositionRow(ctx.db, id)),
    ),
  ]);
  const people = new Map(raters.map((person) => [person.id, person]));
  const positionOf = new Map(positions.flatMap((row) => (row ? [[row.person_id, row]] : [])));
  const requestsOf = (id: string) => requests.filter((request) => request.assessment_id === id);
  return {
    people,
    requestsOf,
    extrasOf: (entry: Omit<LoadedAssessment, "facts">) => {
      const position = positionOf.get(entry.owner.id);
      const gaps = gapAnalysisOf(entry, requestsOf(entry.assessment.id), people);
      return {
        latestVersionNumber: latest.get(entry.assessment.framework_id) ?? entry.version.number,
        isCurrentRole:
          position?.framework_id === entry.assessment.framework_id &&
          position.role_key === entry.assessment.role_key,
        readiness: { met: gaps.readiness.met, expected: gaps.readiness.expected },
      };
    },
  };
}

/** Loads the version and role of each row; rows whose version or role is gone are left out. */
export async function withVersions(
  ctx: AppContext,
  rows: readonly AssessmentRow[],
  owners: ReadonlyMap<string, LoadedAssessment["owner"]>,
): Promise<Omit<LoadedAssessment, "facts">[]> {
  const loaded = await Promise.all(
    rows.map(async (assessment) => {
      const version = await loadVersion(ctx.db, assessment.version_id);
      const role = version?.content.roles.find((entry) => entry.key === assessment.role_key);
      const owner = owners.get(assessment.person_id);
      return version && role && owner ? [{ assessment, owner, version, role }] : [];
    }),
  );
  return loaded.flat();
}

/** The view; the owner also sees whom they asked, a manager reading it does not. */
export async function viewAssessment(
  ctx: AppContext,
  actor: Actor,
  loaded: Omit<LoadedAssessment, "facts">,
): Promise<Assessment> {
  const described = await describeAssessments(ctx, [loaded]);
  const isOwner = actor.personId === loaded.assessment.person_id;
  const requests = isOwner
    ? described.requestsOf(loaded.assessment.id).flatMap((request) => {
        const rater = described.people.get(request.rater_id);
        return rater ? [presentSentRequest(request, rater)] : [];
      })
    : [];
  return presentAssessment(loaded, described.extrasOf(loaded), requests);
}

export async function listMyAssessments(
  ctx: AppContext,
  actor: Actor,
): Promise<z.infer<typeof AssessmentList>> {
  if (!careerAssessmentPolicies.list(actor)) return { assessments: [] };
  const owner = await findPersonById(ctx.db, actor.personId);
  if (!owner) return { assessments: [] };
  const rows = await listAssessmentsOfPerson(ctx.db, actor.personId);
  const loaded = await withVersions(ctx, rows, new Map([[owner.id, owner]]));
  const described = await describeAssessments(ctx, loaded);
  return { assessments: loaded.map((entry) => presentSummary(entry, described.extrasOf(entry))) };
}

export async function createAssessment(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof CreateAssessmentBody>,
): Promise<Assessment> {
  if (!careerAssessmentPolicies.create(actor)) throw new AppError("forbidden", "Not allowed.");
  const owner = await findPersonById(ctx.db, actor.personId);
  if (!owner) throw new AppError("unauthenticated", "Sign in to continue.");
  const latest = await findLatestVersionRow(ctx.db, input.frameworkId);
  if (!latest) {
    throw new AppError("validation_failed", "No published career framework has this id.", {
      frameworkId: "No published framework with this id",
    });
  }
  const position = await findPositionRow(ctx.db, actor.personId);
  const current = position?.framework_id === input.frameworkId ? position.role_key : null;
  const roleKey = input.roleKey ?? current;
  if (!roleKey) {
    throw new AppError(
      "validation_failed",
      "You have no current role in this framework: choose the role to assess yourself against.",
      { roleKey: "Choose a role" },
    );
  }
  const role = latest.content.roles.find((entry) => entry.key === roleKey);
  if (!role) {
    throw new AppError("validation_failed", `This framework has no role "${roleKey}".`, {
      roleKey: "No role with this key in the framework's newest version",
    });
  }
  if ((await listAssessmentsOfPerson(ctx.db, actor.personId)).length >= maxAssessmentsPerPerson) {
    throw new AppError(
      "validation_failed",
      `You keep at most ${maxAssessmentsPerPerson} assessments. Delete an old one first.`,
      { frameworkId: `At most ${maxAssessmentsPerPerson} assessments` },
    );
  }
  const now = nowIso(ctx);
  const assessment: AssessmentRow = {
    id: newId(),
    person_id: actor.personId,
    framework_id: input.frameworkId,
    version_id: latest.id,
    role_key: role.key,
    status: "draft",
    shared_with_manager: false,
    ratings: emptyRatings(assessedCompetencies(latest.content, role).map((c) => c.competency.key)),
    version: 1,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  await insertAssessment(ctx.db, { ...assessment, shared_with_manager: 0 });
  return viewAssessment(ctx, actor, { assessment, owner, version: latest, role });
}

const emptyRatings = (keys: readonly string[]): SelfRating[] =>
  keys.map((competencyKey) => ({
    competencyKey,
    rating: null,
    evidence: { text: "", links: [], goalIds: [] },
  }));

export async function getAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Assessment> {
  return viewAssessment(ctx, actor, await loadReadableAssessment(ctx, actor, id));
}

/** Writes `changes` at `baseVersion`: a stale write answers 409 with what is stored now. */
async function writeAt(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedAssessment,
  baseVersion: number,
  changes: Omit<AssessmentChanges, "updated_at">,
): Promise<Assessment> {
  const written = await updateAssessmentIfAt(ctx.db, loaded.assessment.id, baseVersion, {
    ...changes,
    updated_at: nowIso(ctx),
  });
  const reloaded = await loadAssessment(ctx.db, loaded.assessment.id);
  const view = await viewAssessment(ctx, actor, reloaded);
  if (!written) throw new AssessmentConflictError(staleAssessment, view);
  return view;
}

async function assertDraft(ctx: AppContext, actor: Actor, loaded: LoadedAssessment) {
  if (loaded.assessment.status === "draft") return;
  throw new AssessmentConflictError(finishedAssessment, await viewAssessment(ctx, actor, loaded));
}

export async function saveRatings(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof SaveRatingsBody>,
): Promise<Assessment> {
  const loaded = await loadOwnAssessment(ctx, actor, id);
  await assertDraft(ctx, actor, loaded);
  const keys = assessedCompetencies(loaded.version.content, loaded.role).map(
    (entry) => entry.competency.key,
  );
  const scaleMax = loaded.version.content.scale.length;
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.ratings.forEach((rating, index) => {
    const at = `ratings.${index}`;
    if (!keys.includes(rating.competencyKey)) {
      fields[`${at}.competencyKey`] = "Not a competency of this assessment";
    } else if (seen.has(rating.competencyKey)) {
      fields[`${at}.competencyKey`] = "Rated twice";
    } else if (rating.rating !== null && rating.rating > scaleMax) {
      fields[`${at}.rating`] = `The scale has ${scaleMax} points`;
    }
    seen.add(rating.competencyKey);
  });
  const goalIds = input.ratings.flatMap((rating) => rating.evidence.goalIds);
  const own = await listGoalIdsOfOwner(ctx.db, actor.personId, goalIds);
  input.ratings.forEach((rating, index) => {
    rating.evidence.goalIds.forEach((goalId, goalIndex) => {
      if (!own.has(goalId)) {
        fields[`ratings.${index}.evidence.goalIds.${goalIndex}`] = "Not a goal of your plans";
      }
    });
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", "Some ratings cannot be saved.", fields);
  }
  const given = new Map(input.ratings.map((rating) => [rating.competencyKey, rating]));
  const ratings = emptyRatings(keys).map((empty) => given.get(empty.competencyKey) ?? empty);
  return writeAt(ctx, actor, loaded, input.baseVersion, { ratings });
}

export async function finishAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof VersionedBody>,
): Promise<Assessment> {
  const loaded = await loadOwnAssessment(ctx, actor, id);
  await assertDraft(ctx, actor, loaded);
  const unrated = loaded.assessment.ratings.filter((rating) => rating.rating === null);
  if (unrated.length > 0 && loaded.assessment.version === input.baseVersion) {
    const names = assessedCompetencies(loaded.version.content, loaded.role)
      .filter((entry) => unrated.some((rating) => rating.competencyKey === entry.competency.key))
      .map((entry) => entry.competency.name);
    throw new AppError("validation_failed", `Rate every competency first: ${names.join(", ")}.`, {
      ratings: `${names.length} not rated yet`,
    });
  }
  return writeAt(ctx, actor, loaded, input.baseVersion, {
    status: "finished",
    finished_at: nowIso(ctx),
  });
}

/** Only a finished assessment is shared; withdrawing the share works at any time. */
export async function shareAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ShareBody>,
): Promise<Assessment> {
  const loaded = await loadOwnAssessment(ctx, actor, id);
  if (input.sharedWithManager && loaded.assessment.status !== "finished") {
    throw new AppError(
      "validation_failed",
      "Finish the assessment before sharing it with your manager.",
      { sharedWithManager: "Only a finished assessment can be shared" },
    );
  }
  if (loaded.assessment.shared_with_manager === input.sharedWithManager) {
    return viewAssessment(ctx, actor, loaded);
  }
  return writeAt(ctx, actor, loaded, loaded.assessment.version, {
    shared_with_manager: input.sharedWithManager,
  });
}

export async function rebaseAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof VersionedBody>,
): Promise<z.infer<typeof RebaseResult>> {
  const loaded = await loadOwnAssessment(ctx, actor, id);
  await assertDraft(ctx, actor, loaded);
  const latest = await findLatestVersionRow(ctx.db, loaded.assessment.framework_id);
  const fromVersionNumber = loaded.version.number;
  if (!latest || latest.id === loaded.version.id) {
    const assessment = await viewAssessment(ctx, actor, loaded);
    if (assessment.version !== input.baseVersion) {
      throw new AssessmentConflictError(staleAssessment, assessment);
    }
    return { assessment, fromVersionNumber, dropped: [], added: [] };
  }
  const role = latest.content.roles.find((entry) => entry.key === loaded.role.key);
  if (!role) {
    throw new AppError(
      "conflict",
      `Version ${latest.number} no longer has the role "${loaded.role.title}". Start a new assessment against another role.`,
    );
  }
  const before = assessedCompetencies(loaded.version.content, loaded.role);
  const after = assessedCompetencies(latest.content, role);
  const afterKeys = new Set(after.map((entry) => entry.competency.key));
  const beforeKeys = new Set(before.map((entry) => entry.competency.key));
  const kept = new Map(loaded.assessment.ratings.map((rating) => [rating.competencyKey, rating]));
  const scaleMax = latest.content.scale.length;
  const ratings = emptyRatings([...afterKeys]).map((empty) => {
    const old = kept.get(empty.competencyKey);
    if (!old) return empty;
    return old.rating !== null && old.rating > scaleMax ? { ...old, rating: null } : old;
  });
  const assessment = await writeAt(ctx, actor, loaded, input.baseVersion, {
    version_id: latest.id,
    ratings,
  });
  const named = (entry: (typeof before)[number]) => ({
    competencyKey: entry.competency.key,
    competencyName: entry.competency.name,
  });
  return {
    assessment,
    fromVersionNumber,
    dropped: before.filter((entry) => !afterKeys.has(entry.competency.key)).map(named),
    added: after.filter((entry) => !beforeKeys.has(entry.competency.key)).map(named),
  };
}

export async function deleteAssessment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const loaded = await loadOwnAssessment(ctx, actor, id);
  await deleteAssessmentRow(ctx.db, loaded.assessment.id);
}
