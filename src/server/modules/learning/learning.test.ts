import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import { growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { SuggestionList } from "#core/learning/bookmarks.schemas.ts";
import type { ResourceView, SearchResult } from "#core/learning/resources.schemas.ts";
import { createTestAssessment } from "#server/modules/career-paths/career-assessments.testing.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
} from "#server/modules/career-paths/career-paths.testing.ts";
import {
  createPersonWithoutPassword,
  createReportingCircle,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createTestResource, resourceFields } from "./learning.testing.ts";
import { installSampleDirectory } from "./learning-samples.ts";

describe("learning directory", () => {
  let t: TestApp;
  let adminId: string;
  let admin: Session;
  let member: Session;

  beforeEach(async () => {
    t = await createTestApp();
    // As at server start: the sample directory is installed before anyone searches.
    await t.ctx.db.transaction().execute((trx) => installSampleDirectory(trx, t.ctx.clock));
    adminId = (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id;
    admin = await createSession(t.ctx, adminId);
    member = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
  });
  afterEach(async () => t.close());

  const search = async (query: string, session = member): Promise<SearchResult> => {
    const response = await getJson(t.app, `/api/learning/resources?${query}`, { session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("ships a sample directory covering every kind, marked as sample", async () => {
    const result = await search("pageSize=50");
    expect(result.total).toBeGreaterThanOrEqual(11);
    expect(result.items.every((item) => item.sample)).toBe(true);
    expect(new Set(result.facets.kind.map((facet) => facet.value))).toEqual(
      new Set([
        "course",
        "certification",
        "learning_hub",
        "live_learning_series",
        "mentorship_program",
        "shadow_program",
        "benefit",
        "book",
        "video",
        "article",
        "other",
      ]),
    );
    const mentorship = result.items.find((item) => item.kind === "mentorship_program");
    expect(mentorship?.url).toBe("/learning/mentorship");
  });

  it("ranks a title match above a description match and finds plurals and misspellings", async () => {
    const inTitle = await createTestResource(t.ctx, adminId, { title: "Zanzibar budgeting" });
    const inText = await createTestResource(t.ctx, adminId, {
      title: "Spreadsheet basics",
      description: "Includes a short zanzibar budgeting example.",
    });
    const ranked = await search("q=zanzibar");
    expect(ranked.items.map((item) => item.id)).toEqual([inTitle.id, inText.id]);

    const crucial = await search("q=crucial+conversation");
    expect(crucial.items[0]?.title).toBe("Crucial Conversations");
    const typo = await search("q=cruical+conversatons");
    expect(typo.items[0]?.title).toBe("Crucial Conversations");
    expect(typo.corrections).toEqual(
      expect.arrayContaining([{ word: "cruical", alternatives: ["crucial"] }]),
    );
    expect((await search("q=zanzibr")).items.map((item) => item.id)).toContain(inTitle.id);
  });

  it("filters by kind, skill, cost, duration and format, with facet counts and pages", async () => {
    const tag = "Quokka Negotiation";
    for (let index = 0; index < 5; index += 1) {
      await createTestResource(t.ctx, adminId, {
        title: `Quokka course ${index}`,
        skills: [tag],
        costMinor: index < 2 ? 1_500 : 0,
        currency: index < 2 ? "EUR" : null,
        durationMinutes: index === 0 ? 30 : 600,
        format: index === 4 ? "live" : "self_paced",
        kind: index === 3 ? "book" : "course",
      });
    }
    const all = await search("q=quokka&pageSize=2");
    expect(all.total).toBe(5);
    expect(all.items).toHaveLength(2);
    expect(all.facets.kind).toEqual(
      expect.arrayContaining([
        { value: "course", label: "Course", count: 4 },
        { value: "book", label: "Book", count: 1 },
      ]),
    );
    expect(all.facets.cost).toEqual([
      { value: "free", label: "Free", count: 3 },
      { value: "paid", label: "Paid", count: 2 },
    ]);
    expect(all.facets.skill).toEqual([{ value: "quokka-negotiation", label: tag, count: 5 }]);
    const third = await search("q=quokka&pageSize=2&page=3");
    expect(third.items).toHaveLength(1);
    const pages = [
      ...all.items,
      ...(await search("q=quokka&pageSize=2&page=2")).items,
      ...third.items,
    ];
    expect(new Set(pages.map((item) => item.id)).size).toBe(5);

    expect((await search("skill=quokka-negotiation&cost=paid")).total).toBe(2);
    expect((await search("q=quokka&kind=book")).total).toBe(1);
    expect((await search("q=quokka&duration=short")).total).toBe(1);
    expect((await search("q=quokka&format=live")).total).toBe(1);
    // A chosen facet's own counts stay those of the other filters.
    const books = await search("q=quokka&kind=book");
    expect(books.facets.kind.find((facet) => facet.value === "course")?.count).toBe(4);
    expect(books.facets.format).toEqual([{ value: "self_paced", label: "Self-paced", count: 1 }]);
  });

  it("lets admins edit with a version, answers 409 to a stale save, and hides archived ones", async () => {
    const created = await createTestResource(t.ctx, adminId, { title: "Wombat writing" });
    const { id, bookmarked, archived, sample, version, updatedAt, ...fields } = created;
    const body = {
      ...fields,
      skills: fields.skills.map((skill) => skill.name),
      baseVersion: version,
      archived: false,
    };
    const url = `/api/learning/resources/${id}`;
    expect((await sendJson(t.app, "PUT", url, body, { session: member })).statusCode).toBe(403);
    const saved = await sendJson(
      t.app,
      "PUT",
      url,
      { ...body, title: "Wombat writing 2" },
      {
        session: admin,
      },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await sendJson(t.app, "PUT", url, { ...body, title: "Lost" }, { session: admin });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: "Wombat writing 2", version: 2 });

    const archivedSave = await sendJson(
      t.app,
      "PUT",
      url,
      { ...body, baseVersion: 2, archived: true },
      { session: admin },
    );
    expect(archivedSave.json()).toMatchObject({ archived: true, version: 3 });
    expect((await getJson(t.app, url, { session: member })).statusCode).toBe(404);
    expect((await getJson(t.app, url, { session: admin })).statusCode).toBe(200);
    expect((await search("q=wombat")).total).toBe(0);
    expect((await search("q=wombat&archived=include", admin)).total).toBe(1);
    expect((await search("q=wombat&archived=include", member)).total).toBe(0);
  });

  it("rejects a link that is neither http(s) nor an app path, and a cost without currency", async () => {
    const bad = await postJson(
      t.app,
      "/api/learning/resources",
      resourceFields({ url: "javascript:alert(1)", costMinor: 100 }),
      { session: admin },
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields ?? {})).toEqual(
      expect.arrayContaining(["url", "currency"]),
    );
  });

  it("imports CSV with a dry run and per-row warnings, and exports what it imports", async () => {
    const csv = [
      "title,kind,skills,cost_minor,currency,duration_minutes,format,colour",
      "Platypus pricing,course,Pricing; Negotiation,2500,usd,90,live,blue",
      ",course,,,,,,",
      "Platypus podcasts,podcast,,,,,,",
      "Platypus reading,book,,abc,,,,",
      'Platypus video,video,"Storytelling",0,,5,self_paced,',
    ].join("\n");
    const dry = await postJson(
      t.app,
      "/api/learning/resources/import",
      { csv, dryRun: true },
      { session: admin },
    );
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 2, updated: 0, skipped: 3 });
    expect(dry.json().warnings.map((warning: { line: number }) => warning.line)).toEqual([
      1, 3, 4, 5,
    ]);
    expect((await search("q=platypus")).total).toBe(0);

    const applied = await postJson(
      t.app,
      "/api/learning/resources/import",
      { csv, dryRun: false },
      { session: admin },
    );
    expect(applied.json()).toMatchObject({ dryRun: false, created: 2 });
    const found = await search("q=platypus");
    expect(found.items.map((item) => item.title).sort()).toEqual([
      "Platypus pricing",
      "Platypus video",
    ]);
    expect(found.items.find((item) => item.title === "Platypus pricing")).toMatchObject({
      costMinor: 2500,
      currency: "USD",
      durationMinutes: 90,
      format: "live",
    });

    const exported = await getJson(t.app, "/api/learning/resources/export", { session: admin });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/^text\/csv/);
    const again = await postJson(
      t.app,
      "/api/learning/resources/import",
      { csv: exported.body, dryRun: true },
      { session: admin },
    );
    expect(again.json()).toMatchObject({ created: 0, skipped: 0, warnings: [] });
    expect(again.json().updated).toBe(found.total + (await search("pageSize=1")).total - 2);
    const garbage = await postJson(
      t.app,
      "/api/learning/resources/import",
      { csv: 'title,kind\n"unclosed,course', dryRun: true },
      { session: admin },
    );
    expect(garbage.statusCode).toBe(200);
    expect(garbage.json().warnings).toHaveLength(1);
  });
});

describe("bookmarks and suggestions", () => {
  let t: TestApp;
  let circle: Awaited<ReturnType<typeof createReportingCircle>>;

  beforeEach(async () => {
    t = await createTestApp();
    circle = await createReportingCircle(t.ctx);
  });
  afterEach(async () => t.close());

  const ownerPlan = async () => {
    const response = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My plan", templateId: "ic-growing-in-role", activate: true },
      { session: circle.sessions.owner },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json().plan.id as string;
  };

  it("shows a member's bookmarks in their plan's Exploration section, to its readers only", async () => {
    const resource: ResourceView = await createTestResource(t.ctx, circle.ids.admin, {
      title: "Echidna estimation",
    });
    const planId = await ownerPlan();
    const mark = await sendJson(
      t.app,
      "PUT",
      `/api/learning/resources/${resource.id}/bookmark`,
      {},
      { session: circle.sessions.owner },
    );
    expect(mark.json()).toEqual({ resourceId: resource.id, bookmarked: true });
    const url = `/api/growth-plans/${planId}/learning-bookmarks`;
    const own = await getJson(t.app, url, { session: circle.sessions.owner });
    expect(own.json().items.map((item: { title: string }) => item.title)).toEqual([
      "Echidna estimation",
    ]);
    for (const other of ["peer", "mentor", "admin", "skip"] as const) {
      expect((await getJson(t.app, url, { session: circle.sessions[other] })).statusCode).toBe(404);
    }
    const sections = Object.fromEntries(
      growthPlanSectionKeys.map((key) => [key, { manager: key === "exploration", people: [] }]),
    );
    const shared = await sendJson(
      t.app,
      "PUT",
      `/api/growth-plans/${planId}/sharing`,
      { sections },
      { session: circle.sessions.owner },
    );
    expect(shared.statusCode, shared.body).toBe(200);
    const managerView = await getJson(t.app, url, { session: circle.sessions.manager });
    expect(managerView.statusCode).toBe(200);
    expect(managerView.json().items[0]).toMatchObject({ id: resource.id, bookmarked: false });

    await sendJson(t.app, "DELETE", `/api/learning/resources/${resource.id}/bookmark`, undefined, {
      session: circle.sessions.owner,
    });
    expect((await getJson(t.app, url, { session: circle.sessions.owner })).json().items).toEqual(
      [],
    );
  });

  it("suggests resources for a goal's skill with the reason", async () => {
    await createTestResource(t.ctx, circle.ids.admin, {
      title: "Negotiating offers",
      skills: ["Negotiation"],
    });
    await createTestResource(t.ctx, circle.ids.admin, { title: "Unrelated", skills: ["Cooking"] });
    const planId = await ownerPlan();
    const goal = await postJson(
      t.app,
      `/api/growth-plans/${planId}/goals`,
      { content: { ...emptyGoal(), skill: "negotiation" } },
      { session: circle.sessions.owner },
    );
    expect(goal.statusCode, goal.body).toBe(201);
    const goalId = goal.json().goal.id;
    const response = await getJson(
      t.app,
      `/api/growth-plans/${planId}/goals/${goalId}/learning-suggestions`,
      { session: circle.sessions.owner },
    );
    expect(response.statusCode, response.body).toBe(200);
    const list: SuggestionList = response.json();
    const titles = list.items.map((item) => item.resource.title);
    expect(titles).toContain("Negotiating offers");
    expect(titles).not.toContain("Unrelated");
    expect(list.items.find((item) => item.resource.title === "Negotiating offers")?.reason).toBe(
      "tagged Negotiation, which this goal develops",
    );
    const peer = await getJson(
      t.app,
      `/api/growth-plans/${planId}/goals/${goalId}/learning-suggestions`,
      { session: circle.sessions.peer },
    );
    expect(peer.statusCode).toBe(404);
  });

  it("suggests resources for a gap's competency, linked by the framework's key", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await giveCurrentRole(t.ctx, circle.ids.owner, frameworkId, "analyst");
    const tagged = await createTestResource(t.ctx, circle.ids.admin, {
      title: "Forecast clinic",
      skills: ["Forecasting"],
    });
    expect(tagged.skills[0]).toMatchObject({ name: "Forecasting", competencyKey: "forecasting" });
    const assessment = await createTestAssessment(t.ctx, circle.ids.owner, { frameworkId });
    const url = `/api/career-assessments/${assessment.id}/gaps/forecasting/learning-suggestions`;
    const response = await getJson(t.app, url, { session: circle.sessions.owner });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((item: { reason: string }) => item.reason)).toEqual([
      "tagged Forecasting, the competency of this gap",
    ]);
    expect((await getJson(t.app, url, { session: circle.sessions.peer })).statusCode).toBe(404);
  });
});
