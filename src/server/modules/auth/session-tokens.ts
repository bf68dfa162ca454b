import { createHash, randomBytes } from "node:crypto";

/** 256 random bits; only the SHA-256 of the token is stored, so a database leak grants no session. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedSessionToken(token: string): boolean {
  return tokenShape.test(token);
}
