import { addMonths } from "../pathway/tenure.ts";

/**
 * When a member's next career conversation is due: pure, so the conversation list, the manager
 * workspace and the reminders agree. Dates are YYYY-MM-DD in the member's calendar.
 */

export type CadenceSettings = { firstAfterDays: number; intervalMonths: number };

export const defaultCadence: CadenceSettings = { firstAfterDays: 90, intervalMonths: 6 };

export type CadenceFacts = {
  hireDate: string | null;
  /** Date of the last held conversation (its scheduled day in the member's calendar). */
  lastHeldOn: string | null;
  /** The next date agreed at the end of the last held conversation. */
  agreedNextDate: string | null;
  /** Day of the next scheduled (not cancelled, not yet held) conversation. */
  nextScheduledOn: string | null;
  today: string;
};

export type Cadence = { nextDueOn: string | null; overdue: boolean };

function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

export function cadenceOf(facts: CadenceFacts, settings: CadenceSettings): Cadence {
  let nextDueOn: string | null = null;
  if (facts.lastHeldOn) {
    const rhythm = addMonths(facts.lastHeldOn, settings.intervalMonths);
    nextDueOn =
      facts.agreedNextDate && facts.agreedNextDate < rhythm ? facts.agreedNextDate : rhythm;
  } else if (facts.hireDate) {
    nextDueOn = addDays(facts.hireDate, settings.firstAfterDays);
  }
  const covered =
    facts.nextScheduledOn !== null && nextDueOn !== null && facts.nextScheduledOn <= nextDueOn;
  const overdue = nextDueOn !== null && nextDueOn < facts.today && !covered;
  return { nextDueOn, overdue };
}
