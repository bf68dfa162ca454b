import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  PathwayTemplateDetail,
  PathwayTemplateList,
  PathwayView,
} from "#core/pathway/pathway-api.schemas.ts";
import {
  completeSetup,
  createPerson,
  createSession,
  type TestPerson,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { fiveMonthsAgo, itemsOf } from "./pathway.testing.ts";
import { markPathwayItemDone } from "./pathway-progress.service.ts";

describe("pathway: first run, member progress and who may see it", () => {
  let t: TestApp;
  let admin: Session;
  let member: TestPerson;
  let self: Session;
  let managerSession: Session;
  let skipLevelSession: Session;
  let peerSession: Session;
  let adminTemplateId: string;

  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t);
    admin = await createSession(t.ctx, (await createPerson(t.ctx, { role: "admin" })).id);
    const skipLevel = await createPerson(t.ctx);
    const manager = await createPerson(t.ctx, { managerId: skipLevel.id });
    member = await createPerson(t.ctx, { managerId: manager.id, hireDate: fiveMonthsAgo });
    const peer = await createPerson(t.ctx, { managerId: manager.id, hireDate: fiveMonthsAgo });
    self = await createSession(t.ctx, member.id);
    managerSession = await createSession(t.ctx, manager.id);
    skipLevelSession = await createSession(t.ctx, skipLevel.id);
    peerSession = await createSession(t.ctx, peer.id);
    const templates = await getJson(t.app, "/api/pathway-templates", { session: admin });
    adminTemplateId = (templates.json() as PathwayTemplateList).templates[0]?.id ?? "";
  });
  afterEach(async () => t.close());

  const myView = async () => {
    const response = await getJson(t.app, "/api/pathway/me", { session: self });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PathwayView;
  };
  const itemUrl = (itemId: string, suffix: string) =>
    `/api/people/${member.id}/pathway/items/${itemId}/${suffix}`;
  const markDone = (itemId: string, body: unknown, session = self) =>
    sendJson(t.app, "PUT", itemUrl(itemId, "done"), body, { session });

  it("installs the shipped handbook pathway at first run as the default, with attribution", async () => {
    const response = await getJson(t.app, "/api/pathway-templates", { session: admin });
    expect(response.statusCode, response.body).toBe(200);
    const { templates } = response.json() as PathwayTemplateList;
    expect(templates).toHaveLength(1);
    const [shipped] = templates;
    expect(shipped).toMatchObject({
      name: "Career Development for Individual Contributors at GitLab",
      audience: "Individual Contributors",
      isDefault: true,
      status: "active",
      stageCount: 9,
      itemCount: 26,
      attribution: { license: "CC BY-SA 4.0" },
    });
    expect(shipped?.attribution?.sourceUrl).toContain("handbook.gitlab.com");
    expect(shipped?.id).toBe(adminTemplateId);
  });

  it("shows a member hired five months ago in Year 1 · Q2 with Q1 left behind", async () => {
    const view = await myView();
    expect(view.tenure).toMatchObject({
      status: "active",
      year: 1,
      quarter: 2,
      label: "Year 1 · Q2",
    });
    expect(view.today).toBe("2026-03-02");
    expect(view.canEdit).toBe(true);
    expect(view.template).toMatchObject({
      source: "default",
      attribution: { license: "CC BY-SA 4.0" },
    });
    expect(view.stages.map((stage) => `${stage.keyId}:${stage.status}`).slice(0, 3)).toEqual([
      "y1q1:past",
      "y1q2:current",
      "y1q3:upcoming",
    ]);
    expect(view.stages.at(-1)).toMatchObject({ keyId: "considerations", status: "upcoming" });
    expect(view.summary.headline).toBe("Year 1 · Q2 — 0 of 3 done");
    expect(view.summary.stageKeyId).toBe("y1q2");
    expect(view.summary.next.map((item) => item.stageKeyId)).toEqual(["y1q2", "y1q2", "y1q2"]);
    expect(view.leftBehind.map((item) => item.stageKeyId)).toEqual(["y1q1", "y1q1", "y1q1"]);
    expect(view.summary.leftBehindCount).toBe(3);
    const [q2Start] = [view.stages[1]?.startsOn];
    expect(q2Start).toBe("2026-01-02");
  });

  it("marks an item done today with evidence and a note, replaces the mark, and undoes it", async () => {
    const [first] = itemsOf(await myView(), "y1q2");
    const done = await markDone(first?.id ?? "", {
      evidenceUrl: "https://learn.example.com/certificates/42",
      note: "Blocked Fridays 2–4 pm",
    });
    expect(done.statusCode, done.body).toBe(200);
    const view = done.json() as PathwayView;
    expect(itemsOf(view, "y1q2")[0]?.progress).toMatchObject({
      status: "done",
      doneOn: "2026-03-02",
      evidenceUrl: "https://learn.example.com/certificates/42",
      note: "Blocked Fridays 2–4 pm",
      source: "member",
    });
    expect(view.summary.headline).toBe("Year 1 · Q2 — 1 of 3 done");
    expect(view.summary.next).toHaveLength(3);
    expect(view.summary.next.map((item) => item.id)).not.toContain(first?.id);

    const again = await markDone(first?.id ?? "", { doneOn: "2026-01-15" });
    expect(itemsOf(again.json(), "y1q2")[0]?.progress).toMatchObject({
      doneOn: "2026-01-15",
      evidenceUrl: null,
      note: null,
    });

    const undone = await sendJson(
      t.app,
      "DELETE",
      itemUrl(first?.id ?? "", "done"),
      {},
      { session: self },
    );
    expect(undone.statusCode, undone.body).toBe(200);
    expect(itemsOf(undone.json(), "y1q2")[0]?.progress).toBeNull();
    expect((undone.json() as PathwayView).summary.headline).toBe("Year 1 · Q2 — 0 of 3 done");
    const twice = await sendJson(
      t.app,
      "DELETE",
      itemUrl(first?.id ?? "", "done"),
      {},
      { session: self },
    );
    expect(twice.statusCode).toBe(200);
  });

  it("refuses future dates, dates before the hire date and non-http evidence, naming the field", async () => {
    const [item] = itemsOf(await myView(), "y1q2");
    const id = item?.id ?? "";
    const cases = [
      [{ doneOn: "2026-03-03" }, "doneOn"],
      [{ doneOn: "2025-10-01" }, "doneOn"],
      [{ doneOn: "2026-02-30" }, "doneOn"],
      [{ evidenceUrl: "javascript:alert(1)" }, "evidenceUrl"],
      [{ evidenceUrl: "ftp://files.example.com/a" }, "evidenceUrl"],
      [{ note: "x".repeat(2_001) }, "note"],
      [{ doneOn: "2026-03-01", extra: true }, "extra"],
    ] as const;
    for (const [body, field] of cases) {
      const response = await markDone(id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields), JSON.stringify(body)).toContain(field);
    }
    expect(itemsOf(await myView(), "y1q2")[0]?.progress).toBeNull();
  });

  it("uses the member's own calendar for today", async () => {
    const tokyo = await createPerson(t.ctx, { hireDate: "2025-01-10", timeZone: "Asia/Tokyo" });
    const session = await createSession(t.ctx, tokyo.id);
    t.clock.set(new Date("2026-03-02T20:00:00.000Z"));
    try {
      const view = (await getJson(t.app, "/api/pathway/me", { session })).json() as PathwayView;
      expect(view.today).toBe("2026-03-03");
      const item = view.stages.find((stage) => stage.status === "current")?.items[0];
      const response = await sendJson(
        t.app,
        "PUT",
        `/api/people/${tokyo.id}/pathway/items/${item?.id}/done`,
        { doneOn: "2026-03-03" },
        { session },
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(
        (await markDone(itemsOf(await myView(), "y1q2")[0]?.id ?? "", { doneOn: "2026-03-03" }))
          .statusCode,
      ).toBe(400);
    } finally {
      t.clock.set(new Date("2026-03-02T09:00:00.000Z"));
    }
  });

  it("hides an item with a reason, leaving it out of the count, and shows it again", async () => {
    const [, second] = itemsOf(await myView(), "y1q2");
    const hidden = await sendJson(
      t.app,
      "PUT",
      itemUrl(second?.id ?? "", "hidden"),
      { reason: "My team has no LinkedIn Learning licences" },
      { session: self },
    );
    expect(hidden.statusCode, hidden.body).toBe(200);
    const view = hidden.json() as PathwayView;
    expect(itemsOf(view, "y1q2")[1]?.progress).toMatchObject({
      status: "hidden",
      hiddenReason: "My team has no LinkedIn Learning licences",
    });
    expect(view.stages[1]?.counts).toEqual({ done: 0, total: 2, hidden: 1 });
    expect(view.summary.headline).toBe("Year 1 · Q2 — 0 of 2 done");

    const shown = await sendJson(
      t.app,
      "DELETE",
      itemUrl(second?.id ?? "", "hidden"),
      {},
      { session: self },
    );
    expect(shown.statusCode).toBe(200);
    expect((shown.json() as PathwayView).stages[1]?.counts).toEqual({
      done: 0,
      total: 3,
      hidden: 0,
    });
  });

  it("lets the member add, edit, complete and delete items of their own", async () => {
    const url = `/api/people/${member.id}/pathway/custom-items`;
    const created = await postJson(
      t.app,
      url,
      {
        stageKey: "y1q2",
        title: "Pair with Ana on an incident review",
        description: "Notes in [the handbook](/handbook/engineering/)",
      },
      { session: self },
    );
    expect(created.statusCode, created.body).toBe(201);
    const own = itemsOf(created.json(), "y1q2").find((item) => item.origin === "custom");
    expect(own).toMatchObject({
      title: "Pair with Ana on an incident review",
      kind: "other",
      links: [{ text: "the handbook", url: "https://handbook.gitlab.com/handbook/engineering/" }],
      progress: null,
    });
    expect((created.json() as PathwayView).summary.headline).toBe("Year 1 · Q2 — 0 of 4 done");

    for (const [body, field] of [
      [{ stageKey: "year one", title: "x" }, "stageKey"],
      [{ stageKey: "y9q1", title: "x" }, "stageKey"],
      [{ stageKey: "y1q2", title: "" }, "title"],
      [{ stageKey: "y1q2", title: "two\nlines" }, "title"],
    ] as const) {
      const refused = await postJson(t.app, url, body, { session: self });
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(refused.json().error.fields)).toContain(field);
    }

    const done = await markDone(own?.id ?? "", { doneOn: "2026-02-20" });
    expect(itemsOf(done.json(), "y1q2").at(-1)?.progress).toMatchObject({
      status: "done",
      doneOn: "2026-02-20",
    });
    const hide = await sendJson(
      t.app,
      "PUT",
      itemUrl(own?.id ?? "", "hidden"),
      {},
      { session: self },
    );
    expect(hide.statusCode).toBe(409);

    const moved = await sendJson(
      t.app,
      "PATCH",
      `${url}/${own?.id}`,
      { stageKey: "y1q3", title: "Pair on two incident reviews" },
      { session: self },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(itemsOf(moved.json(), "y1q3").at(-1)).toMatchObject({
      title: "Pair on two incident reviews",
      origin: "custom",
    });

    const deleted = await sendJson(t.app, "DELETE", `${url}/${own?.id}`, {}, { session: self });
    expect(deleted.statusCode).toBe(200);
    const view = deleted.json() as PathwayView;
    expect(
      view.stages.flatMap((stage) => stage.items).some((item) => item.origin === "custom"),
    ).toBe(false);
  });

  it("lets the management chain and admins read the progress but not change it; peers get 404", async () => {
    const [item] = itemsOf(await myView(), "y1q2");
    await markDone(item?.id ?? "", { evidenceUrl: "https://example.com/proof" });
    const url = `/api/people/${member.id}/pathway`;

    for (const session of [managerSession, skipLevelSession, admin]) {
      const read = await getJson(t.app, url, { session });
      expect(read.statusCode, read.body).toBe(200);
      const view = read.json() as PathwayView;
      expect(view.canEdit).toBe(false);
      expect(view.summary.headline).toBe("Year 1 · Q2 — 1 of 3 done");
      expect(itemsOf(view, "y1q2")[0]?.progress?.evidenceUrl).toBe("https://example.com/proof");

      for (const [method, suffix] of [
        ["PUT", "done"],
        ["DELETE", "done"],
        ["PUT", "hidden"],
        ["DELETE", "hidden"],
      ] as const) {
        const write = await sendJson(
          t.app,
          method,
          itemUrl(item?.id ?? "", suffix),
          {},
          { session },
        );
        expect(write.statusCode, `${method} ${suffix}`).toBe(403);
      }
      const add = await postJson(
        t.app,
        `${url}/custom-items`,
        { stageKey: "y1q2", title: "Not yours" },
        { session },
      );
      expect(add.statusCode).toBe(403);
    }

    expect((await getJson(t.app, url, { session: peerSession })).statusCode).toBe(404);
    expect((await markDone(item?.id ?? "", {}, peerSession)).statusCode).toBe(404);
    const after = await myView();
    expect(itemsOf(after, "y1q2")[0]?.progress?.evidenceUrl).toBe("https://example.com/proof");
  });

  it("answers 404 for an item that is not on the member's pathway", async () => {
    const response = await markDone("0190a5a0-0000-7000-8000-000000000000", {});
    expect(response.statusCode).toBe(404);
    const bad = await markDone("not-an-id", {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("itemId");
  });

  it("keeps members' progress when an admin edits an item, and their history when it is removed", async () => {
    const [doneItem] = itemsOf(await myView(), "y1q2");
    const marked = await markDone(doneItem?.id ?? "", { evidenceUrl: "https://example.com/proof" });
    expect(marked.statusCode, marked.body).toBe(200);
    const base = `/api/pathway-templates/${adminTemplateId}/items/${doneItem?.id}`;

    const edited = await sendJson(
      t.app,
      "PATCH",
      base,
      { title: "Plan your learning time" },
      { session: admin },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const afterEdit = itemsOf(await myView(), "y1q2")[0];
    expect(afterEdit).toMatchObject({ id: doneItem?.id, title: "Plan your learning time" });
    expect(afterEdit?.progress?.status).toBe("done");

    const removed = await sendJson(t.app, "DELETE", base, {}, { session: admin });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as PathwayTemplateDetail).itemCount).toBe(25);
    const afterRemoval = await myView();
    expect(itemsOf(afterRemoval, "y1q2").map((item) => item.id)).not.toContain(doneItem?.id);
    expect(afterRemoval.removedWithProgress).toHaveLength(1);
    expect(afterRemoval.removedWithProgress[0]).toMatchObject({
      id: doneItem?.id,
      progress: { status: "done", evidenceUrl: "https://example.com/proof" },
    });
    expect(afterRemoval.summary.headline).toBe("Year 1 · Q2 — 0 of 2 done");
    expect((await markDone(doneItem?.id ?? "", {})).statusCode).toBe(404);
  });

  it("lets another area mark an item done without overriding the member's own choice", async () => {
    const view = await myView();
    const [first, second] = itemsOf(view, "y1q3");
    await sendJson(t.app, "PUT", itemUrl(second?.id ?? "", "hidden"), {}, { session: self });
    const marked = await markPathwayItemDone(t.ctx, {
      personId: member.id,
      itemId: first?.id ?? "",
      source: "growth_plan",
    });
    const kept = await markPathwayItemDone(t.ctx, {
      personId: member.id,
      itemId: second?.id ?? "",
      source: "growth_plan",
    });
    expect([marked, kept]).toEqual(["marked", "kept"]);
    const after = itemsOf(await myView(), "y1q3");
    expect(after[0]?.progress).toMatchObject({
      status: "done",
      source: "growth_plan",
      doneOn: "2026-03-02",
    });
    expect(after[1]?.progress?.status).toBe("hidden");
  });

  it("says when a member has not started or has no hire date", async () => {
    const future = await createPerson(t.ctx, { hireDate: "2026-04-01" });
    const futureView = (
      await getJson(t.app, "/api/pathway/me", { session: await createSession(t.ctx, future.id) })
    ).json() as PathwayView;
    expect(futureView.tenure).toEqual({ status: "not-started", startsOn: "2026-04-01" });
    expect(futureView.summary).toMatchObject({
      headline: "Starts on 2026-04-01",
      stageKeyId: "y1q1",
      done: 0,
      total: 3,
    });
    expect(futureView.stages.every((stage) => stage.status === "upcoming")).toBe(true);

    const undated = await createPerson(t.ctx);
    const undatedView = (
      await getJson(t.app, "/api/pathway/me", { session: await createSession(t.ctx, undated.id) })
    ).json() as PathwayView;
    expect(undatedView.tenure).toEqual({ status: "no-hire-date" });
    expect(undatedView.summary.headline).toBe("Add a hire date to follow the pathway");
  });

  it("shows considerations as current after the last scheduled year", async () => {
    const veteran = await createPerson(t.ctx, { hireDate: "2023-01-15" });
    const view = (
      await getJson(t.app, "/api/pathway/me", { session: await createSession(t.ctx, veteran.id) })
    ).json() as PathwayView;
    expect(view.tenure).toMatchObject({ year: 4, quarter: 1 });
    expect(view.stages.at(-1)).toMatchObject({ keyId: "considerations", status: "current" });
    expect(view.summary.headline).toBe("Year 4 · Q1 — 0 of 3 done");
    expect(view.leftBehind.length).toBeGreaterThan(20);
  });
});
