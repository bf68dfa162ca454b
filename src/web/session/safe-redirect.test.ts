import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./safe-redirect.ts";

describe("safeRedirectTarget", () => {
  it.each([
    ["/account", "/account"],
    ["/account?tab=sessions#top", "/account?tab=sessions#top"],
    [undefined, "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["/sign-in", "/"],
    ["/setup", "/"],
  ])("sends %s to %s", (redirect, target) => {
    expect(safeRedirectTarget(redirect)).toBe(target);
  });
});
