import { describe, expect, it } from "vitest";
import { cachedFeed, feedDigest, rememberFeed } from "./feed-render-cache.ts";

describe("feed render cache", () => {
  it("answers a text only for the digest it was rendered from", () => {
    const digest = feedDigest(["a 1 0 2026-03-01", "b 2 0 2026-03-01"]);
    rememberFeed("person-a", digest, Buffer.from("BEGIN:VCALENDAR…"));
    expect(cachedFeed("person-a", digest)?.toString()).toBe("BEGIN:VCALENDAR…");
    expect(cachedFeed("person-a", feedDigest(["a 1 1 2026-03-02", "b 2 0 2026-03-01"]))).toBeNull();
    expect(cachedFeed("person-b", digest)).toBeNull();
  });

  it("keeps only the most recently used feeds, and none that is too large", () => {
    const digest = feedDigest(["x"]);
    rememberFeed("first", digest, Buffer.from("first"));
    for (let index = 0; index < 40; index++)
      rememberFeed(`other-${index}`, digest, Buffer.from("text"));
    expect(cachedFeed("first", digest)).toBeNull();
    expect(cachedFeed("other-39", digest)?.toString()).toBe("text");
    rememberFeed("huge", digest, Buffer.from("x".repeat(1_000_001)));
    expect(cachedFeed("huge", digest)).toBeNull();
  });
});
