import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Assessment } from "#core/career/assessments.schemas.ts";
import { createReportingCircle } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createTestAssessment } from "./career-assessments.testing.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
  publishNextVersion,
  testFrameworkContent,
} from "./career-paths.testing.ts";

const evidence = { text: "", links: [], goalIds: [] };
const rating = (competencyKey: string, value: number | null) => ({
  competencyKey,
  rating: value,
  evidence,
});

describe("self-assessments", () => {
  let t: TestApp;
  let circle: Awaited<ReturnType<typeof createReportingCircle>>;
  let frameworkId: string;

  beforeEach(async () => {
    t = await createTestApp();
    circle = await createReportingCircle(t.ctx);
    ({ frameworkId } = await createPublishedFramework(t.ctx));
    await giveCurrentRole(t.ctx, circle.ids.owner, frameworkId, "analyst");
  });
  afterEach(async () => t.close());

  const create = (session: Session, body: Record<string, unknown>) =>
    postJson(t.app, "/api/career-assessments", body, { session });

  it("starts a draft on the newest version, against the current role unless told otherwise", async () => {
    const response = await create(circle.sessions.owner, { frameworkId });
    expect(response.statusCode, response.body).toBe(201);
    const assessment: Assessment = response.json();
    expect(assessment).toMatchObject({
      status: "draft",
      roleKey: "analyst",
      isCurrentRole: true,
      versionNumber: 1,
      latestVersionNumber: 1,
      sharedWithManager: false,
    });
    expect(assessment.competencies.map((entry) => entry.competency.key)).toEqual([
      "forecasting",
      "tooling",
      "coaching",
    ]);
    const target = await create(circle.sessions.owner, { frameworkId, roleKey: "senior-analyst" });
    expect(target.json()).toMatchObject({ roleKey: "senior-analyst", isCurrentRole: false });
    const list = await getJson(t.app, "/api/career-assessments", {
      session: circle.sessions.owner,
    });
    expect(list.json().assessments).toHaveLength(2);
    const peerList = await getJson(t.app, "/api/career-assessments", {
      session: circle.sessions.peer,
    });
    expect(peerList.json().assessments).toEqual([]);
  });

  it("names roleKey when there is no current role or no such role", async () => {
    const none = await create(circle.sessions.peer, { frameworkId });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty("roleKey");
    const unknown = await create(circle.sessions.owner, { frameworkId, roleKey: "astronaut" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("roleKey");
    const noFramework = await create(circle.sessions.owner, {
      frameworkId: "0190f5e0-0000-7000-8000-000000000000",
    });
    expect(noFramework.statusCode).toBe(400);
    expect(noFramework.json().error.fields).toHaveProperty("frameworkId");
  });

  it("saves ratings at the current version, refuses stale saves and unknown competencies", async () => {
    const draft: Assessment = (await create(circle.sessions.owner, { frameworkId })).json();
    const url = `/api/career-assessments/${draft.id}/ratings`;
    const saved = await sendJson(
      t.app,
      "PUT",
      url,
      { baseVersion: draft.version, ratings: [rating("forecasting", 3)] },
      { session: circle.sessions.owner },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().ratings[0]).toMatchObject({ competencyKey: "forecasting", rating: 3 });
    const stale = await sendJson(
      t.app,
      "PUT",
      url,
      { baseVersion: draft.version, ratings: [rating("forecasting", 1)] },
      { session: circle.sessions.owner },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.ratings[0].rating).toBe(3);
    const unknown = await sendJson(
      t.app,
      "PUT",
      url,
      { baseVersion: saved.json().version, ratings: [rating("juggling", 1)] },
      { session: circle.sessions.owner },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty(["ratings.0.competencyKey"]);
    const otherGoal = await sendJson(
      t.app,
      "PUT",
      url,
      {
        baseVersion: saved.json().version,
        ratings: [
          {
            ...rating("tooling", 2),
            evidence: { ...evidence, goalIds: ["0190f5e0-0000-7000-8000-000000000001"] },
          },
        ],
      },
      { session: circle.sessions.owner },
    );
    expect(otherGoal.statusCode).toBe(400);
    expect(otherGoal.json().error.fields).toHaveProperty(["ratings.0.evidence.goalIds.0"]);
  });

  it("finishes only when every competency is rated, and then keeps its ratings", async () => {
    const draft: Assessment = (await create(circle.sessions.owner, { frameworkId })).json();
    const early = await postJson(
      t.app,
      `/api/career-assessments/${draft.id}/finish`,
      { baseVersion: draft.version },
      { session: circle.sessions.owner },
    );
    expect(early.statusCode).toBe(400);
    const rated = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      finish: true,
    });
    expect(rated.status).toBe("finished");
    const late = await sendJson(
      t.app,
      "PUT",
      `/api/career-assessments/${rated.id}/ratings`,
      { baseVersion: rated.version, ratings: [] },
      { session: circle.sessions.owner },
    );
    expect(late.statusCode).toBe(409);
  });

  it("shows a manager only a finished assessment shared with them; everyone else gets 404", async () => {
    const draft = await createTestAssessment(t.ctx, circle.ids.owner, { frameworkId });
    const finished = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      finish: true,
    });
    const read = (id: string, session: Session) =>
      getJson(t.app, `/api/career-assessments/${id}`, { session });
    const missing = await read("0190f5e0-0000-7000-8000-000000000002", circle.sessions.peer);
    expect(missing.statusCode).toBe(404);
    for (const id of [draft.id, finished.id]) {
      expect((await read(id, circle.sessions.owner)).statusCode).toBe(200);
      for (const who of ["manager", "skip", "peer", "mentor", "admin"] as const) {
        const response = await read(id, circle.sessions[who]);
        expect(response.statusCode, who).toBe(404);
        expect(response.json().error).toEqual(missing.json().error);
      }
    }
    const shareDraft = await postJson(
      t.app,
      `/api/career-assessments/${draft.id}/share`,
      { sharedWithManager: true },
      { session: circle.sessions.owner },
    );
    expect(shareDraft.statusCode).toBe(400);
    expect(shareDraft.json().error.fields).toHaveProperty("sharedWithManager");
    const share = await postJson(
      t.app,
      `/api/career-assessments/${finished.id}/share`,
      { sharedWithManager: true },
      { session: circle.sessions.owner },
    );
    expect(share.statusCode).toBe(200);
    const managerView = await read(finished.id, circle.sessions.manager);
    expect(managerView.statusCode).toBe(200);
    expect(managerView.json().requests).toEqual([]);
    for (const who of ["skip", "peer", "mentor", "admin"] as const) {
      expect((await read(finished.id, circle.sessions[who])).statusCode, who).toBe(404);
    }
    const managerDelete = await sendJson(
      t.app,
      "DELETE",
      `/api/career-assessments/${finished.id}`,
      {},
      { session: circle.sessions.manager },
    );
    expect(managerDelete.statusCode).toBe(403);
    await postJson(
      t.app,
      `/api/career-assessments/${finished.id}/share`,
      { sharedWithManager: false },
      { session: circle.sessions.owner },
    );
    expect((await read(finished.id, circle.sessions.manager)).statusCode).toBe(404);
  });

  it("re-bases a draft onto the newest version, keeping ratings of competencies that remain", async () => {
    const draft = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 3, tooling: 1, coaching: 2 },
    });
    const first = testFrameworkContent();
    const next = testFrameworkContent({
      competencies: [
        ...first.competencies.filter((competency) => competency.key !== "tooling"),
        { ...first.competencies[0], key: "storytelling", name: "Storytelling" },
      ] as typeof first.competencies,
      roles: first.roles.map((role) => ({
        ...role,
        expectations: Object.fromEntries(
          Object.entries({ ...role.expectations, storytelling: 2 }).filter(
            ([key]) => key !== "tooling",
          ),
        ),
      })),
    });
    await publishNextVersion(t.ctx, frameworkId, next);
    const before = await getJson(t.app, `/api/career-assessments/${draft.id}`, {
      session: circle.sessions.owner,
    });
    expect(before.json()).toMatchObject({ versionNumber: 1, latestVersionNumber: 2 });
    expect(
      before.json().competencies.map((c: { competency: { key: string } }) => c.competency.key),
    ).toContain("tooling");
    const stale = await postJson(
      t.app,
      `/api/career-assessments/${draft.id}/rebase`,
      { baseVersion: draft.version - 1 },
      { session: circle.sessions.owner },
    );
    expect(stale.statusCode).toBe(409);
    const rebased = await postJson(
      t.app,
      `/api/career-assessments/${draft.id}/rebase`,
      { baseVersion: draft.version },
      { session: circle.sessions.owner },
    );
    expect(rebased.statusCode, rebased.body).toBe(200);
    const result = rebased.json();
    expect(result.fromVersionNumber).toBe(1);
    expect(result.dropped).toEqual([{ competencyKey: "tooling", competencyName: "Tooling" }]);
    expect(result.added).toEqual([
      { competencyKey: "storytelling", competencyName: "Storytelling" },
    ]);
    expect(result.assessment.versionNumber).toBe(2);
    expect(
      result.assessment.ratings.map((entry: { competencyKey: string; rating: number | null }) => [
        entry.competencyKey,
        entry.rating,
      ]),
    ).toEqual([
      ["forecasting", 3],
      ["coaching", 2],
      ["storytelling", null],
    ]);
  });

  it("keeps a finished assessment readable as it was made, and never re-bases it", async () => {
    const finished = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      finish: true,
    });
    const renamed = testFrameworkContent();
    renamed.competencies = renamed.competencies.map((competency) => ({
      ...competency,
      name: `${competency.name} (new)`,
    }));
    await publishNextVersion(t.ctx, frameworkId, renamed);
    const view = await getJson(t.app, `/api/career-assessments/${finished.id}`, {
      session: circle.sessions.owner,
    });
    expect(view.json().competencies[0].competency.name).toBe("Forecasting");
    expect(view.json().latestVersionNumber).toBe(2);
    const rebase = await postJson(
      t.app,
      `/api/career-assessments/${finished.id}/rebase`,
      { baseVersion: finished.version },
      { session: circle.sessions.owner },
    );
    expect(rebase.statusCode).toBe(409);
  });

  it("deletes an assessment for its owner only", async () => {
    const draft = await createTestAssessment(t.ctx, circle.ids.owner, { frameworkId });
    const url = `/api/career-assessments/${draft.id}`;
    const peer = await sendJson(t.app, "DELETE", url, {}, { session: circle.sessions.peer });
    expect(peer.statusCode).toBe(404);
    const owner = await sendJson(t.app, "DELETE", url, {}, { session: circle.sessions.owner });
    expect(owner.statusCode).toBe(204);
    expect((await getJson(t.app, url, { session: circle.sessions.owner })).statusCode).toBe(404);
  });
});
