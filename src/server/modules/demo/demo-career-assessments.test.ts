import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeSetup } from "#server/testing/factories.ts";
import { getJson, type Session, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { loadDemoOrganization } from "./demo.service.ts";
import { demoPassword } from "./demo-organization.ts";

type Summary = {
  id: string;
  roleKey: string;
  status: string;
  sharedWithManager: boolean;
  isCurrentRole: boolean;
};
type Request = { id: string; status: string; relation: string; requester: { name: string } };

describe("demo career assessments", () => {
  let t: TestApp;
  const as = (key: string): Promise<Session> =>
    signInAs(t.app, `${key}@northwind.example`, demoPassword);
  const get = (url: string, session: Session) => getJson(t.app, url, { session });
  const onlyAssessment = async (session: Session): Promise<Summary> => {
    const { assessments } = (await get("/api/career-assessments", session)).json();
    expect(assessments).toHaveLength(1);
    return assessments[0];
  };
  const personIdOf = async (session: Session, email: string): Promise<string> => {
    const found = (await get(`/api/people?q=${encodeURIComponent(email)}`, session)).json();
    const person = found.people.find((entry: { email: string }) => entry.email === email);
    expect(person).toBeDefined();
    return person.id;
  };

  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t, { loadDemo: true });
  });
  afterEach(async () => t.close());

  it("gives Sofia a shared assessment against her target role, with the peers' aggregate and goals", async () => {
    const sofia = await as("sofia.nowak");
    const summary = await onlyAssessment(sofia);
    expect(summary).toMatchObject({
      roleKey: "sales-operations-manager",
      status: "finished",
      sharedWithManager: true,
      isCurrentRole: false,
    });
    const gaps = (await get(`/api/career-assessments/${summary.id}/gaps`, sofia)).json();
    expect(gaps.peers).toEqual({ answered: 3, needed: 3, shown: true });
    expect(gaps.managerAnswered).toBe(true);
    expect(gaps.managerRater.name).toBe("Marcus Lee");
    expect(gaps.rows.some((row: { peers: number | null }) => row.peers !== null)).toBe(true);
    const withGoals = gaps.rows.filter((row: { goalIds: string[] }) => row.goalIds.length > 0);
    expect(withGoals).toHaveLength(2);
    expect(withGoals.every((row: { gap: number }) => row.gap > 0)).toBe(true);

    const sofiaId = await personIdOf(sofia, "sofia.nowak@northwind.example");
    const position = (await get(`/api/people/${sofiaId}/career`, sofia)).json();
    expect(position.currentRole.roleKey).toBe("senior-sales-operations-analyst");
    expect(position.targetRole.roleKey).toBe("sales-operations-manager");

    const plans = (await get("/api/growth-plans", sofia)).json();
    const active = plans.plans.find((plan: { status: string }) => plan.status === "active");
    const plan = (await get(`/api/growth-plans/${active.id}`, sofia)).json();
    const goalIds = plan.goals.map((goal: { id: string }) => goal.id);
    for (const row of withGoals) expect(goalIds).toContain(row.goalIds[0]);
    expect(plan.sections.role.content.targetRoles).toContain("Sales Operations Manager");

    // Kevin asked her too, and she has not answered yet.
    const queue = (await get("/api/career-feedback-requests", sofia)).json();
    expect(
      queue.requests.map((request: Request) => [request.requester.name, request.status]),
    ).toEqual([["Kevin O'Brien", "pending"]]);
  });

  it("fills Marcus's pages: pending requests in his queue, Sofia's shared assessment on his team", async () => {
    const marcus = await as("marcus.lee");
    const queue: Request[] = (await get("/api/career-feedback-requests", marcus)).json().requests;
    const pending = queue.filter((request) => request.status === "pending");
    expect(pending.map((request) => request.requester.name).sort()).toEqual([
      "Amara Nwosu",
      "Kevin O'Brien",
    ]);
    expect(pending.every((request) => request.relation === "manager")).toBe(true);
    expect(queue.filter((request) => request.status === "answered")).toHaveLength(1);

    const team = (await get("/api/team/career", marcus)).json();
    const row = (name: string) =>
      team.reports.find((entry: { person: { name: string } }) => entry.person.name === name);
    expect(row("Sofia Nowak")).toMatchObject({
      targetRoleTitle: "Sales Operations Manager",
      latestSharedAssessment: { roleKey: "sales-operations-manager", status: "finished" },
    });
    expect(row("Kevin O'Brien")).toMatchObject({
      targetRoleTitle: "Senior Sales Operations Analyst",
      latestSharedAssessment: null,
      pendingRequestsForMe: 1,
    });
    expect(row("Ethan Clarke").latestSharedAssessment).toBeNull();

    const shared = row("Sofia Nowak").latestSharedAssessment;
    const read = (await get(`/api/career-assessments/${shared.id}`, marcus)).json();
    expect(read.ratings.every((rating: { rating: number | null }) => rating.rating !== null)).toBe(
      true,
    );
    expect(read.requests).toEqual([]);

    const hannah = await as("hannah.okafor");
    expect((await get(`/api/career-assessments/${shared.id}`, hannah)).statusCode).toBe(404);
  });

  it("keeps Ethan's draft, Kevin's 2 of 3 peers and Amara's declined request", async () => {
    const ethan = await as("ethan.clarke");
    const draft = await onlyAssessment(ethan);
    expect(draft).toMatchObject({
      roleKey: "sales-operations-analyst",
      status: "draft",
      isCurrentRole: true,
    });
    const full = (await get(`/api/career-assessments/${draft.id}`, ethan)).json();
    const ratings: { rating: number | null }[] = full.ratings;
    expect(ratings.some((rating) => rating.rating === null)).toBe(true);
    expect(ratings.some((rating) => rating.rating !== null)).toBe(true);
    const marcus = await as("marcus.lee");
    expect((await get(`/api/career-assessments/${draft.id}`, marcus)).statusCode).toBe(404);

    const kevin = await as("kevin.obrien");
    const kevins = await onlyAssessment(kevin);
    expect(kevins).toMatchObject({ status: "finished", sharedWithManager: false });
    const gaps = (await get(`/api/career-assessments/${kevins.id}/gaps`, kevin)).json();
    expect(gaps.peers).toEqual({ answered: 2, needed: 3, shown: false });
    const exported = await get(`/api/career-assessments/${kevins.id}/export?format=md`, kevin);
    expect(exported.body).toContain("2 of 3 needed");

    const amara = await as("amara.nwosu");
    const amaras = (await get(`/api/career-assessments/${(await onlyAssessment(amara)).id}`, amara))
      .json()
      .requests.map((request: { status: string; relation: string }) => [
        request.relation,
        request.status,
      ])
      .sort();
    expect(amaras).toEqual([
      ["manager", "pending"],
      ["peer", "answered"],
      ["peer", "declined"],
    ]);

    const lina = await as("lina.berg");
    const linaId = await personIdOf(lina, "lina.berg@northwind.example");
    const position = (await get(`/api/people/${linaId}/career`, lina)).json();
    expect(position.targetRole.roleKey).toBe("senior-strategy-analytics-analyst");
  });

  it("does not load a second time, and a refused load leaves the assessments as they were", async () => {
    const before = await t.ctx.db
      .selectFrom("career_assessments")
      .select(["id", "status", "version"])
      .orderBy("id")
      .execute();
    expect(before).toHaveLength(4);
    await expect(loadDemoOrganization(t.ctx)).rejects.toThrow(
      "The demo organization is already loaded.",
    );
    const after = await t.ctx.db
      .selectFrom("career_assessments")
      .select(["id", "status", "version"])
      .orderBy("id")
      .execute();
    expect(after).toEqual(before);
    const requests = await t.ctx.db
      .selectFrom("career_feedback_requests")
      .select("status")
      .execute();
    expect(requests.filter((request) => request.status === "pending")).toHaveLength(3);
  });
});
