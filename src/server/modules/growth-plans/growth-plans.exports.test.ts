import { micromark } from "micromark";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { parseCsv } from "#server/shared/csv.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { handbookGoalColumns } from "./growth-plans.exports.ts";
import { pdfText } from "./pdf-text.testing.ts";

/** Markdown a member might type to attack whoever opens their plan or its exports. */
const xssPayloads = [
  "<script>alert('xss')</script>",
  "<img src=x onerror=alert(1)>",
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click]( javascript:alert(1) )",
  "[click](<javascript:alert(1)>)",
  "[click](&#106;avascript:alert(1))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![img](javascript:alert(1))",
  "[ref][x]\n\n[x]: javascript:alert(1)",
  "<javascript:alert(1)>",
  '<div style="background:url(javascript:alert(1))" onmouseover="alert(1)">hover</div>',
  '<iframe src="https://evil.example"></iframe>',
  '=HYPERLINK("https://evil.example","click")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A2)",
  "\tleading tab",
  " =1+1 after a space",
  '＝HYPERLINK("https://evil.example") in full width',
  "pipe | in | cell\nand a new line",
];

/** What a renderer that allows everything would make of the exported Markdown. */
const renderPermissively = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });

function assertInertHtml(html: string): void {
  expect(html).not.toMatch(/<(script|svg|iframe|img|div|a href="javascript)/i);
  expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
  expect(html).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|data|vbscript):/i);
  expect(html).not.toMatch(/(href|src)\s*=\s*"[^"]*&#106;/i);
}

describe("exports render member Markdown inert", () => {
  let t: TestApp;
  let session: Session;
  let plan: PlanView;

  beforeEach(async () => {
    t = await createTestApp();
    session = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
    plan = (
      await postJson(
        t.app,
        "/api/growth-plans",
        { title: "<script>alert(1)</script>" },
        { session },
      )
    ).json();
    const url = `/api/growth-plans/${plan.plan.id}`;
    const put = (path: string, body: unknown) =>
      sendJson(t.app, "PUT", `${url}${path}`, body, { session });
    const everything = xssPayloads.join("\n\n");
    const inspiration = plan.sections.inspiration;
    const role = plan.sections.role;
    const tracking = plan.sections.tracking;
    if (!inspiration || !role || !tracking) throw new Error("missing sections");
    const answers = inspiration.content.answers.map((answer) => ({
      ...answer,
      answer: everything,
    }));
    expect(
      (
        await put("/sections/inspiration", {
          baseVersion: inspiration.version,
          content: {
            ...inspiration.content,
            answers,
            assessments: { ...inspiration.content.assessments, notes: everything },
          },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await put("/sections/role", {
          baseVersion: role.version,
          content: {
            ...role.content,
            notes: everything,
            targetRoles: ["<img src=x onerror=alert(1)>"],
          },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await put("/sections/tracking", {
          baseVersion: tracking.version,
          content: {
            ...tracking.content,
            reflections: [{ id: crypto.randomUUID(), on: "2026-03-01", body: everything }],
          },
        })
      ).statusCode,
    ).toBe(200);
    for (const payload of xssPayloads) {
      const goal: GoalContent = {
        skill: payload,
        resources: payload,
        careerSupport: payload,
        actionSteps: [
          { id: crypto.randomUUID(), title: payload, dueOn: null, done: false, doneOn: null },
        ],
        network: payload,
        challenges: payload,
        status: "in-progress",
        targetDate: null,
      };
      const created = await postJson(t.app, `${url}/goals`, { content: goal }, { session });
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterEach(async () => t.close());

  const download = (format: string) =>
    getJson(t.app, `/api/growth-plans/${plan.plan.id}/export.${format}`, { session });

  it("Markdown: raw HTML is escaped and only http(s)/mailto links survive, even in a permissive renderer", async () => {
    const response = await download("md");
    expect(response.headers["content-type"]).toContain("text/markdown");
    const markdown = response.body;
    expect(markdown).not.toMatch(/<(script|svg|img|iframe|div|a)\b/i);
    expect(markdown).not.toMatch(/\]\(\s*<?\s*(javascript|data|java\s)/i);
    expect(markdown).not.toMatch(/^\s*\[x\]:\s*javascript/im);
    assertInertHtml(renderPermissively(markdown));
    // What was typed is still there to read, as text.
    expect(markdown).toContain("&lt;script&gt;alert('xss')&lt;/script&gt;");
  });

  it("Markdown: Section 3 is the handbook's six-column table with pipes and line breaks escaped", async () => {
    const markdown = (await download("md")).body;
    expect(markdown).toContain(`| ${handbookGoalColumns.join(" | ")} |`);
    const rows = markdown
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| ---"));
    expect(rows.length).toBe(xssPayloads.length + 1);
    for (const row of rows) {
      const unescapedPipes = row.replace(/\\\|/g, "").match(/\|/g) ?? [];
      expect(unescapedPipes.length, row).toBe(7);
    }
    expect(markdown).toContain("pipe \\| in \\| cell<br>and a new line");
  });

  it("CSV: every cell that a spreadsheet would run as a formula starts with a quote", async () => {
    const response = await download("csv");
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parseCsv(response.body);
    expect(records[0]?.fields.slice(0, 3)).toEqual(["row_type", "goal_number", "skill_behavior"]);
    const cells = records.slice(1).flatMap((record) => record.fields);
    expect(cells.length).toBeGreaterThan(0);
    for (const value of cells) expect(value, value).not.toMatch(/^\s*[=+\-@＝＋－＠\t\r]/);
    expect(cells).toContain('\'=HYPERLINK("https://evil.example","click")');
    expect(cells.some((value) => /\]\(\s*<?\s*javascript/i.test(value))).toBe(false);
    expect(records.filter((record) => record.fields[0] === "action_step")).toHaveLength(
      xssPayloads.length,
    );
  });

  it("JSON: a download whose text never contains a raw '<'", async () => {
    const response = await download("json");
    expect(response.headers["content-type"]).toContain("application/json");
    expect(response.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.body).not.toContain("<");
    const parsed = JSON.parse(response.body);
    expect(parsed.plan.title).toBe("<script>alert(1)</script>");
    expect(parsed.goals).toHaveLength(xssPayloads.length);
  });

  it("PDF: plain text only, with no scripts, links or actions", async () => {
    const response = await download("pdf");
    expect(response.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = response.rawPayload.toString("latin1");
    for (const marker of [
      "/JavaScript",
      "/JS",
      "/URI",
      "/Launch",
      "/OpenAction",
      "/AA",
      "/Annots",
    ]) {
      expect(raw, marker).not.toContain(marker);
    }
    const text = (await pdfText(response.rawPayload)).replace(/\s+/g, "");
    expect(text).toContain("<script>alert('xss')</script>".replace(/\s+/g, ""));
    expect(text).not.toMatch(/\]\(\s*<?\s*javascript/i);
  });
});
