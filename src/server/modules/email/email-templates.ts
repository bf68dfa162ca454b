import { DateTime } from "luxon";
import type { NotificationKind } from "#core/notifications/notifications.schemas.ts";

/**
 * The HTML and plain-text bodies of every email. Only the notification's title and data reach a
 * template (never reflections, private notes, ratings or drafts), and every piece of text that
 * came from a person is escaped in the HTML.
 */
export type RenderedEmail = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Subject lines stay on one line and of a sane length, whatever the title holds. */
function subjectLine(value: string): string {
  const flat = value.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length > 150 ? `${flat.slice(0, 149)}…` : flat;
}

const intros: Record<NotificationKind, string> = {
  plan_comment: "There is a new comment on a section of your growth plan.",
  feedback_requested: "You were asked for feedback on a self-assessment.",
  feedback_answered: "A rater answered your feedback request.",
  feedback_due: "A feedback request you were asked to answer is due soon.",
  action_step_due: "An action step of one of your goals is due.",
  plan_check_in_due: "A check-in of your growth plan is due.",
  plan_stale: "Your growth plan has not been updated for 90 days.",
  pathway_quarter_starting: "A new quarter of your pathway starts.",
  manager_nudge: "Your manager sent you a nudge.",
  invitation_accepted: "Someone you invited has joined.",
  manager_changed:
    "Your manager changed. Your new manager can now see what you share with your manager.",
  conversation_scheduled: "A career conversation was scheduled with you.",
  conversation_changed: "A career conversation you take part in changed.",
  conversation_cancelled: "A career conversation you take part in was cancelled.",
  conversation_acknowledgement_needed:
    "Your career conversation is finished: confirm it happened and the notes are accurate.",
  conversation_acknowledged: "Your report confirmed your career conversation.",
  conversation_upcoming: "A career conversation is coming up.",
  conversation_action_item_due: "An action item from a career conversation is due.",
  live_session_invitation: "Your RSVP to a live learning session.",
  live_session_promoted: "A seat opened: you are going to a live learning session.",
  live_session_cancelled: "A live learning session you RSVPed to was cancelled.",
  mentorship_matched: "You were matched in a mentorship program.",
  shadow_application_to_decide: "A shadow program application waits for your decision.",
  shadow_application_updated: "Your shadow program application has news.",
  benefit_decision_needed: "A growth and development benefit request waits for your decision.",
  benefit_request_decided: "There is news about your growth and development benefit request.",
};

const actions: Record<NotificationKind, string> = {
  plan_comment: "Read the comment",
  feedback_requested: "Give feedback",
  feedback_answered: "See the answer",
  feedback_due: "Give feedback",
  action_step_due: "Open your goal",
  plan_check_in_due: "Open your plan",
  plan_stale: "Open your plan",
  pathway_quarter_starting: "Open your pathway",
  manager_nudge: "Open Trellis",
  invitation_accepted: "Open Trellis",
  manager_changed: "Review your sharing",
  conversation_scheduled: "Open the conversation",
  conversation_changed: "Open the conversation",
  conversation_cancelled: "Open your conversations",
  conversation_acknowledgement_needed: "Review and confirm",
  conversation_acknowledged: "Open the conversation",
  conversation_upcoming: "Prepare the conversation",
  conversation_action_item_due: "Open the action items",
  live_session_invitation: "Open the session",
  live_session_promoted: "Open the session",
  live_session_cancelled: "Open the calendar",
  mentorship_matched: "Meet your match",
  shadow_application_to_decide: "Review the application",
  shadow_application_updated: "Open your applications",
  benefit_decision_needed: "Review the request",
  benefit_request_decided: "Open your request",
};

type Frame = { heading: string; bodyHtml: string; footerHtml: string };

function page({ heading, bodyHtml, footerHtml }: Frame): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1a1b1e;background:#f8f9fa">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>`,
    bodyHtml,
    `<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0 12px">`,
    `<p style="font-size:12px;color:#495057">${footerHtml}</p>`,
    "</div></body></html>",
  ].join("\n");
}

function button(label: string, href: string): string {
  return `<p><a href="${escapeHtml(href)}" style="display:inline-block;background:#1c7ed6;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(label)}</a></p>`;
}

export type NotificationEmailInput = {
  kind: NotificationKind;
  recipientName: string;
  actorName: string | null;
  title: string;
  /** Absolute link into the app. */
  link: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
};

export function renderNotificationEmail(input: NotificationEmailInput): RenderedEmail {
  const intro = intros[input.kind];
  const by = input.actorName ? `From ${input.actorName}.` : null;
  const text = [
    `Hello ${input.recipientName},`,
    "",
    intro,
    "",
    input.title,
    ...(by ? [by] : []),
    "",
    `${actions[input.kind]}: ${input.link}`,
    "",
    "--",
    `Choose which emails you get: ${input.preferencesUrl}`,
    `Stop emails like this one: ${input.unsubscribeUrl}`,
  ].join("\n");
  const html = page({
    heading: input.title,
    bodyHtml: [
      `<p>Hello ${escapeHtml(input.recipientName)},</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      ...(by ? [`<p>${escapeHtml(by)}</p>`] : []),
      button(actions[input.kind], input.link),
    ].join("\n"),
    footerHtml: `<a href="${escapeHtml(input.preferencesUrl)}">Choose which emails you get</a> · <a href="${escapeHtml(input.unsubscribeUrl)}">Stop emails like this one</a>`,
  });
  return { subject: subjectLine(input.title), text, html };
}

export type DigestItem = { kind: NotificationKind; title: string; link: string; createdAt: string };

export function renderDigestEmail(input: {
  recipientName: string;
  frequency: "daily" | "weekly";
  items: readonly DigestItem[];
  appUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}): RenderedEmail {
  const heading = `Your ${input.frequency} Trellis digest: ${input.items.length} ${input.items.length === 1 ? "update" : "updates"}`;
  const text = [
    `Hello ${input.recipientName},`,
    "",
    "Here is what happened since your last digest:",
    "",
    ...input.items.map((item) => `- ${item.title}\n  ${item.link}`),
    "",
    `Open Trellis: ${input.appUrl}`,
    "",
    "--",
    `Choose which emails you get: ${input.preferencesUrl}`,
    `Stop these emails: ${input.unsubscribeUrl}`,
  ].join("\n");
  const html = page({
    heading,
    bodyHtml: [
      `<p>Hello ${escapeHtml(input.recipientName)},</p>`,
      "<p>Here is what happened since your last digest:</p>",
      "<ul>",
      ...input.items.map(
        (item) => `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.title)}</a></li>`,
      ),
      "</ul>",
      button("Open Trellis", input.appUrl),
    ].join("\n"),
    footerHtml: `<a href="${escapeHtml(input.preferencesUrl)}">Choose which emails you get</a> · <a href="${escapeHtml(input.unsubscribeUrl)}">Stop these emails</a>`,
  });
  return { subject: subjectLine(heading), text, html };
}

export function renderInvitationEmail(input: {
  name: string;
  url: string;
  expiresAt: string;
}): RenderedEmail {
  const expires = new Date(input.expiresAt).toUTCString();
  const text = [
    `Hello ${input.name},`,
    "",
    "You have been invited to Trellis, where you plan and track your career development.",
    "Choose your password with this link (it works once):",
    "",
    input.url,
    "",
    `The link expires on ${expires}.`,
  ].join("\n");
  const html = page({
    heading: "You are invited to Trellis",
    bodyHtml: [
      `<p>Hello ${escapeHtml(input.name)},</p>`,
      "<p>You have been invited to Trellis, where you plan and track your career development. Choose your password with this link (it works once):</p>",
      button("Choose your password", input.url),
      `<p>The link expires on ${escapeHtml(expires)}.</p>`,
    ].join("\n"),
    footerHtml: "You get this email because an administrator invited you.",
  });
  return { subject: "You are invited to Trellis", text, html };
}

const invitationWords = {
  conversation: {
    cancelled: "This career conversation was cancelled",
    open: "Open the conversation",
    openCancelled: "Open your conversations",
    footer:
      "You get this email because you take part in this career conversation. Choose which emails you get in your notification settings.",
  },
  live_session: {
    cancelled: "This live learning session is cancelled for you",
    open: "Open the session",
    openCancelled: "Open the session",
    footer:
      "You get this email because you RSVPed to this live learning session. Choose which emails you get in your notification settings.",
  },
} as const;

/**
 * The email around a career conversation's or a live session's iCalendar REQUEST or CANCEL; no
 * note text.
 */
export function renderCalendarInvitationEmail(input: {
  recipientName: string;
  subject: string;
  summary: string;
  cancelled: boolean;
  /** ISO instant. */
  startsAt: string;
  durationMinutes: number;
  /** The recipient's zone, in which the time is written. */
  timeZone: string;
  link: string;
  about?: keyof typeof invitationWords;
}): RenderedEmail {
  const words = invitationWords[input.about ?? "conversation"];
  const when = DateTime.fromISO(input.startsAt, { zone: input.timeZone }).toFormat(
    "cccc d LLLL yyyy, HH:mm (ZZZZ)",
  );
  const line = input.cancelled
    ? `${words.cancelled}: ${input.summary}, ${when}.`
    : `${input.summary}, ${when}, ${input.durationMinutes} minutes.`;
  const text = [
    `Hello ${input.recipientName},`,
    "",
    line,
    input.cancelled
      ? "Your calendar removes it when you open the attached update."
      : "Add it to your calendar with the attached invitation; later changes update it.",
    "",
    `${input.cancelled ? words.openCancelled : words.open}: ${input.link}`,
  ].join("\n");
  const html = page({
    heading: input.subject,
    bodyHtml: [
      `<p>Hello ${escapeHtml(input.recipientName)},</p>`,
      `<p>${escapeHtml(line)}</p>`,
      button(input.cancelled ? words.openCancelled : words.open, input.link),
    ].join("\n"),
    footerHtml: words.footer,
  });
  return { subject: subjectLine(input.subject), text, html };
}
