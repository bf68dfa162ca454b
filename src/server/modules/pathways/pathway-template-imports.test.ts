import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PathwayImportPreview } from "#core/pathway/pathway.schemas.ts";
import type {
  PathwayMemberItem,
  PathwayTemplateDetail,
  PathwayTemplateList,
  PathwayView,
} from "#core/pathway/pathway-api.schemas.ts";
import { createPerson, createSession, type TestPerson } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { templateDraftOf } from "./pathway.presenters.ts";
import { fiveMonthsAgo } from "./pathway.testing.ts";

const _itemsOf = (view: PathwayView, keyId: string): PathwayMemberItem[] =>
  view.stages.find((stage) => stage.keyId === keyId)?.items ?? [];

describe("pathway templates: import and export", () => {
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

  const page = [
    "---",
    "title: Pathway for Engineers at Northwind",
    "---",
    "",
    "## Year 1",
    "",
    "### Q1",
    "",
    "1. Read the [onboarding guide](/handbook/onboarding/)",
    "1. Join the [Engineering channelhttps://chat.example.com/eng]()",
    "",
    "### Q3",
    "",
    "1. Attend one Live Learning session",
  ].join("\n");

  it("previews an import with its warnings and line numbers, saving nothing", async () => {
    const response = await postJson(
      t.app,
      "/api/pathway-templates/import/preview",
      { markdown: page },
      { session: admin },
    );
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as PathwayImportPreview;
    expect(preview.template.name).toBe("Pathway for Engineers at Northwind");
    expect(preview.template.stages.map((stage) => stage.items.length)).toEqual([2, 1]);
    expect(preview.template.stages[0]?.items[0]?.links[0]?.url).toBe(
      "https://wiki.example.org/handbook-mirror/handbook/onboarding/",
    );
    expect(preview.warnings.map((warning) => warning.line)).toEqual(expect.arrayContaining([10]));
    expect(preview.warnings.some((warning) => /Q2/.test(warning.message))).toBe(true);
    const list = await getJson(t.app, "/api/pathway-templates?status=all", { session: admin });
    expect((list.json() as PathwayTemplateList).templates).toHaveLength(0);

    const empty = await postJson(
      t.app,
      "/api/pathway-templates/import/preview",
      { markdown: "" },
      { session: admin },
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toHaveProperty("markdown");
    const badBase = await postJson(
      t.app,
      "/api/pathway-templates/import/preview",
      { markdown: page, baseUrl: "javascript:alert(1)" },
      { session: admin },
    );
    expect(badBase.statusCode).toBe(400);
    expect(badBase.json().error.fields).toHaveProperty("baseUrl");
    const asMember = await postJson(
      t.app,
      "/api/pathway-templates/import/preview",
      { markdown: page },
      { session: memberSession },
    );
    expect(asMember.statusCode).toBe(403);
  });

  it("saves an import and exports it back to Markdown that imports to the same template", async () => {
    const saved = await postJson(
      t.app,
      "/api/pathway-templates/import",
      { markdown: page },
      { session: admin },
    );
    expect(saved.statusCode, saved.body).toBe(201);
    const { template, warnings } = saved.json() as {
      template: PathwayTemplateDetail;
      warnings: unknown[];
    };
    expect(warnings.length).toBeGreaterThan(0);
    expect(template).toMatchObject({
      isDefault: false,
      status: "active",
      itemCount: 3,
      attribution: null,
    });

    const exported = await getJson(t.app, `/api/pathway-templates/${template.id}/export.md`, {
      session: admin,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("text/markdown");
    expect(exported.headers["content-disposition"]).toBe(
      "attachment; filename=pathway-for-engineers-at-northwind.md",
    );
    expect(exported.headers["cache-control"]).toBe("no-store");
    expect(exported.headers["x-content-type-options"]).toBe("nosniff");
    expect(exported.body).toContain("(/handbook/onboarding/)");

    const again = await postJson(
      t.app,
      "/api/pathway-templates/import/preview",
      { markdown: exported.body },
      { session: admin },
    );
    const preview = again.json() as PathwayImportPreview;
    // The copy gets a name of its own; everything else reads back the same.
    expect(preview.template).toEqual({
      ...templateDraftOf(template),
      name: `${template.name} (2)`,
    });
    const copy = await postJson(
      t.app,
      "/api/pathway-templates/import",
      { markdown: exported.body },
      { session: admin },
    );
    expect((copy.json() as { template: PathwayTemplateDetail }).template.name).toBe(
      `${template.name} (2)`,
    );
    const third = await postJson(
      t.app,
      "/api/pathway-templates/import/preview",
      { markdown: exported.body.replace(template.name, template.name.toUpperCase()) },
      { session: admin },
    );
    expect((third.json() as PathwayImportPreview).template.name).toBe(
      `${template.name.toUpperCase()} (3)`,
    );
  });

  it("counts those who follow the default without an assignment as its followers", async () => {
    const { installShippedPathway } = await import("./pathway-defaults.ts");
    await t.ctx.db.transaction().execute(async (trx) => {
      expect(await installShippedPathway(trx, t.ctx)).toBe(true);
    });
    await createPerson(t.ctx, { status: "deactivated" });
    const other = await postJson(
      t.app,
      "/api/pathway-templates",
      { name: "Other", stages: ["y1q1"] },
      { session: admin },
    );
    const otherId = (other.json() as PathwayTemplateDetail).id;
    const assigned = await sendJson(
      t.app,
      "PUT",
      `/api/people/${member.id}/pathway-assignment`,
      { templateId: otherId },
      { session: admin },
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    const list = await getJson(t.app, "/api/pathway-templates", { session: admin });
    const templates = (list.json() as PathwayTemplateList).templates;
    const fallback = templates.find((template) => template.isDefault);
    // The admin follows the default; the member is assigned the other; deactivated people don't count.
    expect(fallback).toMatchObject({ assignedCount: 0, followerCount: 1 });
    expect(templates.find((template) => template.id === otherId)).toMatchObject({
      assignedCount: 1,
      followerCount: 1,
    });
    const detail = await getJson(t.app, `/api/pathway-templates/${fallback?.id}`, {
      session: admin,
    });
    expect((detail.json() as PathwayTemplateDetail).followerCount).toBe(1);
  });

  it("exports the shipped page so that it imports to the same template", async () => {
    const created = await postJson(
      t.app,
      "/api/pathway-templates",
      { name: "Empty", stages: ["y1q1"] },
      { session: admin },
    );
    const { installShippedPathway } = await import("./pathway-defaults.ts");
    await t.ctx.db.transaction().execute(async (trx) => {
      // A template exists already, so the shipped one is not installed a second time.
      expect(await installShippedPathway(trx, t.ctx)).toBe(false);
    });
    const detail = created.json() as PathwayTemplateDetail;
    const exported = await getJson(t.app, `/api/pathway-templates/${detail.id}/export.md`, {
      session: admin,
    });
    const back = await postJson(
      t.app,
      "/api/pathway-templates/import/preview",
      { markdown: exported.body },
      { session: admin },
    );
    expect((back.json() as PathwayImportPreview).template).toEqual({
      ...templateDraftOf(detail),
      name: "Empty (2)",
    });
  });

  it("reads and writes pages in a worker thread under the time budget, saving nothing past it", async () => {
    const hurried = await createTestApp({ EXPORT_TIME_BUDGET_MS: "1" });
    try {
      const session = await createSession(
        hurried.ctx,
        (await createPerson(hurried.ctx, { role: "admin" })).id,
      );
      const longPage = `${page}\n${"1. Another item with a [link](/handbook/x/)\n".repeat(2000)}`;
      for (const url of [
        "/api/pathway-templates/import/preview",
        "/api/pathway-templates/import",
      ]) {
        const response = await postJson(hurried.app, url, { markdown: longPage }, { session });
        expect(response.statusCode, url).toBe(503);
        expect(response.json().error.code).toBe("unavailable");
      }
      const list = await getJson(hurried.app, "/api/pathway-templates?status=all", { session });
      expect((list.json() as PathwayTemplateList).templates).toHaveLength(0);

      const created = await postJson(
        hurried.app,
        "/api/pathway-templates",
        { name: "Written by hand", stages: ["y1q1"] },
        { session },
      );
      expect(created.statusCode, created.body).toBe(201);
      const exported = await getJson(
        hurried.app,
        `/api/pathway-templates/${created.json().id}/export.md`,
        { session },
      );
      expect(exported.statusCode).toBe(503);
    } finally {
      await hurried.close();
    }
  });
});
