import type {
  NotificationChannel,
  NotificationKind,
} from "#core/notifications/notifications.schemas.ts";

/** What each kind is, in the words of the preferences page. */
export const kindLabels: Record<NotificationKind, { label: string; description: string }> = {
  plan_comment: {
    label: "Comments on my growth plan",
    description: "Someone comments on a section you shared, or the owner replies to you.",
  },
  feedback_requested: {
    label: "Feedback requests",
    description: "A colleague asks you to rate their self-assessment.",
  },
  feedback_answered: {
    label: "Feedback answered",
    description: "Your manager or a peer answered your request (peers are never named).",
  },
  feedback_due: {
    label: "Feedback due",
    description: "A feedback request you were asked for is due soon.",
  },
  action_step_due: {
    label: "Action steps due",
    description: "A step of one of your goals is due.",
  },
  plan_check_in_due: {
    label: "Plan check-ins",
    description: "A check-in of your growth plan is due.",
  },
  plan_stale: {
    label: "Plan not updated",
    description: "Your growth plan has not changed for 90 days.",
  },
  pathway_quarter_starting: {
    label: "Pathway quarters",
    description: "A quarter of your pathway starts, with its activities.",
  },
  manager_nudge: {
    label: "Nudges from my manager",
    description: "Your manager reminds you of your plan or pathway.",
  },
  invitation_accepted: {
    label: "Invitations accepted",
    description: "Someone you invited set their password.",
  },
  manager_changed: {
    label: "Manager changes",
    description: "Your manager changed, and with it who reads what you share with your manager.",
  },
  conversation_scheduled: {
    label: "Career conversations scheduled",
    description: "A career conversation with you is scheduled, or you are invited as a guest.",
  },
  conversation_changed: {
    label: "Career conversations changed",
    description: "The time or the agenda of a career conversation changes.",
  },
  conversation_cancelled: {
    label: "Career conversations cancelled",
    description: "A career conversation you take part in is cancelled.",
  },
  conversation_acknowledgement_needed: {
    label: "Conversations to confirm",
    description: "A career conversation is finished and waits for you to confirm it.",
  },
  conversation_acknowledged: {
    label: "Conversations confirmed",
    description: "Your report confirmed a career conversation.",
  },
  conversation_upcoming: {
    label: "Upcoming career conversations",
    description: "A reminder the day before a career conversation.",
  },
  conversation_action_item_due: {
    label: "Conversation action items due",
    description: "An action item you own from a career conversation is due.",
  },
  live_session_invitation: {
    label: "Live session invitations",
    description:
      "The calendar invitation when you RSVP to a live learning session, and its updates.",
  },
  live_session_promoted: {
    label: "Waitlist seat opened",
    description: "You moved from a live session's waitlist to going.",
  },
  live_session_cancelled: {
    label: "Live session cancelled",
    description: "A live learning session you RSVPed to was cancelled.",
  },
  mentorship_matched: {
    label: "Mentorship matches",
    description: "You are matched with a mentor or a mentee in a mentorship program.",
  },
  shadow_application_to_decide: {
    label: "Shadow applications to decide",
    description: "A report's shadow program application, or one to your program, waits for you.",
  },
  shadow_application_updated: {
    label: "My shadow applications",
    description: "Your shadow program application is approved, waitlisted, confirmed or declined.",
  },
  benefit_decision_needed: {
    label: "Benefit requests to decide",
    description: "A report's growth and development benefit request waits for you (or L&D).",
  },
  benefit_request_decided: {
    label: "My benefit requests",
    description: "Your benefit request was approved, declined or paid.",
  },
};

export const channelLabels: Record<NotificationChannel, string> = {
  email: "Email and in-app",
  in_app: "In-app only",
  off: "Off",
};

export const weekdayLabels = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;
