import { newId } from "#core/ids.ts";
import type {
  ScimGroupBody,
  ScimListQuery,
  ScimPatchBody,
  ScimPatchOperation,
  ScimResponse,
} from "#core/scim.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import {
  listProgramPeople,
  replaceProgramPeople,
} from "#server/modules/mentorship/mentorship.queries.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { updatePersonDetails } from "#server/modules/people/people-admin.service.ts";
import {
  groupVersion,
  presentListResponse,
  presentScimGroup,
  selectAttributes,
} from "./scim.presenters.ts";
import {
  addGroupMembers,
  deleteScimGroup,
  findMentorshipProgramByName,
  findScimGroup,
  findScimGroupByName,
  insertScimGroup,
  isInOtherAdminGroup,
  listGroupMembers,
  removeGroupMembers,
  type ScimGroupRow,
  searchScimGroups,
  updateScimGroup,
} from "./scim.queries.ts";
import { ScimError } from "./scim-errors.ts";
import { groupFilterCondition } from "./scim-filter.ts";
import { assertVersionMatches, scimBaseUrl } from "./scim-users.service.ts";

/**
 * SCIM Groups. A group means something in Trellis by its displayName (docs/api/scim.md):
 * "Trellis Admins" (or "Trellis Administrators") is the admin role, "Mentorship: <program name>"
 * is the members of that mentorship program; any other group is kept and listed but changes
 * nothing. Members' roles change through the people service, as an admin edit by the issuer.
 */

export type ScimGroupAnswer = { resource: ScimResponse; version: string };

const adminGroupNames = new Set(["trellis admins", "trellis administrators"]);
const programGroup = /^mentorship:\s*(.+)$/i;

const noSuchGroup = (id: string) => new ScimError(404, `No group with id ${id}.`);

async function mappingOf(ctx: AppContext, displayName: string) {
  const normalized = displayName.trim().toLowerCase();
  if (adminGroupNames.has(normalized)) return { maps_to_role: "admin", maps_to_program_id: null };
  const programName = programGroup.exec(displayName.trim())?.[1];
  const program = programName
    ? await findMentorshipProgramByName(ctx.db, programName.trim())
    : undefined;
  return { maps_to_role: null, maps_to_program_id: program?.id ?? null };
}

async function present(ctx: AppContext, group: ScimGroupRow): Promise<ScimGroupAnswer> {
  const members = await listGroupMembers(ctx.db, [group.id]);
  return {
    resource: presentScimGroup(group, members, scimBaseUrl(ctx)),
    version: groupVersion(group),
  };
}

export async function listScimGroups(ctx: AppContext, query: ScimListQuery): Promise<ScimResponse> {
  const where = query.filter?.trim() ? groupFilterCondition(query.filter) : null;
  const { groups, total } = await searchScimGroups(ctx.db, where, {
    offset: query.startIndex - 1,
    limit: query.count,
  });
  const members = await listGroupMembers(
    ctx.db,
    groups.map((group) => group.id),
  );
  const base = scimBaseUrl(ctx);
  const resources = groups.map((group) =>
    selectAttributes(
      presentScimGroup(
        group,
        members.filter((member) => member.group_id === group.id),
        base,
      ),
      query.attributes,
      query.excludedAttributes,
    ),
  );
  return presentListResponse(resources, total, query.startIndex);
}

export async function getScimGroup(ctx: AppContext, id: string): Promise<ScimGroupAnswer> {
  const group = await findScimGroup(ctx.db, id);
  if (!group) throw noSuchGroup(id);
  return present(ctx, group);
}

function memberIdsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    const id =
      typeof item === "object" && item !== null ? (item as { value?: unknown }).value : item;
    if (typeof id !== "string" || id === "") {
      throw new ScimError(400, "Each member needs a value: the user's id.", "invalidValue");
    }
    return id;
  });
}

const nameTaken = (displayName: string) =>
  new ScimError(409, `A group named ${displayName} already exists.`, "uniqueness");

export async function createScimGroup(
  ctx: AppContext,
  actor: Actor,
  body: ScimGroupBody,
  meta: RequestMeta,
): Promise<ScimGroupAnswer> {
  const normalized = body.displayName.toLowerCase();
  const members = memberIdsOf(body.members);
  await assertUsersExist(ctx, members);
  if (await findScimGroupByName(ctx.db, normalized)) throw nameTaken(body.displayName);
  const now = ctx.clock.now().toISOString();
  const group: ScimGroupRow = {
    id: newId(),
    display_name: body.displayName,
    display_name_normalized: normalized,
    external_id: body.externalId ?? null,
    ...(await mappingOf(ctx, body.displayName)),
    version: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await insertScimGroup(ctx.db, group);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(body.displayName);
    throw error;
  }
  await changeMembers(ctx, actor, group, members, [], meta);
  return getScimGroup(ctx, group.id);
}

export async function replaceScimGroup(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: ScimGroupBody,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<ScimGroupAnswer> {
  const group = await findScimGroup(ctx.db, id);
  if (!group) throw noSuchGroup(id);
  assertVersionMatches(ifMatch, groupVersion(group));
  await applyGroupChange(ctx, actor, group, {
    displayName: body.displayName,
    externalId: body.externalId ?? null,
    members: new Set(memberIdsOf(body.members)),
    meta,
  });
  return getScimGroup(ctx, id);
}

async function rename(
  ctx: AppContext,
  group: ScimGroupRow,
  displayName: string,
  externalId: string | null,
): Promise<ScimGroupRow> {
  const normalized = displayName.trim().toLowerCase();
  if (normalized !== group.display_name_normalized) {
    const holder = await findScimGroupByName(ctx.db, normalized);
    if (holder && holder.id !== group.id) throw nameTaken(displayName);
  }
  const changes = {
    display_name: displayName.trim(),
    display_name_normalized: normalized,
    external_id: externalId,
    ...(await mappingOf(ctx, displayName)),
    version: group.version + 1,
    updated_at: ctx.clock.now().toISOString(),
  };
  try {
    await updateScimGroup(ctx.db, group.id, changes);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(displayName);
    throw error;
  }
  return { ...group, ...changes };
}

/**
 * A group's new name and members. When the new name maps to something else (the admin role, a
 * program, nothing), every current member leaves what the old name meant and every member
 * joins what the new one means; otherwise only the members that changed do.
 */
async function applyGroupChange(
  ctx: AppContext,
  actor: Actor,
  group: ScimGroupRow,
  next: { displayName: string; externalId: string | null; members: Set<string>; meta: RequestMeta },
): Promise<void> {
  await assertUsersExist(ctx, [...next.members]);
  const current = new Set((await listGroupMembers(ctx.db, [group.id])).map((member) => member.id));
  const renamed =
    next.displayName.trim() !== group.display_name || next.externalId !== group.external_id;
  if (!renamed) {
    await changeMembers(
      ctx,
      actor,
      group,
      [...next.members].filter((member) => !current.has(member)),
      [...current].filter((member) => !next.members.has(member)),
      next.meta,
    );
    return;
  }
  const mapping = await mappingOf(ctx, next.displayName);
  const remapped =
    mapping.maps_to_role !== group.maps_to_role ||
    mapping.maps_to_program_id !== group.maps_to_program_id;
  if (remapped) {
    await changeMembers(ctx, actor, group, [], [...current], next.meta);
    const afterRemoval = (await findScimGroup(ctx.db, group.id)) ?? group;
    const moved = await rename(ctx, afterRemoval, next.displayName, next.externalId);
    await changeMembers(ctx, actor, moved, [...next.members], [], next.meta);
    return;
  }
  const moved = await rename(ctx, group, next.displayName, next.externalId);
  await changeMembers(
    ctx,
    actor,
    moved,
    [...next.members].filter((member) => !current.has(member)),
    [...current].filter((member) => !next.members.has(member)),
    next.meta,
  );
}

/** `members[value eq "id"]`, the path Azure AD / Entra and Okta remove one member with. */
const memberPath = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

export async function patchScimGroup(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: ScimPatchBody,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<ScimGroupAnswer> {
  const group = await findScimGroup(ctx.db, id);
  if (!group) throw noSuchGroup(id);
  assertVersionMatches(ifMatch, groupVersion(group));
  const members = new Set((await listGroupMembers(ctx.db, [id])).map((member) => member.id));
  let displayName = group.display_name;
  let externalId = group.external_id;
  for (const operation of body.Operations) {
    const op = operation.op.toLowerCase();
    const path = operation.path?.trim() ?? "";
    const lower = path.toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove") {
      throw new ScimError(400, `Unknown PATCH op "${operation.op}".`, "invalidSyntax");
    }
    if (lower === "members") {
      const ids = memberIdsOf(operation.value);
      if (op === "replace") members.clear();
      if (op === "remove") {
        if (operation.value === undefined) members.clear();
        for (const member of ids) members.delete(member);
      } else {
        for (const member of ids) members.add(member);
      }
    } else if (memberPath.test(path)) {
      if (op !== "remove") {
        throw new ScimError(400, "Add members with the path members.", "invalidPath");
      }
      members.delete(memberPath.exec(path)?.[1] ?? "");
    } else if (lower === "displayname" || lower === "externalid" || lower === "") {
      ({ displayName, externalId } = groupAttributes(operation, displayName, externalId, members));
    } else {
      throw new ScimError(400, `Groups have no attribute "${path}".`, "invalidPath");
    }
  }
  if (displayName.trim() === "") {
    throw new ScimError(400, "displayName cannot be empty.", "invalidValue");
  }
  await applyGroupChange(ctx, actor, group, { displayName, externalId, members, meta });
  return getScimGroup(ctx, id);
}

function groupAttributes(
  operation: ScimPatchOperation,
  displayName: string,
  externalId: string | null,
  members: Set<string>,
): { displayName: string; externalId: string | null } {
  const path = operation.path?.trim().toLowerCase() ?? "";
  const value = operation.value;
  const op = operation.op.toLowerCase();
  if (path === "displayname") {
    if (op === "remove" || typeof value !== "string") {
      throw new ScimError(400, "displayName must be a string.", "invalidValue");
    }
    return { displayName: value, externalId };
  }
  if (path === "externalid") {
    if (op === "remove") return { displayName, externalId: null };
    if (typeof value !== "string") {
      throw new ScimError(400, "externalId must be a string.", "invalidValue");
    }
    return { displayName, externalId: value };
  }
  if (op === "remove" || value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ScimError(400, "An operation without a path needs an object value.", "invalidValue");
  }
  const object = value as Record<string, unknown>;
  let next = { displayName, externalId };
  for (const [key, inner] of Object.entries(object)) {
    const lower = key.toLowerCase();
    if (lower === "members") {
      if (op === "replace") members.clear();
      for (const member of memberIdsOf(inner)) members.add(member);
    } else if (lower === "displayname" || lower === "externalid") {
      next = groupAttributes(
        { op, path: key, value: inner },
        next.displayName,
        next.externalId,
        members,
      );
    } else if (lower !== "schemas" && lower !== "id") {
      throw new ScimError(400, `Groups have no attribute "${key}".`, "invalidPath");
    }
  }
  return next;
}

export async function deleteScimGroupById(
  ctx: AppContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<void> {
  const group = await findScimGroup(ctx.db, id);
  if (!group) throw noSuchGroup(id);
  assertVersionMatches(ifMatch, groupVersion(group));
  const members = (await listGroupMembers(ctx.db, [id])).map((member) => member.id);
  await changeMembers(ctx, actor, group, [], members, meta);
  await deleteScimGroup(ctx.db, id);
}

/** Checked before anything is written, so a refused request changes nothing. */
async function assertUsersExist(ctx: AppContext, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const found = await listPeopleByIds(ctx.db, unique);
  if (found.length !== unique.length) {
    const known = new Set(found.map((person) => person.id));
    const missing = unique.find((id) => !known.has(id));
    throw new ScimError(400, `No user with id ${missing}.`, "invalidValue");
  }
  return found;
}

/**
 * Records the members added and removed, then applies what the group maps to: the admin role
 * (through the people service) or a mentorship program's members.
 */
async function changeMembers(
  ctx: AppContext,
  actor: Actor,
  group: ScimGroupRow,
  added: readonly string[],
  removed: readonly string[],
  meta: RequestMeta,
): Promise<void> {
  if (added.length === 0 && removed.length === 0) return;
  const found = await assertUsersExist(ctx, added);
  await addGroupMembers(ctx.db, group.id, added);
  await removeGroupMembers(ctx.db, group.id, removed);
  await updateScimGroup(ctx.db, group.id, {
    version: group.version + 1,
    updated_at: ctx.clock.now().toISOString(),
  });
  if (group.maps_to_role === "admin") {
    for (const person of found) {
      if (person.role !== "admin") {
        await updatePersonDetails(ctx, actor, person.id, { role: "admin" }, meta);
      }
    }
    for (const person of await listPeopleByIds(ctx.db, removed)) {
      if (person.role === "admin" && !(await isInOtherAdminGroup(ctx.db, person.id, group.id))) {
        await updatePersonDetails(ctx, actor, person.id, { role: "member" }, meta);
      }
    }
  }
  const programId = group.maps_to_program_id;
  if (programId) {
    await ctx.db.transaction().execute(async (trx) => {
      const people = (await listProgramPeople(trx, [programId])).get(programId);
      if (!people) return;
      const members = new Set(people.members);
      for (const id of added) members.add(id);
      for (const id of removed) members.delete(id);
      await replaceProgramPeople(trx, programId, { owners: people.owners, members: [...members] });
    });
  }
}
