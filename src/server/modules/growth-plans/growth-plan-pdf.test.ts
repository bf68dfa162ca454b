import { parse } from "content-disposition";
import { afterEach, describe, expect, it, vi } from "vitest";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { exportWorkers } from "./growth-plan-exports.service.ts";
import { pdfText } from "./pdf-text.testing.ts";

const scripts = {
  cyrillic: "Развивать навыки руководства командой",
  greek: "Βελτίωση της επικοινωνίας με την ομάδα",
  arabic: "تطوير مهارات القيادة في الفريق",
  hebrew: "לשפר את התקשורת עם הצוות",
  japanese: "チームのリーダーシップを育てる。毎週の振り返りを続けます。",
  chinese: "我们这个计划帮助团队发展领导能力。",
  korean: "팀의 리더십을 키우고 매주 회고를 계속합니다.",
  emoji: "🚀🎉",
};

const goal = (content: Partial<GoalContent>): GoalContent => ({
  skill: "",
  resources: "",
  careerSupport: "",
  actionSteps: [],
  network: "",
  challenges: "",
  status: "in-progress",
  targetDate: null,
  ...content,
});

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function planWith(
  app: TestApp,
  options: { title: string; goals: GoalContent[]; reflection?: string },
): Promise<{ session: Session; plan: PlanView }> {
  const session = await createSession(app.ctx, (await createPersonWithoutPassword(app.ctx)).id);
  const created = await postJson(
    app.app,
    "/api/growth-plans",
    { title: options.title },
    { session },
  );
  expect(created.statusCode, created.body).toBe(201);
  const plan: PlanView = created.json();
  const url = `/api/growth-plans/${plan.plan.id}`;
  for (const content of options.goals) {
    const response = await postJson(app.app, `${url}/goals`, { content }, { session });
    expect(response.statusCode, response.body).toBe(201);
  }
  const tracking = plan.sections.tracking;
  if (options.reflection !== undefined && tracking) {
    const response = await app.app.inject({
      method: "PUT",
      url: `${url}/sections/tracking`,
      payload: JSON.stringify({
        baseVersion: tracking.version,
        content: {
          ...tracking.content,
          reflections: [{ id: crypto.randomUUID(), on: "2026-03-01", body: options.reflection }],
        },
      }),
      headers: { "content-type": "application/json", cookie: session.cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
  }
  return { session, plan };
}

const exportPdf = (app: TestApp, plan: PlanView, session: Session) =>
  getJson(app.app, `/api/growth-plans/${plan.plan.id}/export.pdf`, { session });

/** Extracted text with the line breaks and spaces the layout chose taken out. */
const compact = (text: string) => text.replace(/\s+/g, "");

describe("PDF export keeps every character", () => {
  it("prints Cyrillic, Greek, Arabic, Hebrew, Japanese, Chinese, Korean and emoji from the title, goals and reflections", async () => {
    t = await createTestApp();
    const { session, plan } = await planWith(t, {
      title: `${scripts.cyrillic} ${scripts.japanese}`,
      goals: [
        goal({
          skill: scripts.greek,
          resources: scripts.arabic,
          careerSupport: scripts.hebrew,
          network: `Ship it ${scripts.emoji} 👩‍💻 and ✅`,
          challenges: `${scripts.chinese} ${scripts.korean}`,
          actionSteps: [
            {
              id: crypto.randomUUID(),
              title: scripts.japanese,
              dueOn: null,
              done: false,
              doneOn: null,
            },
          ],
        }),
      ],
      // Ethiopic is in none of the fonts: it prints as boxes and takes nothing else with it.
      reflection: `${scripts.arabic} (2026) — ${scripts.hebrew}\nሰላም ${scripts.emoji} 🫨`,
    });
    const response = await exportPdf(t, plan, session);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["cache-control"]).toBe("no-store");
    const disposition = parse(String(response.headers["content-disposition"]));
    expect(disposition.type).toBe("attachment");
    expect(disposition.parameters.filename).toBe(
      `${scripts.cyrillic} ${scripts.japanese} - growth plan ${t.clock.now().toISOString().slice(0, 10)}.pdf`,
    );
    expect(String(response.headers["content-disposition"])).toMatch(
      /^attachment; filename="growth plan \d{4}-\d\d-\d\d\.pdf"; filename\*=UTF-8''/,
    );
    const text = compact(await pdfText(response.rawPayload));
    for (const [script, sample] of Object.entries(scripts)) {
      expect(text, script).toContain(compact(sample));
    }
  });

  it("keeps a Latin-only plan small: fonts are subset to the glyphs used", async () => {
    t = await createTestApp();
    const { session, plan } = await planWith(t, {
      title: "Grow into a staff engineer",
      goals: [goal({ skill: "Technical writing", resources: "A course and a mentor" })],
    });
    const response = await exportPdf(t, plan, session);
    expect(response.statusCode).toBe(200);
    // Noto Sans alone is over 600 kB; a subset of the few glyphs used is a small part of that.
    expect(response.rawPayload.length).toBeLessThan(40_000);
    expect(compact(await pdfText(response.rawPayload))).toContain("Technicalwriting");
  });
});

describe("PDF export of worst-case text", () => {
  const longWord = "x".repeat(4_000);
  const japaneseParagraph = "日本語の長い段落です".repeat(200);

  it("wraps a 4,000-character word and a 2,000-character Japanese paragraph within the budget", async () => {
    t = await createTestApp({ EXPORT_TIME_BUDGET_MS: "5000" });
    const { session, plan } = await planWith(t, {
      title: "Long words",
      goals: [goal({ skill: "Long", resources: longWord, careerSupport: japaneseParagraph })],
    });
    const response = await exportPdf(t, plan, session);
    expect(response.statusCode, response.body).toBe(200);
    const text = compact(await pdfText(response.rawPayload));
    expect(text).toContain(longWord);
    expect(text).toContain(japaneseParagraph);
  });

  it("answers /healthz while a large export is being rendered", async () => {
    t = await createTestApp({ EXPORT_TIME_BUDGET_MS: "60000" });
    const field = "y".repeat(growthPlanLimits.longText);
    const { session, plan } = await planWith(t, {
      title: "Worst case",
      goals: Array.from({ length: 2 }, () =>
        goal({ resources: field, careerSupport: field, network: field, challenges: field }),
      ),
    });
    const order: string[] = [];
    const exported = exportPdf(t, plan, session).then((response) => {
      order.push("export");
      return response;
    });
    await vi.waitFor(() => expect(exportWorkers.load().running).toBe(1), { timeout: 10_000 });
    const health = await getJson(t.app, "/healthz");
    order.push("healthz");
    expect(health.statusCode).toBe(200);
    expect((await exported).statusCode).toBe(200);
    expect(order).toEqual(["healthz", "export"]);
  });

  it("stops an export that runs past its budget with a 503, and the next export works", async () => {
    t = await createTestApp({ EXPORT_TIME_BUDGET_MS: "50" });
    const field = "z".repeat(growthPlanLimits.longText);
    const { session, plan } = await planWith(t, {
      title: "Over budget",
      goals: Array.from({ length: 2 }, () =>
        goal({ resources: field, careerSupport: field, network: field, challenges: field }),
      ),
    });
    const response = await exportPdf(t, plan, session);
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe("unavailable");
    expect(response.json().error.message).toMatch(/took longer than 0.05 seconds/);
    expect(exportWorkers.load()).toEqual({ running: 0, queued: 0 });

    // The stopped worker is replaced: with an ordinary budget the next export is made.
    const next = await createTestApp();
    try {
      const small = await planWith(next, { title: "Small", goals: [goal({ skill: "Listening" })] });
      expect((await exportPdf(next, small.plan, small.session)).statusCode).toBe(200);
    } finally {
      await next.close();
    }
  });

  it("renders the goals CSV in the export worker too, under the same budget", async () => {
    t = await createTestApp({ EXPORT_TIME_BUDGET_MS: "1" });
    // Links, so every field is parsed for unsafe ones: text without link syntax is kept as it
    // is, unparsed, and may be written within the millisecond.
    const link = "[w](https://example.com/w) ";
    const field = link.repeat(growthPlanLimits.longText / link.length).trim();
    const { session, plan } = await planWith(t, {
      title: "CSV over budget",
      goals: Array.from({ length: 4 }, () => goal({ resources: field, network: field })),
    });
    const response = await getJson(t.app, `/api/growth-plans/${plan.plan.id}/export.csv`, {
      session,
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe("unavailable");
  });
});
