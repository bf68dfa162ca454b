import type { Db } from "#server/db/create-db.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { listPeopleByIds, type PersonRow } from "#server/modules/people/people.queries.ts";
import type { LoadedAssessment } from "./career-assessments.access.ts";
import {
  type FeedbackRequestRow,
  listRequestsOfAssessments,
} from "./career-assessments.queries.ts";

// What feedback requests tell people, in the transaction of the request or the answer. An
// answer never carries a rating, and a peer's answer never names the peer nor points at their
// request (docs/decisions/017-peer-feedback-anonymity.md): the member learns only how many of
// the peers asked have answered, which the assessment page already shows.

const nameOf = (person: Pick<PersonRow, "name" | "preferred_name">) =>
  person.preferred_name || person.name;

export async function notifyFeedbackRequested(
  trx: Db,
  now: Date,
  owner: PersonRow,
  requests: readonly { id: string; rater_id: string; relation: string }[],
): Promise<void> {
  for (const request of requests) {
    await notify(
      trx,
      {
        personId: request.rater_id,
        kind: "feedback_requested",
        actorId: owner.id,
        subject: { type: "career_feedback_request", id: request.id },
        link: `/career/feedback/${request.id}`,
        title: `${nameOf(owner)} asked you for feedback on their self-assessment`,
        data: { requestId: request.id, relation: request.relation },
        dedupeKey: `feedback_requested:${request.id}`,
      },
      now,
    );
  }
}

export async function notifyFeedbackAnswered(
  trx: Db,
  now: Date,
  loaded: Pick<LoadedAssessment, "assessment" | "owner">,
  request: Pick<FeedbackRequestRow, "id" | "rater_id" | "relation">,
): Promise<void> {
  const assessmentId = loaded.assessment.id;
  const link = `/career/assessments/${assessmentId}`;
  const subject = { type: "career_assessment", id: assessmentId };
  if (request.relation === "manager") {
    const [manager] = await listPeopleByIds(trx, [request.rater_id]);
    await notify(
      trx,
      {
        personId: loaded.owner.id,
        kind: "feedback_answered",
        actorId: request.rater_id,
        subject,
        link,
        title: `${manager ? nameOf(manager) : "Your manager"} answered your feedback request`,
        data: { assessmentId, relation: "manager" },
        dedupeKey: `feedback_answered:${request.id}`,
      },
      now,
    );
    return;
  }
  const peers = (await listRequestsOfAssessments(trx, [assessmentId])).filter(
    (row) => row.relation === "peer",
  );
  const answered = peers.filter((row) => row.status === "answered").length;
  await notify(
    trx,
    {
      personId: loaded.owner.id,
      kind: "feedback_answered",
      actorId: null,
      subject,
      link,
      title: `A peer answered your feedback request: ${answered} of ${peers.length} peers have answered`,
      data: { assessmentId, relation: "peer", answered, asked: peers.length },
      dedupeKey: null,
    },
    now,
  );
}
