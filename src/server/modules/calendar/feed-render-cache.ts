import { hash } from "node:crypto";

/**
 * The last iCalendar text rendered for each of the most recently read feeds, with the fingerprint
 * of what it was made from (the versions of the feed settings and the plan, the due feedback
 * requests, today's date; calendar-feed.service.ts). Calendar apps poll an unchanged feed again
 * and again; rebuilding and rendering 500 events costs far more than those few small reads, so an
 * unchanged feed is answered from here. The fingerprint is read from the database on every
 * request, so a change made through any instance shows on the next read through every other one.
 * At most `maxFeeds` texts, each at most `maxChars` long, are kept (a few MB at most).
 */
const maxFeeds = 32;
const maxChars = 1_000_000;
const rendered = new Map<string, { digest: string; text: Buffer }>();

export function feedDigest(parts: readonly string[]): string {
  return hash("sha256", parts.join("\n"), "base64url");
}

/** Kept as UTF-8 bytes: encoding 200 KB of text for every answer costs more than the lookup. */
export function cachedFeed(personId: string, digest: string): Buffer | null {
  const entry = rendered.get(personId);
  if (!entry || entry.digest !== digest) return null;
  // Most recently used last.
  rendered.delete(personId);
  rendered.set(personId, entry);
  return entry.text;
}

export function rememberFeed(personId: string, digest: string, text: Buffer): void {
  rendered.delete(personId);
  if (text.length > maxChars) return;
  rendered.set(personId, { digest, text });
  while (rendered.size > maxFeeds) {
    const oldest = rendered.keys().next().value;
    if (oldest === undefined) break;
    rendered.delete(oldest);
  }
}
