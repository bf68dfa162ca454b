import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultTemplates } from "#core/growth-plan/growth-plan-defaults.ts";
import type { TemplateBody, TemplateView } from "#core/growth-plan/templates.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("templates, prompts and adoption", () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;

  beforeEach(async () => {
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
  afterEach(async () => t.close());

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
    const url = `/api/growth-plan-templates/${shipped.id}`;
    const saved = await sendJson(
      t.app,
      "PUT",
      url,
      { ...edited, baseVersion: 0 },
      { session: admin },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      id: shipped.id,
      name: "IC growth (edited)",
      builtIn: true,
      version: 1,
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
        await sendJson(
          t.app,
          "PUT",
          "/api/growth-plan-templates/sales-to-solutions",
          { ...edited, archived: true, baseVersion: 1 },
          { session: admin },
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
    const unknown = { ...edited, baseVersion: 0 };
    expect(
      (
        await sendJson(t.app, "PUT", "/api/growth-plan-templates/no-such-template", unknown, {
          session: admin,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await sendJson(t.app, "PUT", url, { ...edited, baseVersion: 1 }, { session: member }))
        .statusCode,
    ).toBe(403);
  });

  it("refuses a template save made from an outdated version, keeping the other admin's", async () => {
    const shipped = defaultTemplates[2];
    if (!shipped) throw new Error("no template");
    const url = `/api/growth-plan-templates/${shipped.id}`;
    const body = (name: string, baseVersion: number) => ({
      name,
      description: shipped.description,
      archived: false,
      content: shipped.content,
      baseVersion,
    });
    // Two admins open the shipped template (version 0) and both save.
    const first = await sendJson(t.app, "PUT", url, body("First admin's name", 0), {
      session: admin,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await sendJson(t.app, "PUT", url, body("Second admin's name", 0), {
      session: admin,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.fields).toEqual({ baseVersion: "Out of date" });
    const current = (await getJson(t.app, "/api/growth-plan-templates", { session: admin }))
      .json()
      .templates.find((template: TemplateView) => template.id === shipped.id);
    expect(current).toMatchObject({ name: "First admin's name", version: 1 });
    // Saved again from the version read now, it lands.
    const retried = await sendJson(t.app, "PUT", url, body("Second admin's name", 1), {
      session: admin,
    });
    expect(retried.json()).toMatchObject({ name: "Second admin's name", version: 2 });
  });

  it("keeps one of two concurrent saves from the same version and refuses the other", async () => {
    const created = await postJson(
      t.app,
      "/api/growth-plan-templates",
      {
        id: "race-template",
        name: "Race",
        description: "",
        content: defaultTemplates[0]?.content,
      },
      { session: admin },
    );
    expect(created.statusCode, created.body).toBe(201);
    const saves = await Promise.all(
      ["A", "B", "C", "D"].map((name) =>
        sendJson(
          t.app,
          "PUT",
          "/api/growth-plan-templates/race-template",
          {
            name,
            description: "",
            archived: false,
            content: defaultTemplates[0]?.content,
            baseVersion: 1,
          },
          { session: admin },
        ),
      ),
    );
    expect(saves.map((save) => save.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const winner = saves.find((save) => save.statusCode === 200)?.json() as TemplateView;
    const listed = (await getJson(t.app, "/api/growth-plan-templates", { session: admin }))
      .json()
      .templates.find((template: TemplateView) => template.id === "race-template");
    expect(listed).toMatchObject({ name: winner.name, version: 2 });
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

    expect(defaults.version).toBe(0);
    const values = [{ id: "values", text: "What do you value most at work?", help: "" }];
    const replaced = await sendJson(
      t.app,
      "PUT",
      "/api/growth-plan-prompts",
      { prompts: values, baseVersion: 0 },
      { session: admin },
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ builtIn: false, version: 1 });
    // Another admin's save made from the shipped list is refused; the saved list stays.
    const stale = await sendJson(
      t.app,
      "PUT",
      "/api/growth-plan-prompts",
      { prompts: [{ id: "other", text: "Something else?", help: "" }], baseVersion: 0 },
      { session: admin },
    );
    expect(stale.statusCode).toBe(409);
    expect(
      (await getJson(t.app, "/api/growth-plan-prompts", { session: member })).json().prompts,
    ).toEqual(values);
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

    const empty = await sendJson(
      t.app,
      "PUT",
      "/api/growth-plan-prompts",
      { prompts: [], baseVersion: 1 },
      { session: admin },
    );
    expect(empty.json().error.fields).toEqual({ prompts: "Keep at least one prompt" });
  });

  it("shows admins adoption counts by department and nothing of any plan", async () => {
    const started = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "Private plan title" },
      { session: member },
    );
    expect(started.statusCode, started.body).toBe(201);
    const response = await getJson(t.app, "/api/growth-plans/adoption", { session: admin });
    expect(response.statusCode).toBe(200);
    const adoption = response.json();
    expect(adoption.peopleWithActivePlan).toBe(1);
    expect(adoption.byDepartment).toEqual(
      expect.arrayContaining([{ department: "Sales", activePeople: 1, withActivePlan: 1 }]),
    );
    expect(response.body).not.toContain("Private plan title");
    expect(
      (await getJson(t.app, "/api/growth-plans/adoption", { session: member })).statusCode,
    ).toBe(403);
  });
});
