import { describe, expect, it } from "vitest";
import { importFormSchema } from "./pathway-import.ts";

const importBody = (markdown: string, baseUrl: string) =>
  importFormSchema.safeParse({ markdown, baseUrl });

describe("importFormSchema", () => {
  it("leaves an empty base URL to the server", () => {
    expect(importBody("## Year 1", "  ").data).toEqual({ markdown: "## Year 1" });
  });

  it("keeps a base URL, trimmed, and refuses one that is not http(s)", () => {
    expect(importBody("x", " https://wiki.example.org/hb ").data?.baseUrl).toBe(
      "https://wiki.example.org/hb",
    );
    const refused = importBody("x", "ftp://wiki.example.org");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["baseUrl"]);
  });

  it("needs a page", () => {
    expect(importBody("", "").success).toBe(false);
  });
});
