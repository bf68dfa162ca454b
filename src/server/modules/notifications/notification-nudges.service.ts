import type {
  NudgeBody,
  NudgeSent,
  NudgeTopic,
} from "#core/notifications/notifications.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { assertCanNudge } from "./notifications.policy.ts";
import { claimOccurrence } from "./notifications.queries.ts";
import { notify } from "./notify.ts";

const topicWords = {
  plan: "your growth plan",
  pathway: "your pathway",
  conversation: "scheduling your career conversation",
} as const satisfies Record<NudgeTopic, string>;
const topicLinks = {
  plan: "/growth-plans",
  pathway: "/pathway",
  conversation: "/conversations",
} as const satisfies Record<NudgeTopic, string>;
const topicNames = {
  plan: "growth plan",
  pathway: "pathway",
  conversation: "career conversation",
} as const satisfies Record<NudgeTopic, string>;

const noSuchPerson = () => new AppError("not_found", "No such person.");

const dayMilliseconds = 86_400_000;

/** Monday 00:00 UTC of the ISO week `now` is in. */
function weekStartOf(now: Date): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * dayMilliseconds);
}

/** When the week of `now` ends: the next nudge of a kind already sent this week may go then. */
export function nextNudgeWeek(now: Date): Date {
  return new Date(weekStartOf(now).getTime() + 7 * dayMilliseconds);
}

/**
 * The claim of one nudge kind to one person in one week (UTC, starting Monday): a unique key, so
 * two managers or two tabs sending at once still send one.
 */
export function nudgeClaimKey(personId: string, about: NudgeTopic, now: Date): string {
  return `manager_nudge:${personId}:${about}:${weekStartOf(now).toISOString().slice(0, 10)}`;
}

/**
 * A manager reminds a direct report of their plan, pathway or career conversation, at most once
 * per kind per report per calendar week (Monday to Sunday, UTC), whichever manager sends it; the
 * claim and the notification share one transaction.
 */
export async function nudgeReport(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: NudgeBody,
): Promise<NudgeSent> {
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw noSuchPerson();
  assertCanNudge(actor, {
    personId,
    managerId: person.manager_id,
    active: person.status === "active",
  });
  const manager = await findPersonById(ctx.db, actor.personId);
  const managerName = manager ? manager.preferred_name || manager.name : "Your manager";
  const now = ctx.clock.now();
  const nextAllowedAt = nextNudgeWeek(now).toISOString();
  const message = input.message?.trim() ?? "";
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    const key = nudgeClaimKey(personId, input.about, now);
    if (!(await claimOccurrence(trx, key, now.toISOString()))) return false;
    await notify(
      trx,
      {
        personId,
        kind: "manager_nudge",
        actorId: actor.personId,
        subject: { type: "person", id: personId },
        link: topicLinks[input.about],
        title: `${managerName} nudged you about ${topicWords[input.about]}${message ? `: “${message}”` : ""}`,
        data: { about: input.about, message },
        dedupeKey: null,
      },
      now,
    );
    return true;
  });
  if (!claimed) {
    throw new AppError(
      "rate_limited",
      `${person.preferred_name || person.name} was already nudged about their ${topicNames[input.about]} this week. One a week is enough.`,
      { about: `One nudge of each kind per person per week; try again after ${nextAllowedAt}` },
    );
  }
  return { nextAllowedAt };
}
