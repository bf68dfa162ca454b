import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#server/db/schema.ts";

/** A random secret made once per installation and kept in the database, by name. */
export async function installationSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
  const read = () =>
    db
      .selectFrom("installation_secrets")
      .select("value")
      .where("name", "=", name)
      .executeTakeFirst();
  let row = await read();
  if (!row) {
    await db
      .insertInto("installation_secrets")
      .values({
        name,
        value: randomBytes(32).toString("hex"),
        created_at: new Date().toISOString(),
      })
      .onConflict((conflict) => conflict.column("name").doNothing())
      .execute();
    row = await read();
  }
  if (!row) throw new Error(`installation secret ${name} could not be stored`);
  return Buffer.from(row.value, "hex");
}
