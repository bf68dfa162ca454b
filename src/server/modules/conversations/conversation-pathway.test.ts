import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { findDefaultTemplate, findStageByKey } from "#server/modules/pathways/pathway.queries.ts";
import { addPathwayItem } from "#server/modules/pathways/pathway-template-items.service.ts";
import {
  completeSetup,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { actorOf } from "./conversations.testing.ts";

// The test clock starts at 2026-03-02: someone hired on 2025-10-02 is in Year 1 · Q2.
const fiveMonthsAgo = "2025-10-02";

describe("a held conversation completes the pathway's career-conversation item", () => {
  let t: TestApp;
  let member: Session;
  let manager: Session;
  let memberId: string;

  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t);
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const template = await findDefaultTemplate(t.ctx.db);
    const stage = template ? await findStageByKey(t.ctx.db, template.id, "y1q2") : undefined;
    if (!template || !stage) throw new Error("The shipped pathway has a Year 1 Q2 stage");
    await addPathwayItem(
      t.ctx,
      actorOf(admin.id, "admin"),
      template.id,
      {
        stageId: stage.id,
        description: "Have a career conversation with your manager",
        kind: "career_conversation",
      },
      { requestId: "test", address: "127.0.0.1", userAgent: null },
    );
    const boss = await createPersonWithoutPassword(t.ctx);
    const report = await createPersonWithoutPassword(t.ctx, {
      managerId: boss.id,
      hireDate: fiveMonthsAgo,
    });
    memberId = report.id;
    member = await createSession(t.ctx, report.id);
    manager = await createSession(t.ctx, boss.id);
  });
  afterEach(async () => t.close());

  const conversationItemsOf = async (keyId: string) => {
    const view = (
      await getJson(t.app, "/api/pathway/me", { session: member })
    ).json() as PathwayView;
    return (view.stages.find((stage) => stage.keyId === keyId)?.items ?? []).filter(
      (item) => item.kind === "career_conversation",
    );
  };

  it("marks the item of the conversation's quarter done, on the conversation's day", async () => {
    expect((await conversationItemsOf("y1q2")).map((item) => item.progress)).toEqual([null]);
    const started = await postJson(
      t.app,
      "/api/conversations",
      { memberId, scheduledAt: "2026-03-01T10:00:00Z" },
      { session: manager },
    );
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    const finished = await postJson(
      t.app,
      `/api/conversations/${id}/finish`,
      { baseVersion: 1, nextDate: "2026-09-01" },
      { session: manager },
    );
    expect(finished.statusCode, finished.body).toBe(200);
    // Finished but not confirmed: it does not count yet.
    expect((await conversationItemsOf("y1q2"))[0]?.progress).toBeNull();

    const acknowledged = await postJson(
      t.app,
      `/api/conversations/${id}/acknowledge`,
      { baseVersion: 2 },
      { session: member },
    );
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect((await conversationItemsOf("y1q2"))[0]?.progress).toMatchObject({
      status: "done",
      source: "career_conversation",
      doneOn: "2026-03-01",
    });
  });

  it("completes the shipped Year 1 Q1 item that asks for a conversation once the IGP exists", async () => {
    await postJson(t.app, "/api/growth-plans", { title: "My first plan" }, { session: member });
    const y1q1 = async () => {
      const view = (
        await getJson(t.app, "/api/pathway/me", { session: member })
      ).json() as PathwayView;
      const stage = view.stages.find((each) => each.keyId === "y1q1");
      return stage?.items.find((item) => item.kind === "growth_plan");
    };
    expect((await y1q1())?.progress).toBeNull();
    // Held in Year 1 Q2: that quarter's own item first, then the earlier quarter's.
    for (const day of ["2026-02-20", "2026-02-27"]) {
      const started = await postJson(
        t.app,
        "/api/conversations",
        { memberId, scheduledAt: `${day}T10:00:00Z` },
        { session: manager },
      );
      const id = started.json().id as string;
      await postJson(
        t.app,
        `/api/conversations/${id}/finish`,
        { baseVersion: 1, nextDate: "2026-09-01" },
        { session: manager },
      );
      const acknowledged = await postJson(
        t.app,
        `/api/conversations/${id}/acknowledge`,
        { baseVersion: 2 },
        { session: member },
      );
      expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    }
    expect((await conversationItemsOf("y1q2"))[0]?.progress).toMatchObject({
      doneOn: "2026-02-20",
    });
    expect((await y1q1())?.progress).toMatchObject({
      status: "done",
      source: "career_conversation",
      doneOn: "2026-02-27",
    });
  });
});
