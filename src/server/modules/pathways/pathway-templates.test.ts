import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  PathwayTemplateDetail,
  PathwayTemplateList,
  PathwayView,
} from "#core/pathway/pathway-api.schemas.ts";
import {
  completeSetup,
  createPerson,
  createSession,
  type TestPerson,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { fiveMonthsAgo, itemsOf } from "./pathway.testing.ts";

describe("pathway templates: the admin editor, assignments and the default", () => {
  let t: TestApp;
  let admin: Session;
  let member: TestPerson;
  let memberSession: Session;

  beforeEach(async () => {
    t = await createTestApp({ HANDBOOK_BASE_URL: "https://wiki.example.org/handbook-mirror/" });
    admin = await createSession(t.ctx, (await createPerson(t.ctx, { role: "admin" })).id);
    member = await createPerson(t.ctx, { hireDate: fiveMonthsAgo });
    memberSession = await createSession(t.ctx, member.id);
  });
  afterEach(async () => t.close());

  it("creates, edits, reorders and moves stages and items with stable ids", async () => {
    const created = await postJson(
      t.app,
      "/api/pathway-templates",
      { name: "Managers", audience: "People managers", stages: ["y1q2", "y1q1", "considerations"] },
      { session: admin },
    );
    expect(created.statusCode, created.body).toBe(201);
    let detail = created.json() as PathwayTemplateDetail;
    expect(detail.stages.map((stage) => stage.keyId)).toEqual(["y1q1", "y1q2", "considerations"]);
    expect(detail.stages[2]?.key).toEqual({ kind: "considerations", afterYear: 1 });
    const base = `/api/pathway-templates/${detail.id}`;
    const [q1, q2] = detail.stages;

    for (const description of [
      "Complete the [manager certification](https://learn.example.com/managers)",
      "Start your IGP",
      "Meet every report one-on-one",
    ]) {
      const added = await postJson(
        t.app,
        `${base}/items`,
        { stageId: q1?.id, description },
        { session: admin },
      );
      expect(added.statusCode, added.body).toBe(201);
      detail = added.json();
    }
    const items = detail.stages[0]?.items ?? [];
    expect(items.map((item) => item.kind)).toEqual(["certification", "growth_plan", "other"]);
    expect(items[0]?.title).toBe("Complete the manager certification");

    const badItem = await postJson(
      t.app,
      `${base}/items`,
      { stageId: q1?.id, description: "" },
      { session: admin },
    );
    expect(badItem.statusCode).toBe(400);
    expect(badItem.json().error.fields).toHaveProperty("description");
    const wrongStage = await postJson(
      t.app,
      `${base}/items`,
      { stageId: "0190a5a0-0000-7000-8000-000000000000", description: "x" },
      { session: admin },
    );
    expect(wrongStage.statusCode).toBe(400);
    expect(wrongStage.json().error.fields).toHaveProperty("stageId");

    const reversed = items.map((item) => item.id).reverse();
    const reordered = await sendJson(
      t.app,
      "PUT",
      `${base}/stages/${q1?.id}/order`,
      { itemIds: reversed },
      { session: admin },
    );
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(
      (reordered.json() as PathwayTemplateDetail).stages[0]?.items.map((item) => item.id),
    ).toEqual(reversed);
    const partial = await sendJson(
      t.app,
      "PUT",
      `${base}/stages/${q1?.id}/order`,
      { itemIds: reversed.slice(1) },
      { session: admin },
    );
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.fields).toHaveProperty("itemIds");

    const moved = await sendJson(
      t.app,
      "PATCH",
      `${base}/items/${items[2]?.id}`,
      { stageId: q2?.id, kind: "career_conversation", audienceNote: "if you have reports" },
      { session: admin },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    detail = moved.json();
    expect(detail.stages[1]?.items[0]).toMatchObject({
      id: items[2]?.id,
      kind: "career_conversation",
      audienceNote: "if you have reports",
    });

    const busy = await sendJson(
      t.app,
      "DELETE",
      `${base}/stages/${q1?.id}`,
      {},
      { session: admin },
    );
    expect(busy.statusCode).toBe(409);
    const twice = await postJson(t.app, `${base}/stages`, { key: "y1q1" }, { session: admin });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields).toHaveProperty("key");
    const year2 = await postJson(t.app, `${base}/stages`, { key: "y2q1" }, { session: admin });
    expect(year2.statusCode, year2.body).toBe(201);
    detail = year2.json();
    expect(detail.stages.map((stage) => stage.keyId)).toEqual([
      "y1q1",
      "y1q2",
      "y2q1",
      "considerations",
    ]);
    expect(detail.stages.at(-1)?.key).toEqual({ kind: "considerations", afterYear: 2 });
    const y2 = detail.stages[2];
    const dropped = await sendJson(
      t.app,
      "DELETE",
      `${base}/stages/${y2?.id}`,
      {},
      { session: admin },
    );
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect((dropped.json() as PathwayTemplateDetail).stages.at(-1)?.key).toEqual({
      kind: "considerations",
      afterYear: 1,
    });

    const renamed = await sendJson(
      t.app,
      "PATCH",
      base,
      { name: "People managers", description: "See [guide](/handbook/managers/)" },
      { session: admin },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((renamed.json() as PathwayTemplateDetail).description).toBe(
      "See [guide](https://wiki.example.org/handbook-mirror/handbook/managers/)",
    );
  });

  it("assigns templates, sets the default and archives, keeping the rules on archived templates", async () => {
    const first = (
      await postJson(
        t.app,
        "/api/pathway-templates",
        { name: "First", stages: ["y1q2"] },
        { session: admin },
      )
    ).json() as PathwayTemplateDetail;
    const second = (
      await postJson(
        t.app,
        "/api/pathway-templates",
        { name: "Second", stages: ["y1q2"] },
        { session: admin },
      )
    ).json() as PathwayTemplateDetail;

    const noDefault = (
      await getJson(t.app, "/api/pathway/me", { session: memberSession })
    ).json() as PathwayView;
    expect(noDefault.template).toBeNull();
    expect(noDefault.summary.headline).toBe("No pathway yet");

    const made = await postJson(
      t.app,
      `/api/pathway-templates/${first.id}/default`,
      {},
      { session: admin },
    );
    expect(made.statusCode, made.body).toBe(200);
    expect((made.json() as PathwayTemplateDetail).isDefault).toBe(true);
    let view = (
      await getJson(t.app, "/api/pathway/me", { session: memberSession })
    ).json() as PathwayView;
    expect(view.template).toMatchObject({ id: first.id, source: "default" });

    const assignUrl = `/api/people/${member.id}/pathway-assignment`;
    const assigned = await sendJson(
      t.app,
      "PUT",
      assignUrl,
      { templateId: second.id },
      { session: admin },
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toEqual({
      personId: member.id,
      source: "assigned",
      template: { id: second.id, name: "Second" },
    });
    view = (
      await getJson(t.app, "/api/pathway/me", { session: memberSession })
    ).json() as PathwayView;
    expect(view.template).toMatchObject({ id: second.id, source: "assigned" });

    expect(
      (await postJson(t.app, `/api/pathway-templates/${first.id}/archive`, {}, { session: admin }))
        .statusCode,
    ).toBe(409);
    const archived = await postJson(
      t.app,
      `/api/pathway-templates/${second.id}/archive`,
      {},
      { session: admin },
    );
    expect(archived.statusCode).toBe(200);
    view = (
      await getJson(t.app, "/api/pathway/me", { session: memberSession })
    ).json() as PathwayView;
    expect(view.template).toMatchObject({ id: second.id, status: "archived" });

    const third = (
      await postJson(t.app, "/api/pathway-templates", { name: "Third" }, { session: admin })
    ).json() as PathwayTemplateDetail;
    await postJson(t.app, `/api/pathway-templates/${third.id}/archive`, {}, { session: admin });
    const toArchived = await sendJson(
      t.app,
      "PUT",
      assignUrl,
      { templateId: third.id },
      { session: admin },
    );
    expect(toArchived.statusCode).toBe(409);
    expect(toArchived.json().error.fields).toHaveProperty("templateId");
    expect(
      (await postJson(t.app, `/api/pathway-templates/${third.id}/default`, {}, { session: admin }))
        .statusCode,
    ).toBe(409);

    const back = await sendJson(t.app, "PUT", assignUrl, { templateId: null }, { session: admin });
    expect(back.json()).toMatchObject({ source: "default", template: { id: first.id } });

    const active = (
      await getJson(t.app, "/api/pathway-templates", { session: admin })
    ).json() as PathwayTemplateList;
    expect(active.templates.map((template) => template.name)).not.toContain("Third");
    const archivedList = (
      await getJson(t.app, "/api/pathway-templates?status=archived", { session: admin })
    ).json() as PathwayTemplateList;
    expect(archivedList.templates.map((template) => template.name).sort()).toEqual([
      "Second",
      "Third",
    ]);
    const restored = await postJson(
      t.app,
      `/api/pathway-templates/${third.id}/restore`,
      {},
      { session: admin },
    );
    expect((restored.json() as PathwayTemplateDetail).status).toBe("active");
  });

  it("answers 404 for unknown templates and 400 for malformed ids", async () => {
    const unknown = "0190a5a0-0000-7000-8000-000000000000";
    expect(
      (await getJson(t.app, `/api/pathway-templates/${unknown}`, { session: admin })).statusCode,
    ).toBe(404);
    expect(
      (await getJson(t.app, `/api/pathway-templates/${unknown}/export.md`, { session: admin }))
        .statusCode,
    ).toBe(404);
    const bad = await getJson(t.app, "/api/pathway-templates/nope", { session: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("templateId");
    const unknownPerson = await sendJson(
      t.app,
      "PUT",
      `/api/people/${unknown}/pathway-assignment`,
      { templateId: null },
      { session: admin },
    );
    expect(unknownPerson.statusCode).toBe(404);
  });
});

describe("the shipped pathway on an upgraded installation", () => {
  it("is installed when the server starts without any template, once", async () => {
    const { createTestDatabase } = await import("#server/testing/test-database.ts");
    const { loadConfig } = await import("#server/config.ts");
    const { startServer } = await import("#server/main.ts");
    const testDatabase = await createTestDatabase();
    const config = {
      ...loadConfig({ LOG_LEVEL: "silent", PORT: "0", DATA_DIR: testDatabase.dataDir }),
      database: testDatabase.database,
    };
    try {
      for (const _start of [1, 2]) {
        const server = await startServer(config);
        const templates = await server.db
          .selectFrom("pathway_templates")
          .select(["shipped_key", "default_slot"])
          .execute();
        await server.app.close();
        await server.db.destroy();
        expect(templates).toEqual([
          { shipped_key: "gitlab-ic-career-development", default_slot: "default" },
        ]);
      }
    } finally {
      await testDatabase.drop();
    }
  });
});

describe("template content shared by app instances on one database", () => {
  it("shows an edit made through one instance on the next read through another", async () => {
    const { buildApp } = await import("#server/app.ts");
    const { createDb } = await import("#server/db/create-db.ts");
    const t = await createTestApp();
    const otherDb = createDb(t.ctx.config.database);
    const other = await buildApp(t.ctx.config, otherDb, { clock: t.clock, webDistDir: null });
    try {
      await completeSetup(t);
      const admin = await createSession(t.ctx, (await createPerson(t.ctx, { role: "admin" })).id);
      const member = await createPerson(t.ctx, { hireDate: fiveMonthsAgo });
      const session = await createSession(t.ctx, member.id);
      const readThroughOther = async () => {
        const response = await getJson(other, "/api/pathway/me", { session });
        expect(response.statusCode, response.body).toBe(200);
        return response.json() as PathwayView;
      };

      const before = await readThroughOther();
      const item = itemsOf(before, "y1q2")[0];
      const templateId = before.template?.id ?? "";
      const base = `/api/pathway-templates/${templateId}/items/${item?.id}`;
      const renamed = await sendJson(
        t.app,
        "PATCH",
        base,
        { title: "Renamed elsewhere" },
        { session: admin },
      );
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(itemsOf(await readThroughOther(), "y1q2")[0]?.title).toBe("Renamed elsewhere");

      const removed = await sendJson(t.app, "DELETE", base, {}, { session: admin });
      expect(removed.statusCode, removed.body).toBe(200);
      const afterRemoval = await readThroughOther();
      expect(itemsOf(afterRemoval, "y1q2").map((candidate) => candidate.id)).not.toContain(
        item?.id,
      );
      expect(afterRemoval.summary.total).toBe(before.summary.total - 1);
    } finally {
      await other.close();
      await otherDb.destroy();
      await t.close();
    }
  });
});
