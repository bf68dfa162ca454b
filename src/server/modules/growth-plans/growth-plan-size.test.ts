import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { emptyGoal, type GoalContent } from "#core/growth-plan/goals.schemas.ts";
import { defaultTemplates } from "#core/growth-plan/growth-plan-defaults.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { SectionSaved } from "#core/growth-plan/saving.schemas.ts";
import type { RoleContent } from "#core/growth-plan/sections.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { bumpPlanVersion, measurePlanContent, updateSectionIfAt } from "./growth-plans.queries.ts";
import { recordRevision, sectionPart } from "./growth-plans.revisions.ts";

const limit = growthPlanLimits.planCharacters;
const longText = growthPlanLimits.longText;

/** A goal of about 80,000 characters: four columns at their longest. */
const largeGoal = (letter: string): GoalContent => ({
  ...emptyGoal(),
  skill: `Skill ${letter}`,
  resources: letter.repeat(longText),
  careerSupport: letter.repeat(longText),
  network: letter.repeat(longText),
  challenges: letter.repeat(longText),
});

describe("growth plans: the total size of one plan", () => {
  let t: TestApp;
  let session: Session;
  let owner: { id: string };
  let plan: PlanView;

  beforeEach(async () => {
    t = await createTestApp();
    owner = await createPersonWithoutPassword(t.ctx);
    session = await createSession(t.ctx, owner.id);
    const created = await postJson(t.app, "/api/growth-plans", { title: "Full plan" }, { session });
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json();
  });
  afterEach(async () => t.close());

  const url = (suffix = "") => `/api/growth-plans/${plan.plan.id}${suffix}`;
  const stored = async () => (await getJson(t.app, url(), { session })).json() as PlanView;
  const size = () => measurePlanContent(t.ctx.db, plan.plan.id);
  const addGoal = (content: GoalContent) =>
    postJson(t.app, url("/goals"), { content }, { session });
  const saveRole = (content: RoleContent, baseVersion: number) =>
    sendJson(t.app, "PUT", url("/sections/role"), { baseVersion, content }, { session });

  /**
   * Three goals, then Section 2's notes long enough that the plan holds `room` characters less
   * than its limit (the notes' length is what changes the stored JSON's length).
   */
  async function fillTo(room: number): Promise<SectionSaved> {
    for (const letter of ["a", "b"]) {
      const goal = await addGoal(largeGoal(letter));
      expect(goal.statusCode, goal.body).toBe(201);
    }
    const rest = limit - (await size()) - 15_000;
    const third = await addGoal({
      ...emptyGoal(),
      resources: "c".repeat(Math.min(rest, longText)),
      careerSupport: "c".repeat(Math.max(0, rest - longText)),
    });
    expect(third.statusCode, third.body).toBe(201);
    const role = plan.sections.role;
    if (!role) throw new Error("the owner reads Section 2");
    const notes = "n".repeat(limit - room - (await size()) + role.content.notes.length);
    const saved = await saveRole({ ...role.content, notes }, role.version);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await size()).toBe(limit - room);
    return saved.json();
  }

  it("saves a section that brings the plan exactly to its limit", async () => {
    const saved = await fillTo(0);
    expect((await stored()).sections.role?.content.notes).toBe(
      (saved.section.content as RoleContent).notes,
    );
  });

  it("refuses a section save past the limit, saying how full the plan is, and keeps what is stored", async () => {
    const saved = await fillTo(10);
    const before = await stored();
    const role = saved.section.content as RoleContent;
    const refused = await saveRole(
      { ...role, notes: `${role.notes}${"x".repeat(11)}` },
      saved.section.version,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining(
        `it holds ${(limit - 10).toLocaleString("en")} of its ${limit.toLocaleString("en")} characters`,
      ),
      fields: { plan: `At most ${limit.toLocaleString("en")} characters per plan` },
    });
    expect(refused.json().error.message).toContain(
      `would bring it to ${(limit + 1).toLocaleString("en")}`,
    );
    expect(await stored()).toEqual(before);
    expect(await size()).toBe(limit - 10);

    // What still fits is saved, from the same version: the refusal took no version.
    const fits = await saveRole(
      { ...role, notes: `${role.notes}${"x".repeat(10)}` },
      saved.section.version,
    );
    expect(fits.statusCode, fits.body).toBe(200);
  });

  it("refuses a new goal, a goal save and an append past the limit; a save that shrinks works", async () => {
    await fillTo(50);
    const before = await stored();
    const goals = before.goals ?? [];
    const [first] = goals;
    if (!first) throw new Error("the plan has goals");

    const added = await addGoal({ ...emptyGoal(), skill: "s".repeat(60) });
    expect(added.statusCode).toBe(400);
    expect(added.json().error.message).toContain("This plan is full");

    const grown = await sendJson(
      t.app,
      "PUT",
      url(`/goals/${first.id}`),
      { baseVersion: first.version, content: { ...first.content, skill: "s".repeat(100) } },
      { session },
    );
    expect(grown.statusCode).toBe(400);

    const finding = await postJson(
      t.app,
      url("/energy-findings"),
      { kind: "drains", subject: "Status meeting", averageLevel: 1.5, count: 2 },
      { session },
    );
    expect(finding.statusCode).toBe(400);
    expect(finding.json().error.message).toContain("This plan is full");
    expect(await stored()).toEqual(before);

    const shrunk = await sendJson(
      t.app,
      "PUT",
      url(`/goals/${first.id}`),
      { baseVersion: first.version, content: { ...first.content, challenges: "" } },
      { session },
    );
    expect(shrunk.statusCode, shrunk.body).toBe(200);
    const small = await addGoal({ ...emptyGoal(), skill: "Now it fits" });
    expect(small.statusCode, small.body).toBe(201);
  });

  /** Section 2 as if saved before the limit: written past the API, as a new plan version. */
  async function writeRolePastTheApi(saved: SectionSaved, notes: string): Promise<number> {
    const content = JSON.stringify({ ...(saved.section.content as RoleContent), notes });
    const at = new Date().toISOString();
    return t.ctx.db.transaction().execute(async (trx) => {
      const version = await bumpPlanVersion(trx, plan.plan.id, at);
      const target = { planId: plan.plan.id, key: "role", baseVersion: saved.section.version };
      expect(await updateSectionIfAt(trx, target, { content, version, updated_at: at })).toBe(true);
      await recordRevision(trx, {
        planId: plan.plan.id,
        version,
        baseVersion: saved.section.version,
        part: sectionPart("role"),
        change: "updated",
        authorId: owner.id,
        at,
        content,
      });
      return version;
    });
  }

  it("lets a plan stored above the limit be trimmed, but not grown", async () => {
    const saved = await fillTo(1_000);
    const role = saved.section.content as RoleContent;
    const version = await writeRolePastTheApi(saved, `${role.notes}${"o".repeat(3_000)}`);
    expect(await size()).toBe(limit + 2_000);

    const grown = await addGoal({ ...emptyGoal(), skill: "One more" });
    expect(grown.statusCode).toBe(400);
    const trimmed = await saveRole(
      { ...role, notes: `${role.notes}${"o".repeat(2_500)}` },
      version,
    );
    expect(trimmed.statusCode, trimmed.body).toBe(200);
    expect(await size()).toBe(limit + 1_500);
  });

  it("refuses restoring a version that was above the limit, and keeps the plan as it is", async () => {
    const saved = await fillTo(1_000);
    const role = saved.section.content as RoleContent;
    const oversized = await writeRolePastTheApi(saved, `${role.notes}${"o".repeat(3_000)}`);
    const [first] = (await stored()).goals ?? [];
    if (!first) throw new Error("the plan has goals");
    const trimmed = await sendJson(
      t.app,
      "PUT",
      url(`/goals/${first.id}`),
      { baseVersion: first.version, content: { ...first.content, challenges: "" } },
      { session },
    );
    expect(trimmed.statusCode, trimmed.body).toBe(200);
    const before = await stored();

    const restored = await postJson(t.app, url(`/revisions/${oversized}/restore`), {}, { session });
    expect(restored.statusCode).toBe(400);
    expect(restored.json().error.message).toContain("This plan is full");
    expect(await stored()).toEqual(before);

    // A version within the limit is restored as before.
    const within = await postJson(
      t.app,
      url(`/revisions/${saved.planVersion}/restore`),
      {},
      { session },
    );
    expect(within.statusCode, within.body).toBe(200);
  });

  it("refuses to start a plan from a template larger than a plan may be; the shipped ones fit", async () => {
    const admin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
    );
    const shipped = defaultTemplates[0];
    if (!shipped) throw new Error("no template");
    const goal = { ...largeGoal("t"), actionSteps: [] };
    const { status: _status, targetDate: _targetDate, ...templateGoal } = goal;
    const saved = await sendJson(
      t.app,
      "PUT",
      `/api/growth-plan-templates/${shipped.id}`,
      {
        name: shipped.name,
        description: shipped.description,
        archived: false,
        content: { ...shipped.content, goals: [templateGoal, templateGoal, templateGoal] },
        baseVersion: 0,
      },
      { session: admin },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const start = (templateId: string) =>
      postJson(t.app, "/api/growth-plans", { title: "From a template", templateId }, { session });
    const refused = await start(shipped.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("This template would start a plan of");
    for (const other of defaultTemplates.slice(1)) {
      expect((await start(other.id)).statusCode, other.id).toBe(201);
    }
  });
});
