import fc from "fast-check";
import { micromark } from "micromark";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { parseCsv } from "#server/shared/csv.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { hostileString } from "#server/testing/hostile-values.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { liveHtmlOfMarkdown } from "#server/testing/inert-markdown.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { handbookGoalColumns, renderPlanMarkdown } from "./growth-plans.exports.ts";
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
  "[ref][x\ny]\n\n[x\ny]: javascript:alert(1)",
  "[ref][z]\n\n- [z]: javascript:alert(1)",
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
    const exploration = plan.sections.exploration;
    if (!exploration) throw new Error("missing sections");
    expect(
      (
        await put("/sections/exploration", {
          baseVersion: exploration.version,
          content: {
            resources: [
              {
                id: crypto.randomUUID(),
                title: "<img src=x onerror=alert(1)>",
                url: 'https://x.example/"><script>alert(1)</script>',
                note: "<svg onload=alert(1)>",
              },
              {
                id: crypto.randomUUID(),
                title: "a] (b) [c",
                url: "https://x.example/a b/<c>\\d(e",
                note: "",
              },
            ],
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

  it("Markdown: no live HTML and no unsafe link, whichever CommonMark renderer opens it", async () => {
    const markdown = (await download("md")).body;
    expect(liveHtmlOfMarkdown(markdown)).toEqual([]);
    // The exploration links keep their whole address, encoded, and their words.
    expect(markdown).toContain(
      "[&lt;img src=x onerror=alert(1)&gt;](https://x.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E)",
    );
    expect(markdown).toContain("[a\\] (b) \\[c](https://x.example/a%20b/%3Cc%3E%5Cd%28e)");
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

/** Keys whose values are ids, dates or enumerations: the schemas allow no free text there. */
const structuralKeys = new Set([
  "id",
  "templateId",
  "scheduleId",
  "goalIds",
  "promptId",
  "key",
  "status",
  "relation",
  "readableSections",
  "kind",
  "cadence",
  "trajectory",
  "createdAt",
  "updatedAt",
  "addedAt",
  "lastEntryAt",
  "on",
  "dueOn",
  "doneOn",
  "startsOn",
  "targetDate",
]);

/** `value` with every free-text string, wherever it sits, replaced by `text`. */
function withEveryTextField(value: unknown, text: string, key = ""): unknown {
  if (typeof value === "string") return structuralKeys.has(key) ? value : text;
  if (Array.isArray(value)) return value.map((item) => withEveryTextField(item, text, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, withEveryTextField(item, text, name)]),
    );
  }
  return value;
}

/** Values that break naive code, and Markdown that once got through the export live. */
const hostileTexts = [
  // Long values are cut: their size is the benchmark's concern, not this suite's.
  ...new Set(
    fc.sample(hostileString, { numRuns: 400, seed: 10 }).map((text) => text.slice(0, 2_000)),
  ),
  ...xssPayloads,
  'https://x.example/"><script>alert(1)</script>',
  "[x\ny]: javascript:alert(1)",
  "- [x]: javascript:alert(1)",
  "[x]\n\n[x]: javascript:alert(1)",
  "x](javascript:alert(1)) [a",
  "[a [b](/c)](javascript:alert(1))",
  "<!-- a --!><script>alert(1)</script>",
  "`<b onclick=alert(1)>`",
  '<a title="`">`<script>alert(1)</script>`',
];

describe("the Markdown export is inert whatever each field holds", () => {
  let t: TestApp;
  let view: PlanView;

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, owner.id);
    const created: PlanView = (
      await postJson(t.app, "/api/growth-plans", { title: "Plan" }, { session })
    ).json();
    const url = `/api/growth-plans/${created.plan.id}`;
    const put = async (key: keyof PlanView["sections"], content: unknown) => {
      const section = created.sections[key];
      if (!section) throw new Error(`missing section ${key}`);
      const response = await sendJson(
        t.app,
        "PUT",
        `${url}/sections/${key}`,
        { baseVersion: section.version, content },
        { session },
      );
      expect(response.statusCode, response.body).toBe(200);
    };
    const id = () => crypto.randomUUID();
    const inspiration = created.sections.inspiration?.content;
    if (!inspiration) throw new Error("missing inspiration");
    await put("inspiration", {
      answers: inspiration.answers.map((answer) => ({ ...answer, answer: "An answer" })),
      assessments: {
        myersBriggs: "INFJ",
        strengths: ["Learner"],
        learningStyle: "Visual",
        notes: "Notes",
      },
      energyFindings: [
        {
          id: id(),
          kind: "energizes",
          subject: "Pairing",
          averageLevel: 4.5,
          count: 3,
          note: "A note",
          addedAt: "2026-03-01T10:00:00.000Z",
        },
      ],
    });
    await put("role", {
      trajectory: "ic-leader",
      targetRoles: ["Staff engineer"],
      timeFrame: "A year",
      notes: "Notes",
    });
    await put("exploration", {
      resources: [{ id: id(), title: "A talk", url: "https://example.com/talk", note: "Watch" }],
    });
    const scheduleId = id();
    await put("tracking", {
      schedule: [{ id: scheduleId, cadence: "monthly", label: "Monthly", startsOn: "2026-01-05" }],
      checkIns: [
        {
          id: id(),
          scheduleId,
          dueOn: "2026-02-05",
          label: "Check in",
          done: true,
          doneOn: "2026-02-05",
          reflection: "Went well",
        },
      ],
      reflections: [{ id: id(), on: "2026-02-06", body: "A reflection" }],
    });
    const goal = await postJson(
      t.app,
      `${url}/goals`,
      {
        content: {
          skill: "Skill",
          resources: "Resources",
          careerSupport: "Support",
          actionSteps: [
            { id: id(), title: "Step", dueOn: "2026-04-01", done: false, doneOn: null },
          ],
          network: "Network",
          challenges: "Challenges",
          status: "in-progress",
          targetDate: "2026-06-30",
        },
      },
      { session },
    );
    expect(goal.statusCode, goal.body).toBe(201);
    await put("accomplishments", {
      entries: [
        {
          id: id(),
          on: "2026-03-02",
          title: "Shipped",
          details: "Details",
          goalIds: [goal.json().goal.id],
        },
      ],
    });
    view = (await getJson(t.app, url, { session })).json();
  });
  afterAll(async () => t.close());

  it("fills every section, so every field of the export is exercised", () => {
    const sections = view.sections;
    expect(sections.inspiration?.content.energyFindings).toHaveLength(1);
    expect(sections.exploration?.content.resources).toHaveLength(1);
    expect(sections.tracking?.content.checkIns).toHaveLength(1);
    expect(sections.accomplishments?.content.entries).toHaveLength(1);
    expect(view.goals?.[0]?.content.actionSteps).toHaveLength(1);
    expect(view.energy).toBeDefined();
  });

  it.each(hostileTexts.map((text) => [JSON.stringify(text).slice(0, 60), text]))(
    "%s in every field",
    (_, text) => {
      const hostile = withEveryTextField(view, text) as PlanView;
      const markdown = renderPlanMarkdown(hostile, "2026-03-03T00:00:00.000Z");
      expect(liveHtmlOfMarkdown(markdown)).toEqual([]);
    },
  );
});
