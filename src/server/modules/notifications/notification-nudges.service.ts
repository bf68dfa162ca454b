import type { NudgeBody, NudgeSent } from "#core/notifications/notifications.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { assertCanNudge } from "./notifications.policy.ts";
import { claimOccurrence } from "./notifications.queries.ts";
import { notify } from "./notify.ts";

const topicWords = { plan: "your growth plan", pathway: "your pathway" } as const;
const topicLinks = { plan: "/growth-plans", pathway: "/pathway" } as const;

const noSuchPerson = () => new AppError("not_found", "No such person.");

function nextUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/**
 * A manager reminds a direct report of their plan or pathway, at most once per report per UTC
 * day (whichever manager sends it); the claim and the notification share one transaction.
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
  const day = now.toISOString().slice(0, 10);
  const nextAllowedAt = nextUtcDay(now).toISOString();
  const message = input.message?.trim() ?? "";
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    if (!(await claimOccurrence(trx, `manager_nudge:${personId}:${day}`, now.toISOString()))) {
      return false;
    }
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
      `${person.preferred_name || person.name} was already nudged today. One nudge a day is enough.`,
      { about: `One nudge per person per day; try again after ${nextAllowedAt}` },
    );
  }
  return { nextAllowedAt };
}
