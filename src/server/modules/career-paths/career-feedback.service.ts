import type { z } from "zod";
import type {
  AnswerFeedbackBody,
  CreateFeedbackRequestsBody,
  FeedbackQueue,
  FeedbackRequestView,
  SentFeedbackRequests,
} from "#core/career/assessments.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { inTransaction } from "#server/db/transactions.ts";
import { AppError } from "#server/errors.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import {
  type LoadedAssessment,
  loadAssessment,
  loadOwnAssessment,
} from "./career-assessments.access.ts";
import { FeedbackRequestConflictError } from "./career-assessments.errors.ts";
import {
  assertIsRater,
  careerAssessmentPolicies,
  requestNotFound,
} from "./career-assessments.policy.ts";
import {
  presentQueueItem,
  presentRequestView,
  presentSentRequest,
} from "./career-assessments.presenters.ts";
import {
  type FeedbackAnswer,
  type FeedbackRequestRow,
  findRequest,
  insertRequests,
  listAssessmentsByIds,
  listRequestsForRater,
  listRequestsOfAssessments,
  updateRequestIf,
} from "./career-assessments.queries.ts";
import { withVersions } from "./career-assessments.service.ts";
import { notifyFeedbackAnswered, notifyFeedbackRequested } from "./career-feedback.notices.ts";
import { assessedCompetencies } from "./career-gap-analysis.ts";

// Feedback on an assessment's competencies from the member's manager and peers. A rater sees
// only the role and the competencies; a peer's answer is final once given, so the peers' mean
// never changes by one answer (career-gap-analysis.ts).

const maxPeerRequestsPerAssessment = 50;

async function sentRequestsOf(ctx: AppContext, assessmentId: string) {
  const requests = await listRequestsOfAssessments(ctx.db, [assessmentId]);
  const raters = new Map(
    (
      await listPeopleByIds(
        ctx.db,
        requests.map((request) => request.rater_id),
      )
    ).map((person) => [person.id, person]),
  );
  return requests.flatMap((request) => {
    const rater = raters.get(request.rater_id);
    return rater ? [presentSentRequest(request, rater)] : [];
  });
}

export async function createFeedbackRequests(
  ctx: AppContext,
  actor: Actor,
  assessmentId: string,
  input: z.infer<typeof CreateFeedbackRequestsBody>,
): Promise<z.infer<typeof SentFeedbackRequests>> {
  const { owner } = await loadOwnAssessment(ctx, actor, assessmentId);
  const existing = await listRequestsOfAssessments(ctx.db, [assessmentId]);
  const asked = new Set(existing.map((request) => request.rater_id));
  const people = new Map(
    (await listPeopleByIds(ctx.db, [...input.peerIds, owner.manager_id ?? owner.id])).map(
      (person) => [person.id, person],
    ),
  );
  const fields: Record<string, string> = {};
  const manager = owner.manager_id ? people.get(owner.manager_id) : undefined;
  if (input.includeManager && manager?.status !== "active") {
    fields.includeManager = "You have no active manager to ask";
  }
  if (!input.includeManager && input.peerIds.length === 0) {
    fields.peerIds = "Ask your manager or at least one peer";
  }
  const peers: string[] = [];
  input.peerIds.forEach((peerId, index) => {
    const at = `peerIds.${index}`;
    if (peerId === owner.id) fields[at] = "Your own ratings are the self-assessment";
    else if (people.get(peerId)?.status !== "active") fields[at] = "No active person with this id";
    else if (peerId === owner.manager_id) fields[at] = "This is your manager: use includeManager";
    else if (!peers.includes(peerId) && !asked.has(peerId)) peers.push(peerId);
  });
  const peerCount = existing.filter((request) => request.relation === "peer").length + peers.length;
  if (peerCount > maxPeerRequestsPerAssessment) {
    fields.peerIds = `At most ${maxPeerRequestsPerAssessment} peers per assessment`;
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", "Some of these people cannot be asked.", fields);
  }
  const now = ctx.clock.now().toISOString();
  const row = (raterId: string, relation: "manager" | "peer") => ({
    id: newId(),
    assessment_id: assessmentId,
    rater_id: raterId,
    relation,
    status: "pending",
    message: input.message,
    due_on: input.dueOn,
    ratings: null,
    created_at: now,
    answered_at: null,
  });
  const managerRows =
    input.includeManager && manager && !asked.has(manager.id) ? [row(manager.id, "manager")] : [];
  const rows = [...managerRows, ...peers.map((id) => row(id, "peer"))];
  try {
    await inTransaction(ctx.db, async (trx) => {
      await insertRequests(trx, rows);
      await notifyFeedbackRequested(trx, ctx.clock.now(), owner, rows);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("conflict", "Someone on this list was asked at the same moment. Try again.");
  }
  return { requests: await sentRequestsOf(ctx, assessmentId) };
}

export async function listFeedbackQueue(
  ctx: AppContext,
  actor: Actor,
): Promise<z.infer<typeof FeedbackQueue>> {
  if (!careerAssessmentPolicies.listRequests(actor)) return { requests: [] };
  const requests = await listRequestsForRater(ctx.db, actor.personId);
  const rows = await listAssessmentsByIds(
    ctx.db,
    requests.map((request) => request.assessment_id),
  );
  const owners = await listPeopleByIds(ctx.db, [...new Set(rows.map((row) => row.person_id))]);
  const active = new Map(
    owners.filter((owner) => owner.status === "active").map((owner) => [owner.id, owner]),
  );
  const loaded = new Map(
    (await withVersions(ctx, rows, active)).map((entry) => [entry.assessment.id, entry]),
  );
  return {
    requests: requests.flatMap((request) => {
      const entry = loaded.get(request.assessment_id);
      return entry ? [presentQueueItem(request, entry)] : [];
    }),
  };
}

async function loadRequestForRater(ctx: AppContext, actor: Actor, requestId: string) {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw requestNotFound();
  assertIsRater(actor, { requestId: request.id, raterId: request.rater_id });
  const loaded = await loadAssessment(ctx.db, request.assessment_id).catch(() => {
    throw requestNotFound();
  });
  return { request, loaded };
}

export async function getFeedbackRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
): Promise<FeedbackRequestView> {
  const { request, loaded } = await loadRequestForRater(ctx, actor, requestId);
  return presentRequestView(request, loaded);
}

/** Only the rater's own answer can be read back; the requester's ratings never are. */
async function conflict(
  ctx: AppContext,
  requestId: string,
  loaded: LoadedAssessment,
  message: string,
): Promise<never> {
  const current = await findRequest(ctx.db, requestId);
  if (!current) throw requestNotFound();
  throw new FeedbackRequestConflictError(message, presentRequestView(current, loaded));
}

function closedMessage(request: FeedbackRequestRow): string {
  if (request.status === "declined") return "You declined this request; it is closed.";
  return "Your answer is recorded. Peer answers are final, so that the peers' average never changes by one person's answer.";
}

/** Pending requests are answered; a manager may change their answer, a peer may not. */
export async function answerFeedbackRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  input: z.infer<typeof AnswerFeedbackBody>,
): Promise<FeedbackRequestView> {
  const { request, loaded } = await loadRequestForRater(ctx, actor, requestId);
  const keys = assessedCompetencies(loaded.version.content, loaded.role).map(
    (entry) => entry.competency.key,
  );
  const scaleMax = loaded.version.content.scale.length;
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.ratings.forEach((rating, index) => {
    const at = `ratings.${index}`;
    if (!keys.includes(rating.competencyKey)) fields[`${at}.competencyKey`] = "Not asked";
    else if (seen.has(rating.competencyKey)) fields[`${at}.competencyKey`] = "Rated twice";
    else if (rating.rating !== null && rating.rating > scaleMax) {
      fields[`${at}.rating`] = `The scale has ${scaleMax} points`;
    }
    seen.add(rating.competencyKey);
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", "Some ratings cannot be saved.", fields);
  }
  const open: FeedbackRequestRow["status"][] =
    request.relation === "manager" ? ["pending", "answered"] : ["pending"];
  if (!open.includes(request.status)) {
    return conflict(ctx, requestId, loaded, closedMessage(request));
  }
  const given = new Map(input.ratings.map((rating) => [rating.competencyKey, rating]));
  const ratings: FeedbackAnswer[] = keys.map(
    (competencyKey) => given.get(competencyKey) ?? { competencyKey, rating: null, comment: "" },
  );
  const saved = await inTransaction(ctx.db, async (trx) => {
    const updated = await updateRequestIf(trx, requestId, open, {
      status: "answered",
      ratings,
      at: ctx.clock.now().toISOString(),
    });
    if (updated && request.status === "pending") {
      await notifyFeedbackAnswered(trx, ctx.clock.now(), loaded, request);
    }
    return updated;
  });
  if (!saved) return conflict(ctx, requestId, loaded, closedMessage(request));
  return getFeedbackRequest(ctx, actor, requestId);
}

export async function declineFeedbackRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
): Promise<FeedbackRequestView> {
  const { request, loaded } = await loadRequestForRater(ctx, actor, requestId);
  const message =
    request.status === "answered"
      ? "You already answered this request."
      : "You already declined this request.";
  if (request.status !== "pending") return conflict(ctx, requestId, loaded, message);
  const saved = await updateRequestIf(ctx.db, requestId, ["pending"], {
    status: "declined",
    ratings: null,
    at: ctx.clock.now().toISOString(),
  });
  if (!saved) return conflict(ctx, requestId, loaded, message);
  return getFeedbackRequest(ctx, actor, requestId);
}
