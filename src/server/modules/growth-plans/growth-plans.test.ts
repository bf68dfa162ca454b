import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type {
  GoalConflict,
  GoalSaved,
  SectionConflict,
  SectionSaved,
} from "#core/growth-plan/saving.schemas.ts";
import { growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { SharingView } from "#core/growth-plan/sharing.schemas.ts";
import {
  createGoals,
  createPersonWithoutPassword,
  createReportingCircle,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { minutes } from "#server/testing/test-clock.ts";
import { hasActivePlanSince, hasPlanStartedSince } from "./growth-plans.service.ts";

async function createPlan(t: TestApp, session: Session, body: object = {}) {
  const response = await postJson(
    t.app,
    "/api/growth-plans",
    { title: "2026 growth plan", ...body },
    { session },
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PlanView;
}

describe("growth plans: start, autosave, conflicts and history", () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof createReportingCircle>>;
  let plan: PlanView;

  beforeEach(async () => {
    t = await createTestApp();
    people = await createReportingCircle(t.ctx);
    plan = await createPlan(t, people.sessions.owner, { templateId: "aspiring-manager" });
  });
  afterEach(async () => t.close());

  const url = (suffix = "") => `/api/growth-plans/${plan.plan.id}${suffix}`;

  it("starts from a template: prompts, role, goals, schedule and the default sharing", async () => {
    expect(plan.access).toMatchObject({ relation: "owner", canEdit: true });
    expect(plan.access.readableSections).toEqual([...growthPlanSectionKeys]);
    const inspiration = plan.sections.inspiration?.content;
    expect(inspiration?.answers.map((answer) => answer.prompt)).toContain("What energizes you?");
    expect(inspiration?.answers.map((answer) => answer.prompt)).toContain(
      "What drains your energy?",
    );
    expect(inspiration?.answers).toHaveLength(5);
    expect(plan.sections.role?.content.trajectory).toBe("become-manager");
    expect(plan.goals?.length).toBeGreaterThanOrEqual(2);
    expect(plan.goals?.[0]?.content.status).toBe("not-started");
    expect(plan.sections.tracking?.content.schedule.map((item) => item.cadence)).toEqual([
      "monthly",
      "quarterly",
      "yearly",
    ]);
    const sharing = await getJson(t.app, url("/sharing"), { session: people.sessions.owner });
    const view = sharing.json() as SharingView;
    expect(view.manager?.displayName).toBe("Mona Manager");
    expect(view.sections.inspiration).toEqual({ manager: false, people: [] });
    expect(view.sections.energy).toEqual({ manager: false, people: [] });
    for (const key of ["role", "exploration", "goals", "tracking", "accomplishments"] as const) {
      expect(view.sections[key].manager, key).toBe(true);
    }
  });

  it("keeps one active plan per person: a new active plan archives the old one", async () => {
    const other = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, other.id);
    const first = await createPlan(t, session, { title: "2025" });
    const second = await createPlan(t, session, { title: "2026" });
    const list = await getJson(t.app, "/api/growth-plans", { session });
    const statuses = Object.fromEntries(
      list.json().plans.map((item: { title: string; status: string }) => [item.title, item.status]),
    );
    expect(statuses).toEqual({ "2025": "archived", "2026": "active" });
    const reactivated = await postJson(
      t.app,
      `/api/growth-plans/${first.plan.id}/activate`,
      {},
      { session },
    );
    expect(reactivated.json().plan.status).toBe("active");
    const again = await getJson(t.app, `/api/growth-plans/${second.plan.id}`, { session });
    expect(again.json().plan.status).toBe("archived");
  });

  it("two concurrent saves of the same version: exactly one wins, the other gets 409 with what won", async () => {
    const section = plan.sections.role;
    if (!section) throw new Error("role section missing");
    const save = (notes: string) =>
      sendJson(
        t.app,
        "PUT",
        url("/sections/role"),
        { baseVersion: section.version, content: { ...section.content, notes } },
        { session: people.sessions.owner },
      );
    const responses = await Promise.all([save("Tab A notes"), save("Tab B notes")]);
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = responses.find((response) => response.statusCode === 200)?.json() as {
      section: NonNullable<PlanView["sections"]["role"]>;
    };
    const loser = responses
      .find((response) => response.statusCode === 409)
      ?.json() as SectionConflict;
    expect(loser.error.code).toBe("conflict");
    expect(loser.current).toEqual(winner.section);
    const stored = (
      await getJson(t.app, url(), { session: people.sessions.owner })
    ).json() as PlanView;
    expect(stored.sections.role).toEqual(winner.section);

    // The loser keeps its text and saves it on top of what won: nothing is lost.
    const losingText =
      winner.section.content.notes === "Tab A notes" ? "Tab B notes" : "Tab A notes";
    const merged = await sendJson(
      t.app,
      "PUT",
      url("/sections/role"),
      {
        baseVersion: loser.current.version,
        content: { ...section.content, notes: `${winner.section.content.notes}\n${losingText}` },
      },
      { session: people.sessions.owner },
    );
    expect(merged.statusCode, merged.body).toBe(200);
  });

  it("concurrent goal saves: one 200, one 409 whose current equals the winner", async () => {
    const goal = plan.goals?.[0];
    if (!goal) throw new Error("goal missing");
    const save = (skill: string) =>
      sendJson(
        t.app,
        "PUT",
        url(`/goals/${goal.id}`),
        { baseVersion: goal.version, content: { ...goal.content, skill } },
        { session: people.sessions.owner },
      );
    const responses = await Promise.all([save("Coaching (tab A)"), save("Coaching (tab B)")]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const winner = responses.find((response) => response.statusCode === 200)?.json() as GoalSaved;
    const loser = responses.find((response) => response.statusCode === 409)?.json() as GoalConflict;
    expect(loser.current).toEqual(winner.goal);
  });

  it("saves to different sections and goals never conflict", async () => {
    const fresh = (
      await getJson(t.app, url(), { session: people.sessions.owner })
    ).json() as PlanView;
    const [first, second] = fresh.goals ?? [];
    if (!first || !second) throw new Error("goals missing");
    const responses = await Promise.all([
      sendJson(
        t.app,
        "PUT",
        url(`/goals/${first.id}`),
        { baseVersion: first.version, content: { ...first.content, status: "in-progress" } },
        { session: people.sessions.owner },
      ),
      sendJson(
        t.app,
        "PUT",
        url(`/goals/${second.id}`),
        { baseVersion: second.version, content: { ...second.content, status: "done" } },
        { session: people.sessions.owner },
      ),
      sendJson(
        t.app,
        "PUT",
        url("/sections/exploration"),
        {
          baseVersion: fresh.sections.exploration?.version,
          content: {
            resources: [
              {
                id: crypto.randomUUID(),
                title: "Management fundamentals",
                url: "https://example.com/course",
                note: "",
              },
            ],
          },
        },
        { session: people.sessions.owner },
      ),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200]);
  });

  it("a deleted goal answers 409 with current null; an unknown goal 404", async () => {
    const created = await postJson(
      t.app,
      url("/goals"),
      { content: { ...emptyGoal(), skill: "Temporary" } },
      { session: people.sessions.owner },
    );
    expect(created.statusCode, created.body).toBe(201);
    const goal = (created.json() as GoalSaved).goal;
    const deleted = await sendJson(
      t.app,
      "DELETE",
      url(`/goals/${goal.id}`),
      { baseVersion: goal.version },
      { session: people.sessions.owner },
    );
    expect(deleted.statusCode, deleted.body).toBe(200);
    const late = await sendJson(
      t.app,
      "PUT",
      url(`/goals/${goal.id}`),
      { baseVersion: goal.version, content: goal.content },
      { session: people.sessions.owner },
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().current).toBeNull();
    const unknown = await sendJson(
      t.app,
      "PUT",
      url(`/goals/${crypto.randomUUID()}`),
      { baseVersion: 1, content: goal.content },
      { session: people.sessions.owner },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it("folds rapid saves by the same person into one revision, and starts a new one after ten minutes", async () => {
    const before = (
      await getJson(t.app, url("/revisions?limit=100"), { session: people.sessions.owner })
    ).json();
    let section = (
      (await getJson(t.app, url(), { session: people.sessions.owner })).json() as PlanView
    ).sections.accomplishments;
    if (!section) throw new Error("missing");
    for (const title of ["Shipped", "Shipped the", "Shipped the importer"]) {
      const saved = await sendJson(
        t.app,
        "PUT",
        url("/sections/accomplishments"),
        {
          baseVersion: section.version,
          content: {
            entries: [
              {
                id: "0b8f7c7e-6a39-4a7e-9d1e-5d0c2b1f6a11",
                on: "2026-03-01",
                title,
                details: "",
                goalIds: [],
              },
            ],
          },
        },
        { session: people.sessions.owner },
      );
      expect(saved.statusCode, saved.body).toBe(200);
      section = (saved.json() as SectionSaved).section as typeof section;
      t.clock.advance(minutes(1));
    }
    const after = (
      await getJson(t.app, url("/revisions?limit=100"), { session: people.sessions.owner })
    ).json();
    expect(after.revisions.length).toBe(before.revisions.length + 1);
    t.clock.advance(minutes(11));
    const later = await sendJson(
      t.app,
      "PUT",
      url("/sections/accomplishments"),
      { baseVersion: section.version, content: { entries: [] } },
      { session: people.sessions.owner },
    );
    expect(later.statusCode).toBe(200);
    const last = (
      await getJson(t.app, url("/revisions?limit=100"), { session: people.sessions.owner })
    ).json();
    expect(last.revisions.length).toBe(before.revisions.length + 2);
  });

  it("shows any past version and restores it as a new version", async () => {
    const original = (
      await getJson(t.app, url(), { session: people.sessions.owner })
    ).json() as PlanView;
    const role = original.sections.role;
    const goal = original.goals?.[0];
    if (!role || !goal) throw new Error("missing");
    t.clock.advance(minutes(30));
    const overwritten = await sendJson(
      t.app,
      "PUT",
      url("/sections/role"),
      { baseVersion: role.version, content: { ...role.content, notes: "Replaced notes" } },
      { session: people.sessions.owner },
    );
    expect(overwritten.statusCode).toBe(200);
    const removed = await sendJson(
      t.app,
      "DELETE",
      url(`/goals/${goal.id}`),
      { baseVersion: goal.version },
      { session: people.sessions.owner },
    );
    expect(removed.statusCode).toBe(200);
    const added = await postJson(
      t.app,
      url("/goals"),
      { content: { ...emptyGoal(), skill: "Added later" } },
      { session: people.sessions.owner },
    );
    expect(added.statusCode).toBe(201);

    const version = original.plan.version;
    const detail = await getJson(t.app, url(`/revisions/${version}`), {
      session: people.sessions.owner,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().revision.author).toEqual({
      id: people.ids.owner,
      displayName: "Olu Owner",
    });
    expect(detail.json().snapshot.sections.role).toEqual(role.content);
    expect(detail.json().snapshot.goals.map((g: { id: string }) => g.id)).toContain(goal.id);

    const list = (
      await getJson(t.app, url("/revisions?limit=3"), { session: people.sessions.owner })
    ).json();
    expect(list.revisions.map((r: { change: string }) => r.change)).toEqual([
      "created",
      "deleted",
      "updated",
    ]);
    const changed = await getJson(t.app, url(`/revisions/${list.revisions[2].version}`), {
      session: people.sessions.owner,
    });
    expect(changed.json().change.after.notes).toBe("Replaced notes");
    expect(changed.json().change.before.notes).toBe(role.content.notes);

    const restored = await postJson(
      t.app,
      url(`/revisions/${version}/restore`),
      {},
      { session: people.sessions.owner },
    );
    expect(restored.statusCode, restored.body).toBe(200);
    const view = restored.json() as PlanView;
    expect(view.plan.version).toBeGreaterThan(version);
    expect(view.sections.role?.content).toEqual(role.content);
    expect(view.goals?.map((g) => g.id)).toEqual(original.goals?.map((g) => g.id));
    expect(view.goals?.[0]?.content).toEqual(goal.content);
    const history = (
      await getJson(t.app, url("/revisions?limit=3"), { session: people.sessions.owner })
    ).json();
    expect(
      history.revisions.every(
        (r: { change: string; restoredFrom: number }) =>
          r.change === "restored" && r.restoredFrom === version,
      ),
    ).toBe(true);
    // The overwritten state is still in the history.
    const stillThere = await getJson(t.app, url(`/revisions/${list.revisions[2].version}`), {
      session: people.sessions.owner,
    });
    expect(stillThere.json().change.after.notes).toBe("Replaced notes");
  });

  it("bounds text and lists with errors naming the field", async () => {
    const fresh = (
      await getJson(t.app, url(), { session: people.sessions.owner })
    ).json() as PlanView;
    const role = fresh.sections.role;
    const goal = fresh.goals?.[0];
    if (!role || !goal) throw new Error("missing");
    const long = await sendJson(
      t.app,
      "PUT",
      url("/sections/role"),
      { baseVersion: role.version, content: { ...role.content, notes: "x".repeat(20_001) } },
      { session: people.sessions.owner },
    );
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toEqual({ "content.notes": "Use at most 20,000 characters" });
    const steps = Array.from({ length: 21 }, () => ({
      id: crypto.randomUUID(),
      title: "Step",
      dueOn: null,
      done: false,
      doneOn: null,
    }));
    const tooManySteps = await sendJson(
      t.app,
      "PUT",
      url(`/goals/${goal.id}`),
      { baseVersion: goal.version, content: { ...goal.content, actionSteps: steps } },
      { session: people.sessions.owner },
    );
    expect(tooManySteps.statusCode).toBe(400);
    expect(Object.keys(tooManySteps.json().error.fields)).toEqual(["content.actionSteps"]);
    const unknownField = await sendJson(
      t.app,
      "PUT",
      url("/sections/role"),
      { baseVersion: role.version, content: { ...role.content, colour: "red" } },
      { session: people.sessions.owner },
    );
    expect(unknownField.json().error.fields).toEqual({ "content.colour": "Unknown field" });
    const noVersion = await sendJson(
      t.app,
      "PUT",
      url("/sections/role"),
      { content: role.content },
      { session: people.sessions.owner },
    );
    expect(Object.keys(noVersion.json().error.fields)).toEqual(["baseVersion"]);

    const session = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
    const full = await createPlan(t, session);
    await createGoals(t.ctx, full.plan.id, 100);
    const oneTooMany = await postJson(
      t.app,
      `/api/growth-plans/${full.plan.id}/goals`,
      { content: emptyGoal() },
      { session },
    );
    expect(oneTooMany.statusCode).toBe(400);
    expect(oneTooMany.json().error.fields).toEqual({ goals: "At most 100 goals per plan" });
  });

  it("tells other modules whether a plan was started or revisited since a date", async () => {
    expect(await hasPlanStartedSince(t.ctx.db, people.ids.owner, "2026-01-01")).toBe(true);
    expect(await hasActivePlanSince(t.ctx.db, people.ids.owner, t.clock.now())).toBe(true);
    t.clock.advance(minutes(5));
    expect(await hasActivePlanSince(t.ctx.db, people.ids.owner, t.clock.now())).toBe(false);
    expect(await hasPlanStartedSince(t.ctx.db, people.ids.peer, "2020-01-01")).toBe(false);
  });
});
