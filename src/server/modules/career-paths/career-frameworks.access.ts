import type { Actor } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import {
  assertCanReadFramework,
  type FrameworkFacts,
  frameworkNotFound,
} from "./career-frameworks.policy.ts";
import {
  type FrameworkHeadRow,
  type FrameworkRow,
  findFrameworkHead,
  findFrameworkRow,
} from "./career-frameworks.queries.ts";

export const factsOf = (row: { id: string; latest_version_id: string | null }): FrameworkFacts => ({
  id: row.id,
  published: row.latest_version_id !== null,
});

/** The whole framework row, draft included; 404 when there is none. */
export async function loadFramework(db: Db, id: string): Promise<FrameworkRow> {
  const row = await findFrameworkRow(db, id);
  if (!row) throw frameworkNotFound();
  return row;
}

/** The framework's head (no draft parsed), when the actor may read the framework. */
export async function loadReadableFrameworkHead(
  db: Db,
  actor: Actor,
  id: string,
): Promise<FrameworkHeadRow> {
  const head = await findFrameworkHead(db, id);
  if (!head) throw frameworkNotFound();
  assertCanReadFramework(actor, factsOf(head));
  return head;
}
