import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import {
  type NotificationKind,
  notificationKinds,
} from "#core/notifications/notifications.schemas.ts";
import type { Database } from "#server/db/schema.ts";
import { installationSecret } from "./installation-secrets.queries.ts";

/**
 * Signed one-click unsubscribe links. The key is derived (HKDF) from a random installation secret
 * stored in the database on first use, so every instance sharing the database signs and checks
 * alike and no configuration is needed; `installation_secrets` never leaves the database.
 */

const secretName = "email-links";
const keys = new WeakMap<object, Buffer>();

async function linkKey(db: Kysely<Database>): Promise<Buffer> {
  const cached = keys.get(db);
  if (cached) return cached;
  const secret = await installationSecret(db, secretName);
  const key = Buffer.from(hkdfSync("sha256", secret, "", "trellis email unsubscribe v1", 32));
  keys.set(db, key);
  return key;
}

/** What a link unsubscribes from: one kind, or every kind at once (the digest's link). */
export type UnsubscribeScope = NotificationKind | "all";

const scopes = new Set<string>([...notificationKinds, "all"]);

function mac(key: Buffer, personId: string, scope: string): string {
  return createHmac("sha256", key).update(`unsubscribe\0${personId}\0${scope}`).digest("base64url");
}

export async function unsubscribeToken(
  db: Kysely<Database>,
  personId: string,
  scope: UnsubscribeScope,
): Promise<string> {
  return `${personId}.${scope}.${mac(await linkKey(db), personId, scope)}`;
}

/** The person and scope a token was signed for, or null for anything else. */
export async function readUnsubscribeToken(
  db: Kysely<Database>,
  token: string,
): Promise<{ personId: string; scope: UnsubscribeScope } | null> {
  const [personId, scope, signature, ...rest] = token.split(".");
  if (!personId || !scope || !signature || rest.length > 0 || !scopes.has(scope)) return null;
  const expected = Buffer.from(mac(await linkKey(db), personId, scope));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { personId, scope: scope as UnsubscribeScope };
}

export function appUrl(publicUrl: URL, path: string): string {
  return new URL(path, publicUrl).toString();
}

export function unsubscribeUrl(publicUrl: URL, token: string): string {
  const url = new URL("/api/email/unsubscribe", publicUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/** Where a person changes which emails they get (the notification preferences page). */
export const preferencesPath = "/account/notifications";
