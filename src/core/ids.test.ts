import { describe, expect, it } from "vitest";
import { newId } from "./ids.ts";

describe("newId", () => {
  it("makes RFC 9562 version 7 UUIDs", () => {
    expect(newId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("sorts by creation time", () => {
    const earlier = newId(Date.parse("2026-01-01T00:00:00Z"));
    const later = newId(Date.parse("2026-01-01T00:00:00.001Z"));
    expect(earlier < later).toBe(true);
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(0)));
    expect(ids.size).toBe(10_000);
  });
});
