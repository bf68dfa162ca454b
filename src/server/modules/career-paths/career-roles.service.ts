import type { z } from "zod";
import type { RoleSearchQuery, RoleSearchResult } from "#core/career/frameworks.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import type { CachedJson } from "#server/http/json-bytes.ts";
import { factsOf, loadReadableFrameworkHead } from "./career-frameworks.access.ts";
import {
  assertCanReadFramework,
  careerFrameworkPolicies,
  frameworkNotFound,
} from "./career-frameworks.policy.ts";
import {
  findFrameworkHeadWithRoleOf,
  listPublishedFrameworkHeads,
} from "./career-frameworks.queries.ts";
import { foldForSearch } from "./career-roles.presenters.ts";
import { loadVersionViews } from "./role-view-cache.ts";

const notPublished = () => new AppError("not_found", "This framework has not been published yet.");

/** The built views of the framework's latest version; 404 before the first publish. */
async function latestViews(db: Db, head: { latest_version_id: string | null }) {
  const views = head.latest_version_id
    ? await loadVersionViews(db, head.latest_version_id)
    : undefined;
  if (!views) throw notPublished();
  return views;
}

/** The latest version's map, with the reader's own role when it is in this framework (a CareerMap). */
export async function getCareerMap(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
): Promise<CachedJson> {
  const head = await findFrameworkHeadWithRoleOf(ctx.db, frameworkId, actor.personId);
  if (!head) throw frameworkNotFound();
  assertCanReadFramework(actor, factsOf(head));
  const views = await latestViews(ctx.db, head);
  return views.mapFor(head.role_key);
}

/** A role page of the latest version (a RolePage). */
export async function getRolePage(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
  roleKey: string,
): Promise<CachedJson> {
  const head = await loadReadableFrameworkHead(ctx.db, actor, frameworkId);
  const page = (await latestViews(ctx.db, head)).rolePage(roleKey);
  if (!page) throw new AppError("not_found", "No such role in this framework.");
  return page;
}

const resultLimit = 200;

/** Roles of the latest versions of every published framework, at most 200, in a stable order. */
export async function searchRoles(
  ctx: AppContext,
  actor: Actor,
  query: z.output<typeof RoleSearchQuery>,
): Promise<RoleSearchResult> {
  const heads = (await listPublishedFrameworkHeads(ctx.db, query.frameworkId)).filter((head) =>
    careerFrameworkPolicies.read(actor, factsOf(head)),
  );
  const words = foldForSearch(query.q ?? "")
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  const department = query.department ? foldForSearch(query.department) : null;
  const departments = new Set<string>();
  const matches: RoleSearchResult["roles"] = [];
  for (const head of heads) {
    const views = head.latest_version_id
      ? await loadVersionViews(ctx.db, head.latest_version_id)
      : undefined;
    for (const entry of views?.search ?? []) {
      departments.add(entry.role.department);
      if (department !== null && foldForSearch(entry.role.department) !== department) continue;
      if (query.track && entry.role.track !== query.track) continue;
      if (!words.every((word) => entry.haystack.includes(word))) continue;
      matches.push(entry.role);
    }
  }
  matches.sort(
    (a, b) =>
      a.frameworkName.localeCompare(b.frameworkName) ||
      a.frameworkId.localeCompare(b.frameworkId) ||
      a.department.localeCompare(b.department) ||
      a.level - b.level ||
      a.title.localeCompare(b.title),
  );
  return {
    roles: matches.slice(0, resultLimit),
    departments: [...departments].sort((a, b) => a.localeCompare(b)),
  };
}
