import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SearchResult } from "#core/learning/resources.schemas.ts";
import { buildApp } from "#server/app.ts";
import { createDb, type Db } from "#server/db/create-db.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { resetSearchCacheCounts, searchCacheCounts } from "./learning.service.ts";
import { createTestResource } from "./learning.testing.ts";
import { readDirectoryVersion } from "./learning-search.cache.ts";

describe("the directory search cache", () => {
  let t: TestApp;
  let otherDb: Db;
  let other: FastifyInstance;
  let adminId: string;
  let admin: Session;
  let member: Session;

  beforeEach(async () => {
    t = await createTestApp();
    // A second instance on the same database, with its own connection and its own cache.
    otherDb = createDb(t.ctx.config.database);
    other = await buildApp(t.ctx.config, otherDb, { clock: t.clock, webDistDir: null });
    adminId = (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id;
    admin = await createSession(t.ctx, adminId);
    member = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
  });
  afterEach(async () => {
    await other.close();
    await otherDb.destroy();
    await t.close();
  });

  const search = async (app: FastifyInstance, query: string): Promise<SearchResult> => {
    const response = await getJson(app, `/api/learning/resources?${query}`, { session: member });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("shows a write through one instance on the next search through another", async () => {
    const first = await createTestResource(t.ctx, adminId, { title: "Wombat facilitation" });
    expect((await search(other, "q=wombat")).items.map((item) => item.id)).toEqual([first.id]);
    // Answered again from the other instance's cache: the same answer.
    expect((await search(other, "q=wombat")).total).toBe(1);

    const versionBefore = await readDirectoryVersion(t.ctx.db);
    // Written through the first instance (its database handle).
    const second = await createTestResource(t.ctx, adminId, {
      title: "Wombat storytelling",
      kind: "book",
    });
    expect(await readDirectoryVersion(otherDb)).toBeGreaterThan(versionBefore);
    const after = await search(other, "q=wombat");
    expect(after.total).toBe(2);
    expect(after.facets.kind).toEqual(
      expect.arrayContaining([
        { value: "course", label: "Course", count: 1 },
        { value: "book", label: "Book", count: 1 },
      ]),
    );

    // Archived through the other instance: gone from the first one's next search.
    expect((await search(t.app, "q=wombat")).total).toBe(2);
    const { id, bookmarked, archived, sample, version, updatedAt, ...fields } = second;
    const body = {
      ...fields,
      skills: fields.skills.map((skill) => skill.name),
      baseVersion: version,
      archived: true,
    };
    const saved = await sendJson(other, "PUT", `/api/learning/resources/${id}`, body, {
      session: admin,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await search(t.app, "q=wombat")).items.map((item) => item.id)).toEqual([first.id]);
  });

  it("answers a repeated search from the cache and counts facets right on a cold one", async () => {
    for (let index = 0; index < 4; index += 1) {
      await createTestResource(t.ctx, adminId, {
        title: `Pangolin course ${index}`,
        skills: ["Pangolin Care"],
        costMinor: index === 0 ? 900 : 0,
        currency: index === 0 ? "EUR" : null,
        format: index < 3 ? "self_paced" : "live",
      });
    }
    resetSearchCacheCounts();
    const cold = await search(t.app, "q=pangolin&format=self_paced&pageSize=2");
    expect(searchCacheCounts()).toEqual({ hits: 0, misses: 1 });
    expect(cold.total).toBe(3);
    expect(cold.items).toHaveLength(2);
    expect(cold.facets.format).toEqual(
      expect.arrayContaining([
        { value: "self_paced", label: "Self-paced", count: 3 },
        { value: "live", label: "Live", count: 1 },
      ]),
    );
    expect(cold.facets.cost).toEqual([
      { value: "free", label: "Free", count: 2 },
      { value: "paid", label: "Paid", count: 1 },
    ]);
    expect(cold.facets.skill).toEqual([
      { value: "pangolin-care", label: "Pangolin Care", count: 3 },
    ]);
    const warm = await search(t.app, "q=pangolin&format=self_paced&pageSize=2");
    expect(searchCacheCounts()).toEqual({ hits: 1, misses: 1 });
    expect(warm).toEqual(cold);
  });
});
