import { randomBytes } from "node:crypto";
import { hash, type Options, verify } from "@node-rs/argon2";
import { withHashingSlot } from "./hashing-slots.ts";

/** OWASP's argon2id baseline: m=19 MiB, t=2, p=1. */
const argon2id: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return withHashingSlot(() => hash(password, argon2id));
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await withHashingSlot(() => verify(storedHash, password));
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so a sign-in for an unknown email cannot be told
 * apart from a wrong password by its latency.
 */
export async function verifyDecoyPassword(password: string): Promise<false> {
  decoyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  await verifyPassword(await decoyHash, password);
  return false;
}
