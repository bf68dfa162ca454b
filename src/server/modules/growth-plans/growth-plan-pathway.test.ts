import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeSetup, createPerson, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

// The test clock starts at 2026-03-02: someone hired on 2025-10-02 is in Year 1 · Q2.
const fiveMonthsAgo = "2025-10-02";

type PathwayItem = {
  id: string;
  kind: string;
  title: string;
  progress: { status: string; source: string } | null;
};
type PathwayStage = { keyId: string; items: PathwayItem[] };

async function growthPlanItems(t: TestApp, session: Session): Promise<Map<string, PathwayItem>> {
  const view = (await getJson(t.app, "/api/pathway/me", { session })).json() as {
    stages: PathwayStage[];
  };
  const items = view.stages.flatMap((stage) =>
    stage.items
      .filter((item) => item.kind === "growth_plan")
      .map((item) => [stage.keyId, item] as const),
  );
  return new Map(items);
}

describe("a growth plan completes the pathway's growth-plan step", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t);
  });
  afterEach(async () => t.close());

  it("marks the first open growth-plan item done when a member starts a plan", async () => {
    const admin = await createPerson(t.ctx, { role: "admin" });
    const adminSession = await createSession(t.ctx, admin.id);
    const templates = (
      await getJson(t.app, "/api/pathway-templates", { session: adminSession })
    ).json() as {
      templates: { id: string; isDefault: boolean }[];
    };
    const shipped = templates.templates.find((template) => template.isDefault);
    const detail = (
      await getJson(t.app, `/api/pathway-templates/${shipped?.id}`, { session: adminSession })
    ).json() as { stages: { id: string; keyId: string }[] };
    const thisQuarter = detail.stages.find((stage) => stage.keyId === "y1q2");
    const added = await postJson(
      t.app,
      `/api/pathway-templates/${shipped?.id}/items`,
      {
        stageId: thisQuarter?.id,
        description: "Write down three goals in your IGP.",
        kind: "growth_plan",
      },
      { session: adminSession },
    );
    expect(added.statusCode, added.body).toBe(201);

    const member = await createPerson(t.ctx, { hireDate: fiveMonthsAgo });
    const session = await createSession(t.ctx, member.id);
    expect((await growthPlanItems(t, session)).get("y1q2")?.progress).toBeNull();

    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My first plan" },
      { session },
    );
    expect(created.statusCode).toBe(201);

    const after = await growthPlanItems(t, session);
    expect(after.get("y1q2")?.progress).toMatchObject({ status: "done", source: "growth_plan" });
    // "Revisit your IGP" belongs to Year 2: it stays open until then.
    expect(after.get("y2q2")?.progress ?? null).toBeNull();
  });

  it("leaves an item that also asks for a career conversation to the held conversation", async () => {
    const member = await createPerson(t.ctx, { hireDate: fiveMonthsAgo });
    const session = await createSession(t.ctx, member.id);
    // Year 1 Q1: "Start tracking … an IGP … then have a Career Development Conversation".
    expect((await growthPlanItems(t, session)).get("y1q1")?.progress).toBeNull();
    await postJson(t.app, "/api/growth-plans", { title: "My first plan" }, { session });
    expect((await growthPlanItems(t, session)).get("y1q1")?.progress).toBeNull();
  });

  it("leaves an item the member hid alone", async () => {
    const member = await createPerson(t.ctx, { hireDate: fiveMonthsAgo });
    const session = await createSession(t.ctx, member.id);
    const item = (await growthPlanItems(t, session)).get("y1q1");
    if (!item) throw new Error("the shipped pathway has a Year 1 Q1 growth-plan item");
    const hidden = await sendJson(
      t.app,
      "PUT",
      `/api/people/${member.id}/pathway/items/${item.id}/hidden`,
      { reason: "I keep my plan elsewhere" },
      { session },
    );
    expect(hidden.statusCode).toBe(200);

    await postJson(t.app, "/api/growth-plans", { title: "A plan anyway" }, { session });
    expect((await growthPlanItems(t, session)).get("y1q1")?.progress).toMatchObject({
      status: "hidden",
      source: "member",
    });
  });
});
