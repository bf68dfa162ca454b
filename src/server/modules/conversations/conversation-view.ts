import type { ConversationView } from "#core/conversations/conversations.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import {
  assessmentFacts,
  loadAssessment,
} from "#server/modules/career-paths/career-assessments.access.ts";
import { careerAssessmentPolicies } from "#server/modules/career-paths/career-assessments.policy.ts";
import { listAssessmentsOfPerson } from "#server/modules/career-paths/career-assessments.queries.ts";
import { loadPlan } from "#server/modules/growth-plans/growth-plans.access.ts";
import { growthPlanPolicies } from "#server/modules/growth-plans/growth-plans.policy.ts";
import { findActivePlanOfOwner } from "#server/modules/growth-plans/growth-plans.queries.ts";
import { listPeopleByIds, type PersonRow } from "#server/modules/people/people.queries.ts";
import {
  countOpenItemsOfConversations,
  listActionItems,
  listCarriedOverItems,
} from "./conversation-action-items.queries.ts";
import type { LoadedConversation } from "./conversations.access.ts";
import {
  conversationPolicies,
  type PolicyActor,
  readsDetails,
  roleIn,
} from "./conversations.policy.ts";
import {
  presentActionItem,
  presentConversationSummary,
  presentPersonRef,
  presentPrivateNote,
  presentSharedNotes,
} from "./conversations.presenters.ts";
import { findPrivateNote, listSharedNotes } from "./conversations.queries.ts";

/**
 * The one view of a conversation every answer is built from. What it holds follows the policy:
 * a guest gets the agenda and the shared notes; the private note is always the caller's own.
 */
export async function buildConversationView(
  db: Db,
  actor: PolicyActor,
  loaded: LoadedConversation,
): Promise<ConversationView> {
  const { conversation, member, facts } = loaded;
  const role = roleIn(actor, facts) ?? "guest";
  const details = readsDetails(actor, facts);
  const [notes, privateNote, items, carried, open, links] = await Promise.all([
    listSharedNotes(db, conversation.id),
    details ? findPrivateNote(db, conversation.id, actor.personId) : undefined,
    details ? listActionItems(db, conversation.id) : [],
    details
      ? listCarriedOverItems(db, conversation.member_id, {
          scheduledAt: conversation.scheduled_at,
          conversationId: conversation.id,
        })
      : [],
    countOpenItemsOfConversations(db, [conversation.id]),
    details ? linksFor(db, actor, member) : { activePlan: null, latestAssessment: null },
  ]);
  const personIds = new Set([
    conversation.member_id,
    conversation.manager_id,
    conversation.started_by,
    ...facts.guestIds,
    ...notes.flatMap((note) => (note.updated_by ? [note.updated_by] : [])),
  ]);
  const people = new Map(
    (await listPeopleByIds(db, [...personIds])).map((person) => [person.id, person]),
  );
  const summary = presentConversationSummary(
    conversation,
    people,
    role,
    open.get(conversation.id) ?? 0,
  );
  return {
    ...summary,
    startedBy: presentPersonRef(people, conversation.started_by),
    templateId: conversation.template_id,
    topics: conversation.topics,
    sharedNotes: presentSharedNotes(conversation.topics, notes, people),
    privateNote: details ? presentPrivateNote(privateNote) : null,
    actionItems: items.map(presentActionItem),
    carriedOver: carried.map(presentActionItem),
    guests: facts.guestIds.map((id) => presentPersonRef(people, id)),
    acknowledgementComment: details ? conversation.acknowledgement_comment : null,
    cancelledAt: conversation.cancelled_at,
    cancelReason: conversation.cancel_reason,
    links,
    can: {
      edit: conversationPolicies.edit(actor, facts),
      finish: conversationPolicies.finish(actor, facts),
      acknowledge: conversationPolicies.acknowledge(actor, facts),
      cancel: conversationPolicies.cancel(actor, facts),
      inviteGuest: conversationPolicies.manageGuests(actor, facts),
    },
    version: conversation.version,
  };
}

/** The member's active plan and latest finished assessment, each only where the caller reads it. */
async function linksFor(
  db: Db,
  actor: PolicyActor,
  member: PersonRow,
): Promise<ConversationView["links"]> {
  const [plan, assessments] = await Promise.all([
    findActivePlanOfOwner(db, member.id),
    listAssessmentsOfPerson(db, member.id),
  ]);
  let activePlan: ConversationView["links"]["activePlan"] = null;
  if (plan) {
    const { facts } = await loadPlan(db, plan.id);
    if (growthPlanPolicies.read(actor, facts)) activePlan = { id: plan.id, title: plan.title };
  }
  const latest = assessments
    .filter((assessment) => assessment.status === "finished")
    .sort((a, b) => (b.finished_at ?? "").localeCompare(a.finished_at ?? ""))[0];
  let latestAssessment: ConversationView["links"]["latestAssessment"] = null;
  if (latest && careerAssessmentPolicies.read(actor, assessmentFacts(latest, member))) {
    const loaded = await loadAssessment(db, latest.id).catch(() => null);
    if (loaded) {
      latestAssessment = {
        id: latest.id,
        roleTitle: loaded.role.title,
        finishedAt: latest.finished_at,
      };
    }
  }
  return { activePlan, latestAssessment };
}
