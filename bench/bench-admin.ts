import { newId } from "#core/ids.ts";
import type { Actor, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { insertPerson } from "#server/modules/people/people.queries.ts";

/** An administrator written straight to a new benchmark database, and the meta of its calls. */
export async function createBenchAdmin(db: Db): Promise<{ admin: Actor; meta: RequestMeta }> {
  const adminId = newId();
  const now = new Date().toISOString();
  await insertPerson(db, {
    id: adminId,
    email: "admin@bench.example",
    email_normalized: "admin@bench.example",
    name: "Bench Admin",
    role: "admin",
    status: "active",
    created_at: now,
    updated_at: now,
  });
  return {
    admin: { personId: adminId, role: "admin", sessionId: "bench" },
    meta: { requestId: "bench", address: "127.0.0.1", userAgent: null },
  };
}
