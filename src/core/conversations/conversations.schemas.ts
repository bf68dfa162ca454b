import { z } from "zod";
import { ErrorBody } from "../errors.ts";
import { BaseVersion } from "../growth-plan/saving.schemas.ts";
import { IsoDate, PersonId } from "../people.schemas.ts";

/**
 * Career conversations between a member and their manager (docs/api/conversations.md): the
 * agenda, shared notes per topic, each participant's private note, action items, the agreed next
 * date and the member's acknowledgement.
 */

export const conversationLimits = {
  topics: 20,
  topicTitle: 200,
  topicPrompt: 2_000,
  /** Markdown of one topic's shared notes, and of one private note. */
  notes: 20_000,
  actionItems: 50,
  actionItemTitle: 500,
  acknowledgementComment: 2_000,
  cancelReason: 500,
  guests: 5,
  minDurationMinutes: 15,
  maxDurationMinutes: 240,
} as const;

const text = (max: number) =>
  z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);

export const conversationStatuses = [
  "scheduled",
  /** Finished by a participant with the next date agreed; the member has not confirmed yet. */
  "awaiting_acknowledgement",
  /** The member confirmed it happened: only now does it count as held. */
  "held",
  "cancelled",
] as const;
export const ConversationStatus = z.enum(conversationStatuses);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const actionItemOwners = ["member", "manager"] as const;
export const ActionItemOwner = z.enum(actionItemOwners);
export type ActionItemOwner = z.infer<typeof ActionItemOwner>;

/** `key` is stable across edits of the agenda: shared notes are stored per key. */
export const TopicKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Use 1–40 lowercase letters, digits and dashes");

export const ConversationTopic = z.strictObject({
  key: TopicKey,
  title: z
    .string()
    .trim()
    .min(1, "Give the topic a title")
    .pipe(text(conversationLimits.topicTitle)),
  /** Guiding questions shown under the title. */
  prompt: text(conversationLimits.topicPrompt),
});
export type ConversationTopic = z.infer<typeof ConversationTopic>;

export const ConversationTopics = z
  .array(ConversationTopic)
  .min(1, "An agenda needs at least one topic")
  .max(conversationLimits.topics, `An agenda holds at most ${conversationLimits.topics} topics`)
  .superRefine((topics, issue) => {
    const seen = new Set<string>();
    topics.forEach((topic, index) => {
      if (seen.has(topic.key)) {
        issue.addIssue({
          code: "custom",
          path: [index, "key"],
          message: "Each topic needs its own key",
        });
      }
      seen.add(topic.key);
    });
  });

export const ScheduledAt = z.iso.datetime({ message: "Use an ISO-8601 UTC date and time" });
export const DurationMinutes = z
  .int("Use whole minutes")
  .min(
    conversationLimits.minDurationMinutes,
    `At least ${conversationLimits.minDurationMinutes} minutes`,
  )
  .max(
    conversationLimits.maxDurationMinutes,
    `At most ${conversationLimits.maxDurationMinutes} minutes`,
  );

export const ConversationId = z.uuid("Not a valid id");
export const ConversationIdParams = z.strictObject({ id: ConversationId });
export const TopicNoteParams = z.strictObject({ id: ConversationId, topicKey: TopicKey });
export const ActionItemParams = z.strictObject({
  id: ConversationId,
  itemId: z.uuid("Not a valid id"),
});
export const GuestParams = z.strictObject({ id: ConversationId, personId: PersonId });

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const SharedNoteView = z.object({
  topicKey: z.string(),
  body: z.string(),
  /** 0 before the first save. */
  version: z.int(),
  updatedBy: PersonRef.nullable(),
  updatedAt: z.string().nullable(),
});
export type SharedNoteView = z.infer<typeof SharedNoteView>;

/** The caller's own private note; no one else's is ever in any answer. */
export const PrivateNoteView = z.object({
  body: z.string(),
  version: z.int(),
  updatedAt: z.string().nullable(),
});
export type PrivateNoteView = z.infer<typeof PrivateNoteView>;

export const ActionItemView = z.object({
  id: z.string(),
  conversationId: z.string(),
  owner: ActionItemOwner,
  title: z.string(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  /** The plan goal or action step it became; shown to the member and their manager. */
  planLink: z
    .object({ planId: z.string(), goalId: z.string(), actionStepId: z.string().nullable() })
    .nullable(),
  version: z.int(),
});
export type ActionItemView = z.infer<typeof ActionItemView>;

/** What the caller is to this conversation. */
export const conversationRoles = ["member", "manager", "former_manager", "guest"] as const;
export const ConversationRole = z.enum(conversationRoles);
export type ConversationRole = z.infer<typeof ConversationRole>;

export const ConversationSummary = z.object({
  id: z.string(),
  member: PersonRef,
  manager: PersonRef,
  status: ConversationStatus,
  scheduledAt: z.string(),
  durationMinutes: z.int(),
  nextDate: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  openActionItems: z.int(),
  myRole: ConversationRole,
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationView = ConversationSummary.extend({
  startedBy: PersonRef,
  templateId: z.string().nullable(),
  topics: z.array(ConversationTopic),
  sharedNotes: z.array(SharedNoteView),
  /** Null for a guest and a former manager of an upcoming one (they never get here). */
  privateNote: PrivateNoteView.nullable(),
  /** Empty for a guest: a guest sees the agenda and the shared notes only. */
  actionItems: z.array(ActionItemView),
  /** Open items of the member's earlier conversations, carried onto this agenda. */
  carriedOver: z.array(ActionItemView),
  guests: z.array(PersonRef),
  acknowledgementComment: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The member's plan and assessment, each only where the caller may read it. */
  links: z.object({
    activePlan: z.object({ id: z.string(), title: z.string() }).nullable(),
    latestAssessment: z
      .object({ id: z.string(), roleTitle: z.string(), finishedAt: z.string().nullable() })
      .nullable(),
  }),
  /** What the caller may do now. */
  can: z.object({
    edit: z.boolean(),
    finish: z.boolean(),
    acknowledge: z.boolean(),
    cancel: z.boolean(),
    inviteGuest: z.boolean(),
  }),
  version: z.int(),
});
export type ConversationView = z.infer<typeof ConversationView>;

/** When a member's last conversation was held and when the next one is due. */
export const ConversationCadence = z.object({
  memberId: z.string(),
  lastHeldOn: z.string().nullable(),
  /** The agreed next date, or the rhythm's date from the last held one or the hire date. */
  nextDueOn: z.string().nullable(),
  /** The next scheduled (not cancelled) conversation, if any. */
  nextScheduledAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type ConversationCadence = z.infer<typeof ConversationCadence>;

export const ConversationListQuery = z.strictObject({
  /** Whose conversations: the caller's own (as member or manager participant) when omitted. */
  memberId: PersonId.optional(),
});

export const ConversationList = z.object({
  items: z.array(ConversationSummary),
  /** The member's cadence when `memberId` is given and the caller is the member or manager. */
  cadence: ConversationCadence.nullable(),
});
export type ConversationList = z.infer<typeof ConversationList>;

export const CreateConversationBody = z.strictObject({
  /** The member: the caller themself (with their manager) or one of the caller's reports. */
  memberId: PersonId,
  scheduledAt: ScheduledAt,
  durationMinutes: DurationMinutes.optional(),
  /** The default template when omitted. */
  templateId: z.uuid("Not a valid id").optional(),
});
export type CreateConversationBody = z.infer<typeof CreateConversationBody>;

export const UpdateConversationBody = z.strictObject({
  baseVersion: BaseVersion,
  scheduledAt: ScheduledAt.optional(),
  durationMinutes: DurationMinutes.optional(),
  topics: ConversationTopics.optional(),
});
export type UpdateConversationBody = z.infer<typeof UpdateConversationBody>;

export const SaveNoteBody = z.strictObject({
  baseVersion: BaseVersion,
  body: text(conversationLimits.notes),
});
export type SaveNoteBody = z.infer<typeof SaveNoteBody>;

/** 409 to a stale shared-note save: what is stored now. Nothing was written. */
export const SharedNoteConflict = ErrorBody.extend({ current: SharedNoteView });
export const PrivateNoteConflict = ErrorBody.extend({ current: PrivateNoteView });
export const ConversationConflict = ErrorBody.extend({ current: ConversationView });
export const ActionItemConflict = ErrorBody.extend({ current: ActionItemView.nullable() });

export const CreateActionItemBody = z.strictObject({
  owner: ActionItemOwner,
  title: z
    .string()
    .trim()
    .min(1, "Say what is to be done")
    .pipe(text(conversationLimits.actionItemTitle)),
  dueOn: IsoDate.nullable().optional(),
});
export type CreateActionItemBody = z.infer<typeof CreateActionItemBody>;

export const UpdateActionItemBody = z.strictObject({
  baseVersion: BaseVersion,
  owner: ActionItemOwner.optional(),
  title: CreateActionItemBody.shape.title.optional(),
  dueOn: IsoDate.nullable().optional(),
  done: z.boolean().optional(),
});
export type UpdateActionItemBody = z.infer<typeof UpdateActionItemBody>;

export const DeleteActionItemBody = z.strictObject({ baseVersion: BaseVersion });

/** A member's action item becomes a goal, or an action step of one of their goals. */
export const ActionItemToPlanBody = z.discriminatedUnion("as", [
  z.strictObject({ as: z.literal("goal") }),
  z.strictObject({ as: z.literal("action_step"), goalId: z.uuid("Not a valid id") }),
]);
export type ActionItemToPlanBody = z.infer<typeof ActionItemToPlanBody>;

export const ActionItemToPlanResult = z.object({
  item: ActionItemView,
  planId: z.string(),
  goalId: z.string(),
});

export const FinishConversationBody = z.strictObject({
  baseVersion: BaseVersion,
  /** The next date agreed at the end. */
  nextDate: IsoDate,
});

export const AcknowledgeConversationBody = z.strictObject({
  baseVersion: BaseVersion,
  /** Optional remark: what the member would add or correct. */
  comment: text(conversationLimits.acknowledgementComment).optional(),
});

export const CancelConversationBody = z.strictObject({
  baseVersion: BaseVersion,
  reason: text(conversationLimits.cancelReason).optional(),
});

export const InviteGuestBody = z.strictObject({ personId: PersonId });

export const ConversationExportQuery = z.strictObject({ format: z.enum(["markdown", "pdf"]) });
