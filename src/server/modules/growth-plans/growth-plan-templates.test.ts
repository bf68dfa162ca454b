import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultTemplates } from "#core/growth-plan/growth-plan-defaults.ts";
import type { TemplateBody, TemplateView } from "#core/growth-plan.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const put = (app: FastifyInstance, url: string, body: unknown, session: Session) =>
  app.inject({
    method: "PUT",
    url,
    payload: JSON.stringify(body),
    headers: { "content-type": "application/json", cookie: session.cookie },
  });

describe("templates, prompts and adoption", () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin", department: "People" })).id,
    );
    member = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { department: "Sales" })).id,
    );
  });
  afterAll(async () => t.close());

  it("ships the four handbook templates", async () => {
    const list = (await getJson(t.app, "/api/growth-plan-templates", { session: member })).json();
    expect(list.templates.map((template: TemplateView) => template.id)).toEqual([
      "ic-growing-in-role",
      "aspiring-manager",
      "people-manager-growth",
      "lateral-growth",
    ]);
    expect(list.templates.every((template: TemplateView) => template.builtIn)).toBe(true);
  });

  it("lets admins edit a shipped template, add their own and archive one; plans copy what they start from", async () => {
    const shipped = defaultTemplates[0];
    if (!shipped) throw new Error("no template");
    const edited: TemplateBody = {
      name: "IC growth (edited)",
      description: shipped.description,
      archived: false,
      content: { ...shipped.content, goals: [] },
    };
    const saved = await put(t.app, `/api/growth-plan-templates/${shipped.id}`, edited, admin);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      id: shipped.id,
      name: "IC growth (edited)",
      builtIn: true,
    });
    const plan = (
      await postJson(
        t.app,
        "/api/growth-plans",
        { title: "From edited", templateId: shipped.id },
        { session: member },
      )
    ).json();
    expect(plan.goals).toEqual([]);

    const created = await postJson(
      t.app,
      "/api/growth-plan-templates",
      { ...edited, id: "sales-to-solutions", name: "Sales to solutions" },
      { session: admin },
    );
    expect(created.statusCode, created.body).toBe(201);
    const again = await postJson(
      t.app,
      "/api/growth-plan-templates",
      { ...edited, id: "sales-to-solutions" },
      { session: admin },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ id: "Already in use" });
    const taken = await postJson(
      t.app,
      "/api/growth-plan-templates",
      { ...edited, id: "lateral-growth" },
      { session: admin },
    );
    expect(taken.statusCode).toBe(409);

    expect(
      (
        await put(
          t.app,
          "/api/growth-plan-templates/sales-to-solutions",
          { ...edited, archived: true },
          admin,
        )
      ).statusCode,
    ).toBe(200);
    const visible = (
      await getJson(t.app, "/api/growth-plan-templates", { session: member })
    ).json();
    expect(visible.templates.map((template: TemplateView) => template.id)).not.toContain(
      "sales-to-solutions",
    );
    const all = (
      await getJson(t.app, "/api/growth-plan-templates?includeArchived=true", { session: admin })
    ).json();
    expect(all.templates.map((template: TemplateView) => template.id)).toContain(
      "sales-to-solutions",
    );
    const fromArchived = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "x", templateId: "sales-to-solutions" },
      { session: member },
    );
    expect(fromArchived.statusCode).toBe(400);
    expect(fromArchived.json().error.fields).toEqual({ templateId: "No template with this id" });
    expect(
      (await put(t.app, "/api/growth-plan-templates/no-such-template", edited, admin)).statusCode,
    ).toBe(404);
    expect(
      (await put(t.app, `/api/growth-plan-templates/${shipped.id}`, edited, member)).statusCode,
    ).toBe(403);
  });

  it("serves the default prompts until an admin replaces them; existing plans keep theirs", async () => {
    const defaults = (await getJson(t.app, "/api/growth-plan-prompts", { session: member })).json();
    expect(defaults.builtIn).toBe(true);
    expect(defaults.prompts.map((prompt: { text: string }) => prompt.text)).toEqual(
      expect.arrayContaining(["What energizes you?", "What drains your energy?"]),
    );
    expect(defaults.prompts).toHaveLength(5);
    const before = (
      await postJson(t.app, "/api/growth-plans", { title: "Before" }, { session: member })
    ).json();

    const replaced = await put(
      t.app,
      "/api/growth-plan-prompts",
      { prompts: [{ id: "values", text: "What do you value most at work?", help: "" }] },
      admin,
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().builtIn).toBe(false);
    const after = (
      await postJson(t.app, "/api/growth-plans", { title: "After" }, { session: member })
    ).json();
    expect(
      after.sections.inspiration.content.answers.map((a: { prompt: string }) => a.prompt),
    ).toEqual(["What do you value most at work?"]);
    const reread = (
      await getJson(t.app, `/api/growth-plans/${before.plan.id}`, { session: member })
    ).json();
    expect(reread.sections.inspiration.content.answers).toHaveLength(5);

    const empty = await put(t.app, "/api/growth-plan-prompts", { prompts: [] }, admin);
    expect(empty.json().error.fields).toEqual({ prompts: "Keep at least one prompt" });
  });

  it("shows admins adoption counts by department and nothing of any plan", async () => {
    const response = await getJson(t.app, "/api/growth-plans/adoption", { session: admin });
    expect(response.statusCode).toBe(200);
    const adoption = response.json();
    expect(adoption.peopleWithActivePlan).toBe(1);
    expect(adoption.byDepartment).toEqual(
      expect.arrayContaining([{ department: "Sales", activePeople: 1, withActivePlan: 1 }]),
    );
    expect(response.body).not.toContain("Before");
    expect(
      (await getJson(t.app, "/api/growth-plans/adoption", { session: member })).statusCode,
    ).toBe(403);
  });
});
