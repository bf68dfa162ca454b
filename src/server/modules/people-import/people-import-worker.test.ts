import { describe, expect, it } from "vitest";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { postJson } from "#server/testing/http-client.ts";
import { createTestApp } from "#server/testing/test-app.ts";

const header = "email,name,manager_email";

describe("CSV import in a worker thread", () => {
  it("answers 503 when reading the file runs past the time budget, and imports nothing", async () => {
    const hurried = await createTestApp({ EXPORT_TIME_BUDGET_MS: "1" });
    try {
      const session = await createSession(
        hurried.ctx,
        (await createPersonWithoutPassword(hurried.ctx, { role: "admin" })).id,
      );
      const rows = Array.from(
        { length: 3_000 },
        (_, index) =>
          `person${index}@corp.example,Person ${index},${index === 0 ? "" : `person${Math.floor((index - 1) / 8)}@corp.example`}`,
      );
      const csv = `${[header, ...rows].join("\n")}\n`;
      for (const url of ["/api/people/import/dry-run", "/api/people/import/apply"]) {
        const response = await postJson(hurried.app, url, { csv }, { session });
        expect(response.statusCode, url).toBe(503);
        expect(response.json().error.code).toBe("unavailable");
      }
      const { count } = await hurried.ctx.db
        .selectFrom("people")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      expect(count).toBe(1);
    } finally {
      await hurried.close();
    }
  });

  it("answers a file it refuses as before: 400 with the reason, from the worker", async () => {
    const t = await createTestApp();
    try {
      const session = await createSession(
        t.ctx,
        (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
      );
      const response = await postJson(
        t.app,
        "/api/people/import/dry-run",
        { csv: "email,name,shoe_size\nivy@corp.example,Ivy,42\n" },
        { session },
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: "validation_failed",
        fields: { csv: expect.stringContaining('unknown column "shoe_size"') },
      });
    } finally {
      await t.close();
    }
  });
});
