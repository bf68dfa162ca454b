import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Client secrets at rest: AES-256-GCM under the 32-byte SECRET_KEY, stored as base64url
 * "iv.tag.ciphertext" (docs/decisions/027-identity-and-integration.md). The provider's id is the
 * additional data, so a secret copied onto another provider's row does not decrypt.
 */
export function encryptSecret(key: Buffer, providerId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(providerId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url")).join(".");
}

/** The secret, or null when the stored value was not made with this key for this provider. */
export function decryptSecret(key: Buffer, providerId: string, stored: string): string | null {
  const [iv, tag, ciphertext] = stored.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !ciphertext || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(providerId, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
