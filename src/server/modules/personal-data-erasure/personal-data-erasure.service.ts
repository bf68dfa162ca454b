import type {
  EraseBody,
  ErasurePreview,
  ErasureResult,
} from "#core/personal-data-erasure.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { AppError, notFound } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById, type PersonRow } from "#server/modules/people/people.queries.ts";
import { type ErasureSubject, runErasurePlan } from "./erasure-engine.ts";
import { assertCanErase, erasureRefusal } from "./personal-data-erasure.policy.ts";
import { countOtherActiveAdmins } from "./personal-data-erasure.queries.ts";

// Erasing a person (docs/personal-data-erasure.md): their own content is deleted, what others
// need stays pointing at their pseudonymised row, in one transaction with its audit row.

/** What the admin types to confirm: "ERASE " and the person's email. */
export function confirmationPhraseFor(person: Pick<PersonRow, "email">): string {
  return `ERASE ${person.email}`;
}

function subjectOf(person: PersonRow): ErasureSubject {
  return {
    id: person.id,
    email: person.email,
    emailNormalized: person.email_normalized,
    names: [person.name, ...(person.preferred_name ? [person.preferred_name] : [])],
  };
}

async function loadErasable(trx: Db, actor: Pick<Actor, "personId" | "role">, id: string) {
  const person = await findPersonById(trx, id);
  if (!person) throw notFound("No such person.");
  const refusal = erasureRefusal(
    actor,
    { id: person.id, role: person.role, status: person.status, erasedAt: person.erased_at },
    await countOtherActiveAdmins(trx, person.id),
  );
  if (refusal) throw new AppError("conflict", refusal);
  return person;
}

export async function previewErasure(
  ctx: AppContext,
  actor: Actor,
  personId: string,
): Promise<ErasurePreview> {
  assertCanErase(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const person = await loadErasable(trx, actor, personId);
    const outcome = await runErasurePlan(trx, subjectOf(person), {
      apply: false,
      now: ctx.clock.now().toISOString(),
    });
    const of = (handlings: string[]) =>
      outcome.effects.filter((effect) => handlings.includes(effect.handling));
    return {
      person: { id: person.id, name: person.name, email: person.email },
      confirmationPhrase: confirmationPhraseFor(person),
      deleted: of(["delete"]).filter((effect) => effect.rows > 0),
      pseudonymised: of(["pseudonymise", "set-null"]).filter(
        (effect) =>
          effect.rows > 0 || (effect.table === "people" && effect.handling === "pseudonymise"),
      ),
      kept: of(["keep"]),
    };
  });
}

export async function erasePerson(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  body: EraseBody,
  meta: RequestMeta,
): Promise<ErasureResult> {
  assertCanErase(actor);
  return ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "reporting-lines");
    const person = await loadErasable(trx, actor, personId);
    if (body.confirmation.trim() !== confirmationPhraseFor(person)) {
      throw new AppError("validation_failed", "Type the confirmation phrase exactly.", {
        confirmation: `Type “${confirmationPhraseFor(person)}” to confirm`,
      });
    }
    return erasePersonInTransaction(trx, ctx, actor.personId, person, meta);
  });
}

/**
 * The erasure itself, in the caller's transaction, once the checks have passed; retention
 * calls it for people deactivated long enough ago (actorId null).
 */
export async function erasePersonInTransaction(
  trx: Db,
  ctx: Pick<AppContext, "clock">,
  actorId: string | null,
  person: PersonRow,
  meta: RequestMeta | null,
): Promise<ErasureResult> {
  const erasedAt = ctx.clock.now().toISOString();
  const outcome = await runErasurePlan(trx, subjectOf(person), { apply: true, now: erasedAt });
  await recordAuditEvent(trx, ctx.clock, meta, {
    action: "people.erased",
    actorId,
    target: { type: "person", id: person.id },
    details: { deletedRows: sum(outcome.deleted), changedRows: sum(outcome.changed) },
  });
  return { personId: person.id, erasedAt, deleted: outcome.deleted, changed: outcome.changed };
}

const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((total, n) => total + n, 0);
