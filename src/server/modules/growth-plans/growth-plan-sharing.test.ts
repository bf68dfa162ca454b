import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { SharingView, UpdateSharingBody } from "#core/growth-plan/sharing.schemas.ts";
import {
  changePerson,
  createPersonWithoutPassword,
  createReportingCircle,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { pdfText } from "./pdf-text.testing.ts";

const secret = {
  inspiration: "SECRET-INSPIRATION-5521",
  energy: "SECRET-ENERGY-9043",
  goal: "SHARED-GOAL-SKILL-1207",
  role: "SHARED-ROLE-NOTES-3380",
};

const exportsOf = async (t: TestApp, planId: string, session: Session) => {
  const formats = ["md", "csv", "json"] as const;
  const texts: Record<string, string> = {};
  for (const format of formats) {
    const response = await getJson(t.app, `/api/growth-plans/${planId}/export.${format}`, {
      session,
    });
    expect(response.statusCode, `${format}: ${response.body}`).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(/^attachment;/);
    texts[format] = response.body;
  }
  const pdf = await getJson(t.app, `/api/growth-plans/${planId}/export.pdf`, { session });
  expect(pdf.statusCode).toBe(200);
  expect(pdf.headers["content-type"]).toBe("application/pdf");
  texts.pdf = await pdfText(pdf.rawPayload);
  return texts;
};

describe("who reads a growth plan", () => {
  let t: TestApp;
  const ids = { owner: "", manager: "", skip: "", mentor: "", peer: "", admin: "", newManager: "" };
  const sessions = {} as Record<keyof typeof ids, Session>;
  let plan: PlanView;
  const planUrl = (suffix = "") => `/api/growth-plans/${plan.plan.id}${suffix}`;

  const sharing = (overrides: Partial<UpdateSharingBody["sections"]> = {}): UpdateSharingBody => ({
    sections: {
      ...(Object.fromEntries(
        growthPlanSectionKeys.map((key) => [key, { manager: false, people: [] as string[] }]),
      ) as unknown as UpdateSharingBody["sections"]),
      ...overrides,
    },
  });

  beforeEach(async () => {
    t = await createTestApp();
    const circle = await createReportingCircle(t.ctx);
    const newManager = await createPersonWithoutPassword(t.ctx, { name: "New Manager" });
    Object.assign(ids, circle.ids, { newManager: newManager.id });
    Object.assign(sessions, circle.sessions, {
      newManager: await createSession(t.ctx, newManager.id),
    });

    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My plan", templateId: "ic-growing-in-role" },
      { session: sessions.owner },
    );
    plan = created.json();
    const inspiration = plan.sections.inspiration;
    const role = plan.sections.role;
    const goal = plan.goals?.[0];
    if (!inspiration || !role || !goal) throw new Error("missing sections");
    const answers = inspiration.content.answers.map((answer, index) =>
      index === 0 ? { ...answer, answer: secret.inspiration } : answer,
    );
    expect(
      (
        await sendJson(
          t.app,
          "PUT",
          planUrl("/sections/inspiration"),
          { baseVersion: inspiration.version, content: { ...inspiration.content, answers } },
          { session: sessions.owner },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await sendJson(
          t.app,
          "PUT",
          planUrl("/sections/role"),
          { baseVersion: role.version, content: { ...role.content, notes: secret.role } },
          { session: sessions.owner },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await sendJson(
          t.app,
          "PUT",
          planUrl(`/goals/${goal.id}`),
          { baseVersion: goal.version, content: { ...goal.content, skill: secret.goal } },
          { session: sessions.owner },
        )
      ).statusCode,
    ).toBe(200);
    const entry = await postJson(
      t.app,
      planUrl("/energy-entries"),
      { level: 1, activity: "Status meetings", note: secret.energy, tags: ["meetings"] },
      { session: sessions.owner },
    );
    expect(entry.statusCode, entry.body).toBe(201);
  });
  afterEach(async () => t.close());

  const read = (who: keyof typeof ids) => getJson(t.app, planUrl(), { session: sessions[who] });

  it("the manager gets the shared sections only: private keys are absent from the JSON", async () => {
    const response = await read("manager");
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.access.relation).toBe("manager");
    expect(view.access.readableSections).toEqual([
      "role",
      "exploration",
      "goals",
      "tracking",
      "accomplishments",
    ]);
    expect(Object.keys(view.sections).sort()).toEqual([
      "accomplishments",
      "exploration",
      "role",
      "tracking",
    ]);
    expect("inspiration" in view.sections).toBe(false);
    expect("energy" in view).toBe(false);
    expect(response.body).not.toContain(secret.inspiration);
    expect(response.body).not.toContain(secret.energy);
    expect(response.body).toContain(secret.goal);
    expect(response.body).toContain(secret.role);
  });

  it("the manager's exports hold the shared sections only", async () => {
    const texts = await exportsOf(t, plan.plan.id, sessions.manager);
    for (const [format, text] of Object.entries(texts)) {
      expect(text, format).not.toContain(secret.inspiration);
      expect(text, format).not.toContain(secret.energy);
      expect(text, format).not.toContain("Discover your inspiration");
      expect(text, format).toContain(secret.goal);
    }
    expect(JSON.parse(texts.json ?? "{}").sections.inspiration).toBeUndefined();
    const owner = await exportsOf(t, plan.plan.id, sessions.owner);
    for (const format of ["md", "json", "pdf"])
      expect(owner[format], format).toContain(secret.inspiration);
    expect(owner.json).toContain(secret.energy);
  });

  it("the manager cannot open the energy journal, and lists show no private content", async () => {
    expect(
      (await getJson(t.app, planUrl("/energy-entries"), { session: sessions.manager })).statusCode,
    ).toBe(404);
    expect(
      (await getJson(t.app, planUrl("/energy-summary"), { session: sessions.manager })).statusCode,
    ).toBe(404);
    const shared = await getJson(t.app, "/api/growth-plans/shared-with-me", {
      session: sessions.manager,
    });
    expect(shared.json().plans).toEqual([
      expect.objectContaining({
        id: plan.plan.id,
        relation: "manager",
        readableSections: ["role", "exploration", "goals", "tracking", "accomplishments"],
      }),
    ]);
    expect(shared.body).not.toContain(secret.inspiration);
    const list = await getJson(t.app, `/api/growth-plans?ownerId=${ids.owner}`, {
      session: sessions.manager,
    });
    expect(list.json().plans.map((item: { id: string }) => item.id)).toEqual([plan.plan.id]);
  });

  it("comments, replies and nudges notify without any plan text, private or shared", async () => {
    const comment = (session: Session, body: string) =>
      postJson(t.app, planUrl("/comments"), { section: "goals", body }, { session });
    expect((await comment(sessions.manager, `About ${secret.goal}`)).statusCode).toBe(201);
    t.clock.advance(1);
    expect((await comment(sessions.owner, `Yes, ${secret.inspiration}`)).statusCode).toBe(201);
    const nudge = await postJson(
      t.app,
      `/api/people/${ids.owner}/nudge`,
      { about: "plan" },
      { session: sessions.manager },
    );
    expect(nudge.statusCode, nudge.body).toBe(201);
    const notifications = await t.ctx.db.selectFrom("notifications").selectAll().execute();
    expect(notifications.map((row) => row.kind).sort()).toEqual([
      "manager_nudge",
      "plan_comment",
      "plan_comment",
    ]);
    const outbox = await t.ctx.db.selectFrom("outbox_messages").selectAll().execute();
    const stored = JSON.stringify({ notifications, outbox });
    for (const text of Object.values(secret)) expect(stored).not.toContain(text);
    for (const who of ["manager", "owner", "skip", "peer", "admin"] as const) {
      const list = await getJson(t.app, "/api/notifications", { session: sessions[who] });
      for (const text of Object.values(secret)) expect(list.body, who).not.toContain(text);
    }
  });

  it("skip-level managers, peers and admins get 404 and see nothing in lists", async () => {
    for (const who of ["skip", "peer", "admin", "mentor"] as const) {
      expect((await read(who)).statusCode, who).toBe(404);
      expect(
        (await getJson(t.app, planUrl("/export.md"), { session: sessions[who] })).statusCode,
        who,
      ).toBe(404);
      const list = await getJson(t.app, `/api/growth-plans?ownerId=${ids.owner}`, {
        session: sessions[who],
      });
      expect(list.json(), who).toEqual({ plans: [] });
      const shared = await getJson(t.app, "/api/growth-plans/shared-with-me", {
        session: sessions[who],
      });
      expect(shared.json(), who).toEqual({ plans: [] });
    }
    const write = await sendJson(
      t.app,
      "PUT",
      planUrl("/sections/role"),
      { baseVersion: 1, content: plan.sections.role?.content },
      { session: sessions.peer },
    );
    expect(write.statusCode).toBe(404);
    const managerWrite = await sendJson(
      t.app,
      "PUT",
      planUrl("/sections/role"),
      { baseVersion: 1, content: plan.sections.role?.content },
      { session: sessions.manager },
    );
    expect(managerWrite.statusCode).toBe(403);
  });

  it("a named viewer sees exactly what is shared with them; revocation applies to the next read", async () => {
    const shared = await sendJson(
      t.app,
      "PUT",
      planUrl("/sharing"),
      sharing({
        goals: { manager: true, people: [ids.mentor] },
        inspiration: { manager: false, people: [ids.mentor] },
      }),
      { session: sessions.owner },
    );
    expect(shared.statusCode, shared.body).toBe(200);
    expect(
      (shared.json() as SharingView).sections.goals.people.map((person) => person.displayName),
    ).toEqual(["Mentor Mei"]);
    const mentorView = await read("mentor");
    expect(mentorView.statusCode).toBe(200);
    expect(mentorView.json().access).toMatchObject({
      relation: "viewer",
      readableSections: ["inspiration", "goals"],
      canEdit: false,
    });
    expect(Object.keys(mentorView.json().sections)).toEqual(["inspiration"]);
    expect(mentorView.body).toContain(secret.inspiration);
    expect(mentorView.body).not.toContain(secret.role);
    const managerView = await read("manager");
    expect(managerView.json().access.readableSections).toEqual(["goals"]);
    expect(managerView.body).not.toContain(secret.role);

    const comment = await postJson(
      t.app,
      planUrl("/comments"),
      { section: "inspiration", body: "Lovely reflection" },
      { session: sessions.mentor },
    );
    expect(comment.statusCode, comment.body).toBe(201);

    const revoked = await sendJson(
      t.app,
      "PUT",
      planUrl("/sharing"),
      sharing({ goals: { manager: true, people: [] } }),
      { session: sessions.owner },
    );
    expect(revoked.statusCode).toBe(200);
    expect((await read("mentor")).statusCode).toBe(404);
    expect(
      (await getJson(t.app, planUrl("/comments"), { session: sessions.mentor })).statusCode,
    ).toBe(404);
    expect(
      (await getJson(t.app, planUrl("/export.json"), { session: sessions.mentor })).statusCode,
    ).toBe(404);
    const ownerComments = await getJson(t.app, planUrl("/comments"), { session: sessions.owner });
    expect(ownerComments.json().comments.map((c: { body: string }) => c.body)).toContain(
      "Lovely reflection",
    );
  });

  it("follows the current manager: a new manager reads, the old one no longer does", async () => {
    await changePerson(t.ctx, ids.owner, { managerId: ids.newManager });
    expect((await read("newManager")).statusCode).toBe(200);
    expect((await read("manager")).statusCode).toBe(404);
    await changePerson(t.ctx, ids.owner, { managerId: ids.manager });
    expect((await read("manager")).statusCode).toBe(200);
  });

  it("comments: readers of a section comment on it, only on readable sections; the owner resolves", async () => {
    const onGoals = await postJson(
      t.app,
      planUrl("/comments"),
      { section: "goals", body: "Can I help with the course?" },
      { session: sessions.manager },
    );
    expect(onGoals.statusCode, onGoals.body).toBe(201);
    const onPrivate = await postJson(
      t.app,
      planUrl("/comments"),
      { section: "inspiration", body: "Peek" },
      { session: sessions.manager },
    );
    expect(onPrivate.statusCode).toBe(404);
    const managerList = await getJson(t.app, planUrl("/comments"), { session: sessions.manager });
    expect(managerList.json().comments.map((c: { section: string }) => c.section)).toEqual([
      "goals",
    ]);
    const commentId = onGoals.json().id;
    const byManager = await postJson(
      t.app,
      planUrl(`/comments/${commentId}/resolve`),
      {},
      { session: sessions.manager },
    );
    expect(byManager.statusCode).toBe(403);
    const byOwner = await postJson(
      t.app,
      planUrl(`/comments/${commentId}/resolve`),
      {},
      { session: sessions.owner },
    );
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json().resolvedBy.displayName).toBe("Olu Owner");
    const open = await getJson(t.app, planUrl("/comments?includeResolved=false&section=goals"), {
      session: sessions.owner,
    });
    expect(open.json().comments).toEqual([]);
  });

  it("a save from an old sharing version answers 409 with the current sharing and overwrites nothing", async () => {
    const readSharing = async () =>
      (
        await getJson(t.app, planUrl("/sharing"), { session: sessions.owner })
      ).json() as SharingView;
    const save = (body: UpdateSharingBody) =>
      sendJson(t.app, "PUT", planUrl("/sharing"), body, { session: sessions.owner });
    const before = await readSharing();

    // Two tabs read the same version; the first shares Section 3 with the peer.
    const first = await save({
      ...sharing({ goals: { manager: true, people: [ids.peer] } }),
      baseVersion: before.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as SharingView).version).toBe(before.version + 1);

    // The second, from the old version, would make the plan private again.
    const stale = await save({ ...sharing(), baseVersion: before.version });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().current).toEqual(first.json());
    expect(await readSharing()).toEqual(first.json());
    expect((await read("peer")).statusCode).toBe(200);

    // From the version the conflict answered with, the save lands.
    const again = await save({ ...sharing(), baseVersion: stale.json().current.version });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as SharingView).sections.goals).toEqual({ manager: false, people: [] });
    expect((await read("peer")).statusCode).toBe(404);
  });

  it("a person deactivated since is not shown, so saving the grid as read drops them", async () => {
    const shared = await sendJson(
      t.app,
      "PUT",
      planUrl("/sharing"),
      sharing({ goals: { manager: true, people: [ids.peer, ids.mentor] } }),
      { session: sessions.owner },
    );
    expect(shared.statusCode, shared.body).toBe(200);
    await changePerson(t.ctx, ids.peer, { status: "deactivated" });

    const view = (
      await getJson(t.app, planUrl("/sharing"), { session: sessions.owner })
    ).json() as SharingView;
    expect(view.sections.goals.people.map((person) => person.id)).toEqual([ids.mentor]);
    const resaved = await sendJson(
      t.app,
      "PUT",
      planUrl("/sharing"),
      {
        ...sharing({ goals: { manager: true, people: [ids.mentor] } }),
        baseVersion: view.version,
      },
      { session: sessions.owner },
    );
    expect(resaved.statusCode, resaved.body).toBe(200);
    const rows = await t.ctx.db
      .selectFrom("growth_plan_shares")
      .select("grantee")
      .where("plan_id", "=", plan.plan.id)
      .where("section_key", "=", "goals")
      .execute();
    expect(rows.map((row) => row.grantee).sort()).toEqual(["manager", ids.mentor].sort());
  });

  it("refuses sharing with unknown people or the owner, naming the field", async () => {
    const response = await sendJson(
      t.app,
      "PUT",
      planUrl("/sharing"),
      sharing({ goals: { manager: true, people: [ids.owner, crypto.randomUUID()] } }),
      { session: sessions.owner },
    );
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual([
      "sections.goals.people.0",
      "sections.goals.people.1",
    ]);
    expect(
      (await getJson(t.app, planUrl("/sharing"), { session: sessions.manager })).statusCode,
    ).toBe(403);
    expect((await getJson(t.app, planUrl("/sharing"), { session: sessions.peer })).statusCode).toBe(
      404,
    );
  });
});

describe("energy journal", () => {
  let t: TestApp;
  let session: Session;
  let planId: string;

  beforeEach(async () => {
    t = await createTestApp();
    session = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
    planId = (await postJson(t.app, "/api/growth-plans", { title: "Plan" }, { session })).json()
      .plan.id;
  });
  afterEach(async () => t.close());

  it("logs quick entries and summarizes what energizes and what drains, by activity and tag", async () => {
    const entries = [
      { at: "2026-02-24T10:00:00.000Z", level: 5, activity: "Pairing", tags: ["Collaboration"] },
      { at: "2026-02-25T10:00:00.000Z", level: 4, activity: "pairing ", tags: ["collaboration"] },
      { at: "2026-02-26T15:00:00.000Z", level: 1, activity: "Status meeting", tags: ["meetings"] },
      {
        at: "2026-02-27T15:00:00.000Z",
        level: 2,
        activity: "Status meeting",
        tags: ["meetings"],
        note: "Too long",
      },
      { at: "2026-03-01T09:00:00.000Z", level: 3, activity: "Email" },
      { at: "2026-01-01T09:00:00.000Z", level: 5, activity: "Old entry" },
    ];
    for (const entry of entries) {
      const response = await postJson(t.app, `/api/growth-plans/${planId}/energy-entries`, entry, {
        session,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const quick = await postJson(
      t.app,
      `/api/growth-plans/${planId}/energy-entries`,
      { level: 4, activity: "Code review" },
      { session },
    );
    expect(quick.json()).toMatchObject({ at: "2026-03-02T09:00:00.000Z", tags: [], note: "" });

    const summary = (
      await getJson(t.app, `/api/growth-plans/${planId}/energy-summary`, { session })
    ).json();
    expect(summary.from).toBe("2026-02-24");
    expect(summary.to).toBe("2026-03-02");
    expect(summary.entryCount).toBe(6);
    expect(summary.byActivity).toEqual([
      { label: "Pairing", averageLevel: 4.5, count: 2, tendency: "energizes" },
      { label: "Code review", averageLevel: 4, count: 1, tendency: "energizes" },
      { label: "Email", averageLevel: 3, count: 1, tendency: "neutral" },
      { label: "Status meeting", averageLevel: 1.5, count: 2, tendency: "drains" },
    ]);
    expect(summary.byTag.map((group: { label: string }) => group.label)).toEqual([
      "collaboration",
      "meetings",
    ]);
    expect(summary.byDay).toHaveLength(7);

    const finding = await postJson(
      t.app,
      `/api/growth-plans/${planId}/energy-findings`,
      { kind: "drains", subject: "Status meeting", averageLevel: 1.5, count: 2 },
      { session },
    );
    expect(finding.statusCode, finding.body).toBe(200);
    expect(finding.json().section.content.energyFindings).toEqual([
      expect.objectContaining({ kind: "drains", subject: "Status meeting", count: 2 }),
    ]);

    const list = await getJson(
      t.app,
      `/api/growth-plans/${planId}/energy-entries?from=2026-02-26&to=2026-02-27`,
      { session },
    );
    expect(list.json().entries.map((entry: { level: number }) => entry.level)).toEqual([2, 1]);
    const removed = await sendJson(
      t.app,
      "DELETE",
      `/api/growth-plans/${planId}/energy-entries/${quick.json().id}`,
      {},
      { session },
    );
    expect(removed.statusCode).toBe(204);
  });

  it("validates entries with errors naming the field", async () => {
    const response = await postJson(
      t.app,
      `/api/growth-plans/${planId}/energy-entries`,
      { level: 6, activity: "", tags: ["x".repeat(51)] },
      { session },
    );
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields).sort()).toEqual([
      "activity",
      "level",
      "tags.0",
    ]);
    const range = await getJson(
      t.app,
      `/api/growth-plans/${planId}/energy-summary?from=2026-03-05&to=2026-03-01`,
      { session },
    );
    expect(range.statusCode).toBe(400);
    expect(range.json().error.fields).toEqual({ from: "Must be on or before to" });
  });
});
