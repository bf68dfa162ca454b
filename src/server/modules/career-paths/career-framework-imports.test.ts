import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { ImportFormat, ImportResult } from "#core/career/frameworks.schemas.ts";
import { newId } from "#core/ids.ts";
import { createPerson, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { countFrameworks } from "./career-framework-defaults.queries.ts";
import { writeFrameworkFile } from "./career-framework-interchange.ts";
import { createPublishedFramework, testFrameworkContent } from "./career-paths.testing.ts";

const withoutCaseIds = (content: FrameworkContent) => ({
  themes: content.themes.map((theme) => ({ ...theme, caseId: null })),
  competencies: content.competencies.map((competency) => ({ ...competency, caseId: null })),
});

describe("career frameworks: import and export", () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await createSession(t.ctx, (await createPerson(t.ctx, { role: "admin" })).id);
    member = await createSession(t.ctx, (await createPerson(t.ctx)).id);
  });
  afterEach(async () => t.close());

  const send = async (
    path: "/import" | "/import/preview",
    body: { format: ImportFormat; content: string; frameworkId?: string },
  ) => {
    const response = await postJson(t.app, `/api/career-frameworks${path}`, body, {
      session: admin,
    });
    expect(response.statusCode, response.body).toBe(path === "/import" ? 201 : 200);
    return response.json() as ImportResult;
  };
  const exportOf = (id: string, query: string, session = admin) =>
    getJson(t.app, `/api/career-frameworks/${id}/export?${query}`, { session });
  const draftOf = async (id: string) => {
    const response = await exportOf(id, "format=yaml&version=draft");
    expect(response.statusCode, response.body).toBe(200);
    return (await send("/import/preview", { format: "yaml", content: response.body })).content;
  };

  it("previews a YAML file with its warnings by line, writing nothing", async () => {
    const before = await countFrameworks(t.ctx.db);
    const content = [
      "name: Ops framework",
      "themes:",
      "  - { key: craft, name: Craft }",
      "competencies:",
      "  - { key: forecasting, themeKey: nowhere, name: Forecasting }",
    ].join("\n");
    const preview = await send("/import/preview", { format: "yaml", content });
    expect(preview.frameworkId).toBeNull();
    expect(preview.warnings.map((warning) => warning.line)).toEqual([5]);
    expect(preview.counts).toMatchObject({ themes: 1, competencies: 0 });
    expect(preview.changes).toEqual([
      { area: "themes", kind: "added", key: "craft", label: "Craft" },
    ]);
    expect(await countFrameworks(t.ctx.db)).toBe(before);
  });

  it("imports a CSV file with row warnings as a new framework that is not published", async () => {
    const content = [
      "family,role,level,track,department,competency,theme,expected_level,descriptor",
      "Ops,Analyst,1,ic,Revenue,Forecasting,Craft,2,1: Learns; 2: Does; 3: Leads; 4: Teaches",
      "Ops,Analyst,1,ic,Revenue,Tooling,Craft,high,",
    ].join("\n");
    const result = await send("/import", { format: "csv", content });
    expect(result.warnings.map((warning) => [warning.line, warning.path])).toEqual([
      [3, null],
      [3, null],
    ]);
    expect(result.frameworkId).not.toBeNull();
    const id = result.frameworkId as string;
    expect((await draftOf(id)).roles[0]?.expectations).toEqual({ forecasting: 2 });
    expect((await exportOf(id, "format=csv")).statusCode).toBe(404);
    expect((await exportOf(id, "format=csv&version=draft", member)).statusCode).toBe(404);
    // Past a 32-bit version number: a field error, not a database overflow.
    const huge = await exportOf(id, "format=csv&version=2147483648");
    expect(huge.statusCode).toBe(400);
    expect(Object.keys(huge.json().error.fields)).toEqual(["version"]);
  });

  it("imports a CASE package with warnings at JSON paths", async () => {
    const content = JSON.stringify({
      CFDocument: { identifier: "doc", title: "Skills" },
      CFItems: [
        { identifier: "t", fullStatement: "Craft" },
        { identifier: "c", fullStatement: "Forecasting" },
      ],
      CFAssociations: [
        {
          identifier: "a",
          associationType: "isChildOf",
          originNodeURI: { identifier: "c" },
          destinationNodeURI: { identifier: "t" },
        },
        {
          identifier: "b",
          associationType: "isChildOf",
          originNodeURI: { identifier: "t" },
          destinationNodeURI: { identifier: "missing" },
        },
      ],
    });
    const result = await send("/import", { format: "case", content });
    expect(result.warnings.map((warning) => warning.path)).toEqual([
      "$.CFAssociations[1].destinationNodeURI",
      "$.CFItems[1]",
    ]);
    expect(result.content.caseDocumentId).toBe("doc");
    expect(result.content.competencies.map((c) => [c.key, c.themeKey, c.caseId])).toEqual([
      ["forecasting", "craft", "c"],
    ]);
  });

  for (const format of ["yaml", "csv", "case"] as const) {
    it(`exports ${format} and imports it back into the framework unchanged`, async () => {
      const original = testFrameworkContent();
      const { frameworkId } = await createPublishedFramework(t.ctx, original);
      const exported = await exportOf(frameworkId, `format=${format}`, member);
      expect(exported.statusCode, exported.body).toBe(200);
      expect(exported.headers["content-disposition"]).toMatch(
        /^attachment; filename=test-framework-v1\./,
      );
      const preview = await send("/import/preview", {
        format,
        content: exported.body,
        frameworkId,
      });
      if (format === "case") {
        expect(withoutCaseIds(preview.content)).toEqual(withoutCaseIds(original));
        expect(preview.content.roles).toEqual(original.roles);
        expect(preview.content.edges).toEqual(original.edges);
      } else {
        expect(preview.content).toEqual(original);
        expect(preview.changes).toEqual([]);
      }
      expect(preview.warnings).toEqual([]);
      await send("/import", { format, content: exported.body, frameworkId });
      expect(await draftOf(frameworkId)).toEqual(preview.content);
    });
  }

  it("re-importing a file updates the entries by key instead of adding new ones", async () => {
    const original = testFrameworkContent();
    const first = await send("/import", {
      format: "yaml",
      content: writeFrameworkFile("yaml", original).text,
    });
    const id = first.frameworkId as string;
    const edited = {
      ...original,
      competencies: original.competencies.map((competency) =>
        competency.key === "tooling" ? { ...competency, name: "Tools and systems" } : competency,
      ),
      roles: original.roles.map((role) =>
        role.key === "analyst"
          ? { ...role, expectations: { ...role.expectations, tooling: 3 } }
          : role,
      ),
    };
    const again = await send("/import", {
      format: "yaml",
      content: writeFrameworkFile("yaml", edited).text,
      frameworkId: id,
    });
    expect(again.frameworkId).toBe(id);
    expect(again.changes.map(({ area, kind, key }) => `${area} ${kind} ${key}`)).toEqual([
      "competencies changed tooling",
      "expectations changed analyst/tooling",
    ]);
    expect(await draftOf(id)).toEqual(edited);
    // A CASE package imported twice keeps its identifiers and keys.
    const casePackage = writeFrameworkFile("case", edited, { now: "2026-12-01T00:00:00Z" }).text;
    const fromCase = await send("/import", { format: "case", content: casePackage });
    const caseAgain = await send("/import/preview", {
      format: "case",
      content: casePackage,
      frameworkId: fromCase.frameworkId as string,
    });
    expect(caseAgain.changes).toEqual([]);
  });

  it("escapes formula cells in a CSV export and names the file", async () => {
    const content = testFrameworkContent({ name: "Formulas" });
    const role = {
      ...content.roles[0],
      title: '=HYPERLINK("http://x")',
    } as (typeof content.roles)[number];
    const { frameworkId } = await createPublishedFramework(t.ctx, {
      ...content,
      roles: [role, ...content.roles.slice(1)],
    });
    const response = await exportOf(frameworkId, "format=csv", member);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.body.startsWith("\ufeff")).toBe(true);
    expect(response.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(response.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("answers 404 for unknown frameworks and versions, and drafts to members", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const unknown = newId();
    const refused = await postJson(
      t.app,
      "/api/career-frameworks/import",
      { format: "yaml", content: "name: X", frameworkId: unknown },
      { session: admin },
    );
    expect(refused.statusCode).toBe(404);
    expect((await exportOf(unknown, "format=yaml")).statusCode).toBe(404);
    expect((await exportOf(frameworkId, "format=yaml&version=2")).statusCode).toBe(404);
    expect((await exportOf(frameworkId, "format=yaml&version=draft", member)).statusCode).toBe(404);
    expect((await exportOf(frameworkId, "format=yaml&version=1", member)).statusCode).toBe(200);
  });

  it("reads a 20,000-row CSV (200 roles × 100 competencies) and imports it", async () => {
    const rows = ["family,role,level,track,department,competency,theme,expected_level,descriptor"];
    for (let role = 0; role < 200; role++) {
      for (let competency = 0; competency < 100; competency++) {
        rows.push(
          `Family ${role % 10},Role ${role},${(role % 4) + 1},ic,Revenue,Competency ${competency},Theme ${competency % 5},${(competency % 4) + 1},1: a; 2: b; 3: c; 4: d`,
        );
      }
    }
    const content = rows.join("\n");
    const preview = await send("/import/preview", { format: "csv", content });
    expect(preview.counts).toEqual({
      families: 10,
      roles: 200,
      competencies: 100,
      themes: 5,
      edges: 0,
    });
    expect(preview.warnings).toEqual([]);
    const result = await send("/import", { format: "csv", content });
    expect(result.changes.filter((change) => change.area === "expectations")).toHaveLength(20_000);
  });
});
