import { newId } from "#core/ids.ts";
import { type AppRole, normalizeEmail } from "#core/people.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { hashPassword } from "#server/modules/auth/passwords.ts";
import { insertPerson } from "#server/modules/people/people.queries.ts";

export const defaultTestPassword = "a long enough test password";

export type TestPerson = { id: string; email: string; password: string; role: AppRole };

let sequence = 0;

/** A person with a unique email, so tests never collide and need no cleanup. */
export async function createPerson(
  ctx: AppContext,
  overrides: Partial<{ name: string; email: string; role: AppRole; password: string }> = {},
): Promise<TestPerson> {
  sequence += 1;
  const id = newId();
  const email = overrides.email ?? `person${sequence}-${id.slice(-6)}@example.com`;
  const password = overrides.password ?? defaultTestPassword;
  const role = overrides.role ?? "member";
  const now = ctx.clock.now().toISOString();
  await insertPerson(ctx.db, {
    id,
    email,
    email_normalized: normalizeEmail(email),
    name: overrides.name ?? `Person ${sequence}`,
    role,
    status: "active",
    password_hash: await hashPassword(password),
    created_at: now,
    updated_at: now,
  });
  return { id, email, password, role };
}
