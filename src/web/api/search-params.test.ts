import { describe, expect, it } from "vitest";
import { withSearchParams } from "./search-params.ts";

describe("withSearchParams", () => {
  it("leaves the path alone when nothing is set", () => {
    expect(withSearchParams("/api/people", { q: "", team: undefined, cursor: null })).toBe(
      "/api/people",
    );
  });

  it("encodes values and keeps numbers, including zero", () => {
    expect(withSearchParams("/api/people", { q: "Ana & Bo", offset: 0, limit: 25 })).toBe(
      "/api/people?q=Ana+%26+Bo&offset=0&limit=25",
    );
  });
});
