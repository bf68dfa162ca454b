import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { CommentView } from "#core/growth-plan/sharing.schemas.ts";
import { createReportingCircle } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

/** Threads: replies to a top-level comment, resolve and reopen, and who reads and hears of them. */
describe("comment threads", () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof createReportingCircle>>["ids"];
  let sessions: Awaited<ReturnType<typeof createReportingCircle>>["sessions"];
  let planId: string;
  const url = (suffix = "") => `/api/growth-plans/${planId}/comments${suffix}`;
  const post = (session: Session, body: Record<string, unknown>) =>
    postJson(t.app, url(), body, { session });
  const list = async (session: Session, query = "") => {
    const response = await getJson(t.app, url(query), { session });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { comments: CommentView[] }).comments;
  };
  const titlesOf = async (personId: string) =>
    (
      await t.ctx.db
        .selectFrom("notifications")
        .select("title")
        .where("person_id", "=", personId)
        .orderBy("created_at")
        .execute()
    ).map((row) => row.title);

  beforeEach(async () => {
    t = await createTestApp();
    ({ ids, sessions } = await createReportingCircle(t.ctx));
    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My plan" },
      { session: sessions.owner },
    );
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().plan.id;
  });
  afterEach(async () => t.close());

  it("nests replies under their comment, so the list still counts open threads", async () => {
    const question = await post(sessions.manager, { section: "goals", body: "Which course?" });
    expect(question.statusCode, question.body).toBe(201);
    expect(question.json()).toMatchObject({ parentId: null, replies: [], resolvedAt: null });
    t.clock.advance(1);
    const answer = await post(sessions.owner, {
      section: "goals",
      body: "The coaching one",
      parentId: question.json().id,
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({ parentId: question.json().id, replies: [] });
    t.clock.advance(1);
    await post(sessions.manager, { section: "role", body: "Nice role notes" });

    for (const who of ["owner", "manager"] as const) {
      const comments = await list(sessions[who]);
      expect(
        comments.map((comment) => comment.body),
        who,
      ).toEqual(["Which course?", "Nice role notes"]);
      expect(comments[0]?.replies.map((reply) => [reply.body, reply.author.displayName])).toEqual([
        ["The coaching one", "Olu Owner"],
      ]);
    }
    const goals = await list(sessions.owner, "?section=goals&includeResolved=false");
    expect(goals.filter((comment) => !comment.resolvedAt)).toHaveLength(1);
  });

  it("refuses a parent that is unknown, in another section, a reply or resolved, naming parentId", async () => {
    const question = (await post(sessions.manager, { section: "goals", body: "Q" })).json();
    const reply = (
      await post(sessions.owner, { section: "goals", body: "A", parentId: question.id })
    ).json();
    const cases = [
      { section: "goals", parentId: crypto.randomUUID() },
      { section: "role", parentId: question.id },
      { section: "goals", parentId: reply.id },
      { section: "goals", parentId: "not-an-id" },
    ];
    for (const body of cases) {
      const response = await post(sessions.owner, { ...body, body: "Again" });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual(["parentId"]);
    }
    await postJson(t.app, url(`/${question.id}/resolve`), {}, { session: sessions.owner });
    const onResolved = await post(sessions.manager, {
      section: "goals",
      body: "Late",
      parentId: question.id,
    });
    expect(onResolved.statusCode).toBe(400);
    expect(onResolved.json().error.fields.parentId).toMatch(/resolved/);
    const stored = await t.ctx.db.selectFrom("growth_plan_comments").select("id").execute();
    expect(stored).toHaveLength(2);
  });

  it("the owner resolves and reopens a thread; others get 403, non-readers 404", async () => {
    const question = (await post(sessions.manager, { section: "goals", body: "Q" })).json();
    const reply = (
      await post(sessions.owner, { section: "goals", body: "A", parentId: question.id })
    ).json();
    const resolve = (session: Session, id = question.id) =>
      postJson(t.app, url(`/${id}/resolve`), {}, { session });
    const reopen = (session: Session, id = question.id) =>
      postJson(t.app, url(`/${id}/reopen`), {}, { session });

    const resolved = await resolve(sessions.owner);
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      resolvedBy: { displayName: "Olu Owner" },
      replies: [expect.objectContaining({ id: reply.id })],
    });
    expect(await list(sessions.manager, "?includeResolved=false")).toEqual([]);
    expect((await reopen(sessions.manager)).statusCode).toBe(403);
    expect((await reopen(sessions.peer)).statusCode).toBe(404);
    const reopened = await reopen(sessions.owner);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ resolvedAt: null, resolvedBy: null });
    expect((await list(sessions.manager, "?includeResolved=false")).map((c) => c.id)).toEqual([
      question.id,
    ]);
    for (const act of [resolve, reopen]) {
      const onReply = await act(sessions.owner, reply.id);
      expect(onReply.statusCode).toBe(400);
      expect(Object.keys(onReply.json().error.fields)).toEqual(["commentId"]);
    }
    expect((await reopen(sessions.owner, crypto.randomUUID())).statusCode).toBe(404);
  });

  it("hides replies with their section when it is no longer shared", async () => {
    const share = (people: string[]) =>
      sendJson(
        t.app,
        "PUT",
        `/api/growth-plans/${planId}/sharing`,
        {
          sections: Object.fromEntries(
            growthPlanSectionKeys.map((key) => [
              key,
              { manager: key === "goals", people: key === "inspiration" ? people : [] },
            ]),
          ),
        },
        { session: sessions.owner },
      );
    expect((await share([ids.mentor, ids.manager])).statusCode).toBe(200);
    const thought = (
      await post(sessions.mentor, { section: "inspiration", body: "Lovely" })
    ).json();
    await post(sessions.owner, {
      section: "inspiration",
      body: "PRIVATE-REPLY-4410",
      parentId: thought.id,
    });
    expect((await list(sessions.manager)).map((c) => c.section)).toEqual(["inspiration"]);

    expect((await share([ids.mentor])).statusCode).toBe(200);
    const managerView = await getJson(t.app, url(), { session: sessions.manager });
    expect(managerView.json()).toEqual({ comments: [] });
    expect(managerView.body).not.toContain("PRIVATE-REPLY-4410");
    const reply = await post(sessions.manager, {
      section: "inspiration",
      body: "Still here?",
      parentId: thought.id,
    });
    expect(reply.statusCode).toBe(404);

    expect((await share([])).statusCode).toBe(200);
    expect((await getJson(t.app, url(), { session: sessions.mentor })).statusCode).toBe(404);
    expect(
      (await getJson(t.app, url("?section=inspiration"), { session: sessions.mentor })).statusCode,
    ).toBe(404);
    const owner = await list(sessions.owner);
    expect(owner[0]?.replies.map((r) => r.body)).toEqual(["PRIVATE-REPLY-4410"]);
  });

  it("tells the owner of a reply, and the others in the thread who can still read it", async () => {
    const question = (await post(sessions.manager, { section: "goals", body: "Q" })).json();
    expect(await titlesOf(ids.owner)).toEqual([
      "Mona Manager commented on “Set specific goals” in your growth plan",
    ]);
    t.clock.advance(1);
    await post(sessions.owner, { section: "goals", body: "A", parentId: question.id });
    expect(await titlesOf(ids.manager)).toEqual([
      "Olu Owner replied on “Set specific goals” in their growth plan",
    ]);
    // A mentor the goals are shared with joins the thread: the owner and the manager hear of it.
    const goals = Object.fromEntries(
      growthPlanSectionKeys.map((key) => [
        key,
        { manager: key === "goals", people: key === "goals" ? [ids.mentor] : [] },
      ]),
    );
    await sendJson(
      t.app,
      "PUT",
      `/api/growth-plans/${planId}/sharing`,
      { sections: goals },
      { session: sessions.owner },
    );
    t.clock.advance(1);
    const mentorReply = await post(sessions.mentor, {
      section: "goals",
      body: "Me too",
      parentId: question.id,
    });
    expect(mentorReply.statusCode, mentorReply.body).toBe(201);
    expect((await titlesOf(ids.owner)).at(-1)).toBe(
      "Mentor Mei replied on “Set specific goals” in your growth plan",
    );
    expect((await titlesOf(ids.manager)).at(-1)).toBe(
      "Mentor Mei replied on “Set specific goals” in Olu Owner’s growth plan",
    );
    expect(await titlesOf(ids.mentor)).toEqual([]);
    const links = await t.ctx.db
      .selectFrom("notifications")
      .select("link")
      .where("person_id", "=", ids.owner)
      .execute();
    expect(links.map((row) => row.link)).toContain(
      `/growth-plans/${planId}?step=goals#comment-${mentorReply.json().id}`,
    );
  });
});
