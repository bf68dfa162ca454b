import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEventList } from "#core/audit.schemas.ts";
import { testFrameworkContent } from "#server/modules/career-paths/career-paths.testing.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const growthPlanTemplate = {
  name: "Audited template",
  description: "",
  content: {
    role: { trajectory: null, targetRoles: [], timeFrame: "", notes: "" },
    inspirationHint: "",
    goals: [],
    resources: [],
    schedule: [],
  },
};

describe("admin changes in the audit log", () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminId = (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id;
    admin = await createSession(t.ctx, adminId);
  });
  afterAll(async () => t.close());

  const send = async (method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body = {}) => {
    const response = await t.app.inject({
      method,
      url,
      payload: JSON.stringify(body),
      headers: { "content-type": "application/json", cookie: admin.cookie },
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };

  const actionsOn = async (targetId: string) => {
    const response = await getJson(t.app, `/api/audit-events?actorId=${adminId}&limit=200`, {
      session: admin,
    });
    return (response.json() as AuditEventList).events
      .filter((event) => event.target?.id === targetId)
      .map((event) => event.action)
      .reverse();
  };

  it("records every pathway template change, import and assignment", async () => {
    const created = await send("POST", "/api/pathway-templates", {
      name: "Audited pathway",
      description: "",
      audience: "",
      stages: ["y1q1"],
    });
    const url = `/api/pathway-templates/${created.id}`;
    const stageId = created.stages[0].id;
    const withItem = await send("POST", `${url}/items`, {
      stageId,
      description: "Attend one live learning session",
    });
    const itemId = withItem.stages[0].items[0].id;
    await send("PATCH", `${url}/items/${itemId}`, { title: "Attend a session" });
    await send("PUT", `${url}/stages/${stageId}/order`, { itemIds: [itemId] });
    await send("DELETE", `${url}/items/${itemId}`);
    const withStage = await send("POST", `${url}/stages`, { key: "y1q2" });
    const second = withStage.stages.find((stage: { id: string }) => stage.id !== stageId);
    await send("DELETE", `${url}/stages/${second.id}`);
    await send("PATCH", url, { name: "Renamed pathway" });
    await send("POST", `${url}/default`);
    expect(await actionsOn(created.id)).toEqual([
      "pathway_template.created",
      "pathway_item.added",
      "pathway_item.updated",
      "pathway_items.reordered",
      "pathway_item.removed",
      "pathway_stage.added",
      "pathway_stage.removed",
      "pathway_template.updated",
      "pathway_template.made_default",
    ]);

    const imported = await send("POST", "/api/pathway-templates/import", {
      markdown:
        "## Year 1\n\n### Q1\n\n1. Complete the [certification](/handbook/certification/)\n",
    });
    expect(await actionsOn(imported.template.id)).toEqual(["pathway_template.imported"]);

    const member = await createPersonWithoutPassword(t.ctx);
    await send("PUT", `/api/people/${member.id}/pathway-assignment`, {
      templateId: imported.template.id,
    });
    expect(await actionsOn(member.id)).toEqual(["pathway.assigned"]);
  });

  it("records growth plan template and prompt edits", async () => {
    await send("POST", "/api/growth-plan-templates", { ...growthPlanTemplate, id: "audited" });
    await send("PUT", "/api/growth-plan-templates/audited", {
      ...growthPlanTemplate,
      name: "Audited, renamed",
      baseVersion: 1,
    });
    expect(await actionsOn("audited")).toEqual([
      "growth_plan_template.created",
      "growth_plan_template.updated",
    ]);
    await send("PUT", "/api/growth-plan-prompts", {
      prompts: [{ id: "energizes", text: "What energizes you?", help: "" }],
      baseVersion: 0,
    });
    expect(await actionsOn("reflection-prompts")).toEqual(["growth_plan_prompts.updated"]);
  });

  it("records every career framework change, import and current-role set; a refused one records none", async () => {
    const created = await send("POST", "/api/career-frameworks", {
      name: "Audited framework",
      description: "",
    });
    const url = `/api/career-frameworks/${created.id}`;
    const draft = (await getJson(t.app, `${url}/draft`, { session: admin })).json();
    const saved = await send("PUT", `${url}/draft`, {
      baseVersion: draft.version,
      content: testFrameworkContent({ name: "Audited framework" }),
    });
    const patched = await send("PATCH", `${url}/draft/expectations`, {
      baseVersion: saved.version,
      changes: [{ roleKey: "analyst", competencyKey: "coaching", level: 1 }],
    });
    await send("POST", `${url}/publish`, {
      baseVersion: patched.version,
      changeSummary: "First version",
    });
    const written = [
      "career_framework.created",
      "career_framework.draft_saved",
      "career_framework.draft_saved",
      "career_framework.published",
    ];
    expect(await actionsOn(created.id)).toEqual(written);

    const stale = await t.app.inject({
      method: "PUT",
      url: `${url}/draft`,
      payload: JSON.stringify({ baseVersion: draft.version, content: saved.content }),
      headers: { "content-type": "application/json", cookie: admin.cookie },
    });
    expect(stale.statusCode).toBe(409);
    expect(await actionsOn(created.id)).toEqual(written);

    const exported = await getJson(t.app, `${url}/export?format=yaml`, { session: admin });
    expect(exported.statusCode).toBe(200);
    const imported = await send("POST", "/api/career-frameworks/import", {
      format: "yaml",
      content: exported.body,
    });
    expect(await actionsOn(imported.frameworkId)).toEqual(["career_framework.imported"]);
    await send("POST", "/api/career-frameworks/import", {
      format: "yaml",
      content: exported.body,
      frameworkId: created.id,
    });
    expect(await actionsOn(created.id)).toEqual([...written, "career_framework.imported"]);

    const member = await createPersonWithoutPassword(t.ctx);
    await send("PUT", `/api/people/${member.id}/career/current-role`, {
      role: { frameworkId: created.id, roleKey: "analyst" },
    });
    await send("PUT", `/api/people/${member.id}/career/current-role`, { role: null });
    expect(await actionsOn(member.id)).toEqual([
      "career_position.current_role_set",
      "career_position.current_role_set",
    ]);
  });
});
