import { describe, expect, it } from "vitest";
import { z } from "zod";
import { postJson } from "#server/testing/http-client.ts";
import { createTestApp } from "#server/testing/test-app.ts";
import { requestValidatorCompiler } from "./request-validator.ts";

const Body = z.strictObject({
  title: z.string(),
  tags: z.array(z.string()).default([]),
  extra: z.record(z.string(), z.string()).optional(),
});
const validate = requestValidatorCompiler({
  schema: Body,
  method: "POST",
  url: "/example",
  httpPart: "body",
});

const pathsOf = (result: unknown) =>
  ((result as { error?: { instancePath: string; message: string }[] }).error ?? []).map((issue) => [
    issue.instancePath,
    issue.message,
  ]);

describe("request validation", () => {
  it("refuses a NUL character in any string or key, naming where", () => {
    expect(pathsOf(validate({ title: "a\u0000b" }))).toEqual([
      ["/title", "Must not contain the NUL character"],
    ]);
    expect(pathsOf(validate({ title: "ok", tags: ["fine", "\u0000"] }))).toEqual([
      ["/tags/1", "Must not contain the NUL character"],
    ]);
    expect(pathsOf(validate({ title: "ok", extra: { "k\u0000": "v" } }))).toEqual([
      ["/extra/k\u0000", "Must not contain the NUL character"],
    ]);
  });

  it("walks values of any depth without recursion", () => {
    let deep: unknown = "\u0000";
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const issues = pathsOf(validate({ title: "ok", extra: { nested: deep } }));
    expect(issues.map(([path]) => path?.split("/").length)).toEqual([100_003]);
  });

  it("otherwise validates with the route's schema, defaults included", () => {
    expect(validate({ title: "Plan" })).toEqual({ value: { title: "Plan", tags: [] } });
    expect(pathsOf(validate({ title: 3 })).map(([path]) => path)).toEqual(["/title"]);
  });

  it("answers 400 naming the field through the whole pipeline", async () => {
    const t = await createTestApp();
    try {
      const response = await postJson(t.app, "/api/auth/sign-in", {
        email: "ada\u0000@example.com",
        password: "a long enough password",
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual({
        email: "Must not contain the NUL character",
      });
    } finally {
      await t.close();
    }
  });
});
