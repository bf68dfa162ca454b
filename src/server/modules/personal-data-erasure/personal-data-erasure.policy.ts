import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

type PolicyActor = Pick<Actor, "personId" | "role">;

/** Erasing a person's data: admins only, never themselves (docs/personal-data-erasure.md). */
export const erasurePolicies = definePolicies("personalDataErasure", {
  /** See what erasing would do, and do it. */
  erase: (actor: PolicyActor): boolean => actor.role === "admin",
});

export function assertCanErase(actor: PolicyActor): void {
  if (!erasurePolicies.erase(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
}

/** Why this person cannot be erased by this actor now, or null. */
export function erasureRefusal(
  actor: PolicyActor,
  person: { id: string; role: string; status: string; erasedAt: string | null },
  otherActiveAdmins: number,
): string | null {
  if (person.erasedAt) return "This person's data has already been erased.";
  if (person.id === actor.personId) return "You cannot erase your own account.";
  if (person.role === "admin" && otherActiveAdmins === 0) {
    return "This person is the last administrator. Make someone else an administrator first.";
  }
  return null;
}
