import type {
  AdminPeopleList,
  AdminPeopleQuery,
  BulkDeactivateBody,
  BulkDeactivateResult,
} from "#core/people-admin.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { AppError } from "#server/errors.ts";
import { assertCanManagePeople } from "./people.policy.ts";
import { presentPersonSummary } from "./people.presenters.ts";
import { listPeopleByIds } from "./people.queries.ts";
import { noSuchPerson } from "./people.service.ts";
import {
  listActiveReportsOutside,
  listGroupValues,
  listManagers,
  listPeopleForAdmin,
} from "./people-admin.queries.ts";
import { deactivateInTransaction } from "./people-admin.service.ts";

// The administrators' people list and what they do to several people at once.

export async function listPeopleAsAdmin(
  ctx: AppContext,
  actor: Actor,
  query: AdminPeopleQuery,
): Promise<AdminPeopleList> {
  assertCanManagePeople(actor);
  const { rows, total } = await listPeopleForAdmin(ctx.db, query);
  const departments = await listGroupValues(ctx.db, "department");
  const teams = await listGroupValues(ctx.db, "team");
  const managers = await listManagers(ctx.db);
  return {
    people: rows.map((row) => ({
      ...presentPersonSummary(row),
      role: row.role,
      managerName: row.manager_name,
      lastSignInAt: row.last_sign_in_at,
    })),
    total,
    limit: query.limit,
    offset: query.offset,
    options: {
      departments,
      teams,
      managers: managers.map((manager) => ({
        id: manager.id,
        displayName: manager.preferred_name || manager.name,
      })),
    },
  };
}

/**
 * Deactivates everyone chosen in one transaction, or no one: not the admin themself, and not
 * someone who still manages an active person left out of the choice.
 */
export async function deactivatePeople(
  ctx: AppContext,
  actor: Actor,
  body: BulkDeactivateBody,
  meta: RequestMeta,
): Promise<BulkDeactivateResult> {
  assertCanManagePeople(actor);
  const ids = [...new Set(body.personIds)];
  return ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "reporting-lines");
    const people = await listPeopleByIds(trx, ids);
    if (people.length !== ids.length) throw noSuchPerson();
    if (ids.includes(actor.personId)) {
      throw new AppError("conflict", "You cannot deactivate your own account.", {
        personIds: "Leave yourself out",
      });
    }
    const leftBehind = await listActiveReportsOutside(trx, ids);
    if (leftBehind.length > 0) {
      const managers = people.filter((person) =>
        leftBehind.some((report) => report.manager_id === person.id),
      );
      throw new AppError(
        "conflict",
        `${managers.map((person) => person.name).join(", ")} still ${managers.length === 1 ? "manages" : "manage"} active people. Give them a new manager first, or choose them too.`,
        { personIds: "Someone chosen still manages active people" },
      );
    }
    const deactivated: string[] = [];
    const alreadyDeactivated: string[] = [];
    for (const person of people) {
      if (person.status === "deactivated") {
        alreadyDeactivated.push(person.id);
        continue;
      }
      await deactivateInTransaction(trx, ctx, actor, person, meta, { bulk: ids.length });
      deactivated.push(person.id);
    }
    return { deactivated, alreadyDeactivated };
  });
}
