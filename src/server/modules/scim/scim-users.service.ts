import { UpdatePersonBody } from "#core/people.schemas.ts";
import type {
  ScimListQuery,
  ScimPatchBody,
  ScimResponse,
  ScimUserBody,
} from "#core/scim.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { assertCanManagePeople } from "#server/modules/people/people.policy.ts";
import {
  countActiveDirectReports,
  findPersonById,
  type PersonRow,
} from "#server/modules/people/people.queries.ts";
import {
  addPerson,
  deactivateInTransaction,
  reactivatePerson,
  updatePersonDetails,
} from "#server/modules/people/people-admin.service.ts";
import {
  personVersion,
  presentListResponse,
  presentScimUser,
  selectAttributes,
} from "./scim.presenters.ts";
import { findScimPerson, searchScimPeople } from "./scim.queries.ts";
import { ScimError } from "./scim-errors.ts";
import { peopleFilterCondition } from "./scim-filter.ts";
import {
  applyPatch,
  modelOfBody,
  modelOfPerson,
  nameOfModel,
  type ScimUserModel,
} from "./scim-user-model.ts";

/**
 * SCIM Users. Every change goes through the people service as an admin edit by the token's
 * issuer (docs/api/scim.md): the same checks, audit rows, session ends and access moves.
 */

export type ScimUserAnswer = { resource: ScimResponse; version: string };

const noSuchUser = (id: string) => new ScimError(404, `No user with id ${id}.`);

export function scimBaseUrl(ctx: AppContext): string {
  return new URL("/scim/v2", ctx.config.publicUrl).toString();
}

function answer(ctx: AppContext, person: PersonRow): ScimUserAnswer {
  return { resource: presentScimUser(person, scimBaseUrl(ctx)), version: personVersion(person) };
}

/** RFC 7644 §3.14: a stale `If-Match` is 412; `*` and absent match anything. */
export function assertVersionMatches(ifMatch: string | undefined, current: string): void {
  if (ifMatch === undefined) return;
  const wanted = ifMatch.split(",").map((tag) => tag.trim());
  if (wanted.includes("*") || wanted.includes(current)) return;
  throw new ScimError(412, "The resource changed since that version was read.");
}

export async function listScimUsers(ctx: AppContext, query: ScimListQuery): Promise<ScimResponse> {
  const condition = query.filter?.trim() ? peopleFilterCondition(query.filter) : null;
  const { people, total } = await searchScimPeople(ctx.db, condition, {
    offset: query.startIndex - 1,
    limit: query.count,
  });
  const base = scimBaseUrl(ctx);
  const resources = people.map((person) =>
    selectAttributes(presentScimUser(person, base), query.attributes, query.excludedAttributes),
  );
  return presentListResponse(resources, total, query.startIndex);
}

export async function getScimUser(ctx: AppContext, id: string): Promise<ScimUserAnswer> {
  const person = await findScimPerson(ctx.db, id);
  if (!person) throw noSuchUser(id);
  return answer(ctx, person);
}

/** What the model asks of the people rules, checked by their own field rules. */
function peopleFieldsOf(model: ScimUserModel) {
  const name = nameOfModel(model);
  const shown = model.nickName ?? model.displayName;
  const parsed = UpdatePersonBody.safeParse({
    email: model.userName,
    name,
    preferredName: shown && shown !== name ? shown : null,
    jobTitle: model.title,
    department: model.department,
    division: model.division,
    timeZone: model.timezone,
    managerId: model.managerId,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${scimAttributeOf(String(issue.path[0] ?? ""))}: ${issue.message}`)
      .join("; ");
    throw new ScimError(400, `Invalid user: ${problems}`, "invalidValue");
  }
  return parsed.data;
}

const scimAttributeNames: Record<string, string> = {
  email: "userName",
  name: "name",
  preferredName: "displayName",
  jobTitle: "title",
  department: "department",
  division: "division",
  timeZone: "timezone",
  managerId: "manager.value",
};
const scimAttributeOf = (field: string) => scimAttributeNames[field] ?? field;

function provisionedOf(model: ScimUserModel) {
  return { employeeNumber: model.employeeNumber, externalId: model.externalId };
}

export async function createScimUser(
  ctx: AppContext,
  actor: Actor,
  body: ScimUserBody,
  meta: RequestMeta,
): Promise<ScimUserAnswer> {
  const model = modelOfBody(body);
  const fields = peopleFieldsOf(model);
  const person = await addPerson(
    ctx,
    actor,
    {
      ...fields,
      email: fields.email ?? model.userName,
      name: fields.name ?? model.userName,
      role: "member",
    },
    meta,
    provisionedOf(model),
  );
  if (model.active) return answer(ctx, person);
  await deactivateScimUser(ctx, actor, person.id, meta);
  return getScimUser(ctx, person.id);
}

/** Saves a whole model onto a stored person: fields, then the active flag. */
async function saveModel(
  ctx: AppContext,
  actor: Actor,
  person: PersonRow,
  model: ScimUserModel,
  meta: RequestMeta,
): Promise<ScimUserAnswer> {
  const fields = peopleFieldsOf(model);
  await updatePersonDetails(ctx, actor, person.id, fields, meta, provisionedOf(model));
  if (!model.active && person.status === "active") {
    await deactivateScimUser(ctx, actor, person.id, meta);
  } else if (model.active && person.status === "deactivated") {
    await reactivatePerson(ctx, actor, person.id, meta);
  }
  return getScimUser(ctx, person.id);
}

export async function replaceScimUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: ScimUserBody,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<ScimUserAnswer> {
  const person = await findScimPerson(ctx.db, id);
  if (!person) throw noSuchUser(id);
  assertVersionMatches(ifMatch, personVersion(person));
  return saveModel(ctx, actor, person, modelOfBody(body), meta);
}

export async function patchScimUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: ScimPatchBody,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<ScimUserAnswer> {
  const person = await findScimPerson(ctx.db, id);
  if (!person) throw noSuchUser(id);
  assertVersionMatches(ifMatch, personVersion(person));
  const model = applyPatch(modelOfPerson(person), body.Operations);
  return saveModel(ctx, actor, person, model, meta);
}

/**
 * DELETE and `active: false`: deactivation as the people service does it, sessions ended in the
 * same transaction, data kept. Unlike the admin page it does not wait for the person's reports
 * to get a new manager: the identity provider is the source of truth for who has left, and the
 * reports' next update brings their new manager. How many were left is in the audit row.
 */
export async function deactivateScimUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  ifMatch?: string,
): Promise<void> {
  assertCanManagePeople(actor);
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "reporting-lines");
    const person = await findPersonById(trx, id);
    if (!person || person.erased_at !== null) throw noSuchUser(id);
    assertVersionMatches(ifMatch, personVersion(person));
    if (person.status === "deactivated") return;
    const reports = (await countActiveDirectReports(trx, [person.id])).get(person.id) ?? 0;
    await deactivateInTransaction(trx, ctx, actor, person, meta, {
      scim: 1,
      ...(reports > 0 ? { activeReportsLeft: reports } : {}),
    });
  });
}
