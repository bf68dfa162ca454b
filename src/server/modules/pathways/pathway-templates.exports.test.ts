import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHandbookPathway } from "#core/pathway/handbook-export.ts";
import type { PathwayTemplateDraft } from "#core/pathway/pathway.schemas.ts";
import type { PathwayTemplateDetail } from "#core/pathway/pathway-api.schemas.ts";
import { normalizeMarkdown } from "#core/pathway/pathway-markdown.ts";
import { createPerson, createSession } from "#server/testing/factories.ts";
import { hostileString } from "#server/testing/hostile-values.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { liveHtmlOfMarkdown } from "#server/testing/inert-markdown.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

/** Markdown an admin might paste, or a page might carry, to attack whoever opens the export. */
const hostileMarkdown = [
  "<script>alert(1)</script>",
  '<iframe src="https://evil.example"></iframe>',
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  "Text <b onclick=alert(1)>bold</b> text",
  "[click](javascript:alert(1))",
  "<javascript:alert(1)>",
  "[ref][x]\n\n[x]: javascript:alert(1)",
  "[ref][x\ny]\n\n[x\ny]: javascript:alert(1)",
  "- [ref][z]\n\n- [z]: javascript:alert(1)",
  "[a [b](/c)](javascript:alert(1))",
  "<!-- a --!><script>alert(1)</script> -->",
  "<!-- x --><script>alert(1)</script>",
  '<a title="`">`<script>alert(1)</script>`',
  '[x](https://example.com/"><script>alert(1)</script>)',
];

const page = (items: string[]) =>
  [
    "---",
    'title: "<script>alert(1)</script> [x](javascript:alert(1))"',
    'description: "<img src=x onerror=alert(1)> [x](javascript:alert(1))"',
    'audience: "<iframe src=https://evil.example>"',
    "---",
    "",
    "<script>alert('intro')</script>",
    "",
    "## Year 1",
    "",
    "### Q1",
    "",
    ...items.flatMap((item) => [`1. ${item.replace(/\n/g, "\n   ")}`, ""]),
  ].join("\n");

describe("the pathway template export is inert", () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createSession(t.ctx, (await createPerson(t.ctx, { role: "admin" })).id);
  });
  afterAll(async () => t.close());

  const exportOf = async (templateId: string) => {
    const exported = await getJson(t.app, `/api/pathway-templates/${templateId}/export.md`, {
      session: admin,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    return exported.body;
  };

  it("for an imported page full of raw HTML and unsafe links", async () => {
    const saved = await postJson(
      t.app,
      "/api/pathway-templates/import",
      { markdown: page(hostileMarkdown) },
      { session: admin },
    );
    expect(saved.statusCode, saved.body).toBe(201);
    const { template } = saved.json() as { template: PathwayTemplateDetail };
    expect(template.itemCount).toBe(hostileMarkdown.length);
    const markdown = await exportOf(template.id);
    expect(liveHtmlOfMarkdown(markdown)).toEqual([]);
    // What was written is still there to read.
    expect(markdown).toContain("&lt;iframe");
  });

  it("for items an admin writes, with hostile values in every field", async () => {
    const created = await postJson(
      t.app,
      "/api/pathway-templates",
      { name: "<script>alert(1)</script>", audience: "[x](javascript:1)", stages: ["y1q1"] },
      { session: admin },
    );
    expect(created.statusCode, created.body).toBe(201);
    let detail = created.json() as PathwayTemplateDetail;
    const stageId = detail.stages[0]?.id;
    const values = [
      ...new Set(fc.sample(hostileString, { numRuns: 400, seed: 3 }).map((v) => v.slice(0, 500))),
      ...hostileMarkdown,
    ];
    for (const description of values) {
      const added = await postJson(
        t.app,
        `/api/pathway-templates/${detail.id}/items`,
        { stageId, description, title: description.slice(0, 100) || "Title" },
        { session: admin },
      );
      // Blank or control-only text is refused as an item; everything else is saved.
      if (added.statusCode === 201) detail = added.json();
      else expect(added.statusCode, added.body).toBe(400);
    }
    expect(detail.itemCount).toBeGreaterThan(hostileMarkdown.length);
    expect(liveHtmlOfMarkdown(await exportOf(detail.id))).toEqual([]);
  });
});

describe("exportHandbookPathway", () => {
  const templateWith = (description: string, name = "Pathway"): PathwayTemplateDraft => ({
    name,
    description,
    audience: name,
    stages: [
      {
        key: { kind: "quarter", year: 1, quarter: 1 },
        items: [{ title: name, description, kind: "other", audienceNote: name, links: [] }],
      },
    ],
  });

  it("writes any normalized description inert", () => {
    const piece = fc.constantFrom(
      ...hostileMarkdown,
      "[",
      "]",
      "(",
      ")",
      "<",
      ">",
      "!",
      "`",
      "\n",
      "\n\n",
      "   ",
      "- ",
      "1. ",
      "> ",
      ": ",
      "javascript:alert(1)",
      "/x",
      "https://e.com/",
      "<!--",
      "-->",
      '"',
      "a",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const description = normalizeMarkdown(pieces.join("")).markdown;
        expect(liveHtmlOfMarkdown(exportHandbookPathway(templateWith(description)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("writes descriptions saved before they were normalized this way inert", () => {
    for (const text of hostileMarkdown) {
      const markdown = exportHandbookPathway(templateWith(text, text.replace(/\n/g, " ")));
      expect(liveHtmlOfMarkdown(markdown), text).toEqual([]);
    }
  });
});
