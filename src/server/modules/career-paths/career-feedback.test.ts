import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Assessment, GapAnalysis } from "#core/career/assessments.schemas.ts";
import {
  changePerson,
  createPersonWithoutPassword,
  createReportingCircle,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { answerAs, askForFeedback, createTestAssessment } from "./career-assessments.testing.ts";
import { createPublishedFramework, giveCurrentRole } from "./career-paths.testing.ts";

// Peers' answers: forecasting 1, 4, 2 (mean 2.33), tooling 1, 1, 4 (mean 2), coaching unrated.
const peerAnswers = [
  { forecasting: 1, tooling: 1 },
  { forecasting: 4, tooling: 1 },
  { forecasting: 2, tooling: 4 },
  { forecasting: 4, tooling: 4 },
];
const commentOf = (index: number) => `PEER-COMMENT-${index}-only-for-its-author`;

describe("feedback requests and the privacy of peer ratings", () => {
  let t: TestApp;
  let logLines: string[];
  let circle: Awaited<ReturnType<typeof createReportingCircle>>;
  let assessment: Assessment;
  const peers: { id: string; session: Session; requestId: string }[] = [];

  beforeEach(async () => {
    logLines = [];
    t = await createTestApp(
      { LOG_LEVEL: "trace" },
      { logStream: { write: (line) => logLines.push(line) } },
    );
    circle = await createReportingCircle(t.ctx);
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await giveCurrentRole(t.ctx, circle.ids.owner, frameworkId, "analyst");
    assessment = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 2, tooling: 3, coaching: 2 },
      finish: true,
      share: true,
    });
    const extra = [
      await createPersonWithoutPassword(t.ctx, { name: "Third Peer" }),
      await createPersonWithoutPassword(t.ctx, { name: "Fourth Peer" }),
    ];
    const peerIds = [circle.ids.peer, circle.ids.mentor, ...extra.map((person) => person.id)];
    const requests = await askForFeedback(t.ctx, circle.ids.owner, assessment.id, {
      includeManager: true,
      peerIds,
    });
    peers.length = 0;
    for (const id of peerIds) {
      peers.push({
        id,
        session: await createSession(t.ctx, id),
        requestId: requests.get(id) ?? "",
      });
    }
  });
  afterEach(async () => t.close());

  const answerPeers = async (count: number) => {
    for (let index = 0; index < count; index++) {
      const peer = peers[index];
      const answer = peerAnswers[index];
      if (!peer || !answer) throw new Error("no such peer");
      t.clock.advance(60_000);
      const response = await sendJson(
        t.app,
        "PUT",
        `/api/career-feedback-requests/${peer.requestId}`,
        {
          ratings: [
            { competencyKey: "forecasting", rating: answer.forecasting, comment: commentOf(index) },
            { competencyKey: "tooling", rating: answer.tooling, comment: "" },
            { competencyKey: "coaching", rating: null, comment: "" },
          ],
        },
        { session: peer.session },
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().ratings[0].comment).toBe(commentOf(index));
    }
  };

  const gapsAs = async (session: Session): Promise<GapAnalysis> => {
    const response = await getJson(t.app, `/api/career-assessments/${assessment.id}/gaps`, {
      session,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** Every answer anyone but peer `index` can get that touches this assessment. */
  const bodiesSeenByOthersThan = async (index: number) => {
    const bodies: string[] = [];
    const base = `/api/career-assessments/${assessment.id}`;
    const owned = ["", "/gaps", "/export?format=csv", "/export?format=md"];
    for (const session of [circle.sessions.owner, circle.sessions.manager]) {
      for (const suffix of owned)
        bodies.push((await getJson(t.app, `${base}${suffix}`, { session })).body);
      bodies.push((await getJson(t.app, "/api/career-assessments", { session })).body);
      bodies.push((await getJson(t.app, "/api/team/career", { session })).body);
      bodies.push((await getJson(t.app, "/api/career-feedback-requests", { session })).body);
    }
    for (const session of [circle.sessions.skip, circle.sessions.admin]) {
      for (const suffix of owned)
        bodies.push((await getJson(t.app, `${base}${suffix}`, { session })).body);
    }
    const others = peers.filter((_, peerIndex) => peerIndex !== index);
    for (const viewer of [...others, { session: circle.sessions.owner }]) {
      for (const peer of peers) {
        const url = `/api/career-feedback-requests/${peer.requestId}`;
        bodies.push((await getJson(t.app, url, { session: viewer.session })).body);
      }
      bodies.push((await getJson(t.app, "/api/career-feedback-requests", viewer)).body);
    }
    return bodies;
  };

  it("shows no peers' figure anywhere while only two peers answered", async () => {
    await answerPeers(2);
    for (const session of [circle.sessions.owner, circle.sessions.manager]) {
      const gaps = await gapsAs(session);
      expect(gaps.peers).toEqual({ answered: 2, needed: 3, shown: false });
      expect(gaps.rows.map((row) => row.peers)).toEqual([null, null, null]);
      expect(gaps.rows.every((row) => row.basis?.source !== "peers")).toBe(true);
      const csv = await getJson(
        t.app,
        `/api/career-assessments/${assessment.id}/export?format=csv`,
        {
          session,
        },
      );
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain("2 of 3 needed");
      expect(csv.body).not.toContain("2.5");
    }
    for (let index = 0; index < 2; index++) {
      const bodies = (await bodiesSeenByOthersThan(index)).join("\n");
      expect(bodies).not.toContain(commentOf(index));
    }
  });

  it("shows the peers' mean once three answered, and only the mean", async () => {
    await answerPeers(3);
    for (const session of [circle.sessions.owner, circle.sessions.manager]) {
      const gaps = await gapsAs(session);
      expect(gaps.peers).toEqual({ answered: 3, needed: 3, shown: true });
      expect(gaps.rows.map((row) => [row.competencyKey, row.peers])).toEqual([
        ["forecasting", 2.33],
        ["tooling", 2],
        ["coaching", null],
      ]);
    }
    for (let index = 0; index < 3; index++) {
      const bodies = (await bodiesSeenByOthersThan(index)).join("\n");
      expect(bodies).not.toContain(commentOf(index));
    }
    const team = await getJson(t.app, "/api/team/career", { session: circle.sessions.manager });
    expect(team.body).not.toContain("2.33");
  });

  it("moves the mean only when three more peers answered, so no one answer can be told apart", async () => {
    await answerPeers(4);
    const gaps = await gapsAs(circle.sessions.owner);
    expect(gaps.peers.answered).toBe(4);
    expect(gaps.rows[0]?.peers).toBe(2.33);
    const again = await sendJson(
      t.app,
      "PUT",
      `/api/career-feedback-requests/${peers[0]?.requestId}`,
      { ratings: [{ competencyKey: "forecasting", rating: 4, comment: "" }] },
      { session: peers[0]?.session },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().current.ratings[0].comment).toBe(commentOf(0));
  });

  it("writes no rating or comment to the log", async () => {
    await answerPeers(3);
    await bodiesSeenByOthersThan(0);
    expect(logLines.length).toBeGreaterThan(10);
    const log = logLines.join("\n");
    for (let index = 0; index < 3; index++) expect(log).not.toContain(commentOf(index));
    expect(log).not.toContain('"rating"');
  });

  it("shows a rater only the role and the competencies; never the member's own ratings", async () => {
    const peer = peers[0];
    const view = await getJson(t.app, `/api/career-feedback-requests/${peer?.requestId}`, {
      session: peer?.session,
    });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      roleTitle: "Senior Sales Operations Analyst",
      relation: "peer",
      status: "pending",
      ratings: [],
    });
    expect(view.json().competencies).toHaveLength(3);
    expect(view.body).not.toContain('"evidence"');
    const queue = await getJson(t.app, "/api/career-feedback-requests", { session: peer?.session });
    expect(queue.json().requests).toHaveLength(1);
    const owner = await getJson(t.app, `/api/career-feedback-requests/${peer?.requestId}`, {
      session: circle.sessions.owner,
    });
    expect(owner.statusCode).toBe(404);
  });

  it("lets a rater decline once, and a declined request cannot be answered", async () => {
    const peer = peers[1];
    const url = `/api/career-feedback-requests/${peer?.requestId}`;
    const declined = await postJson(t.app, `${url}/decline`, {}, { session: peer?.session });
    expect(declined.statusCode).toBe(200);
    expect(declined.json().status).toBe("declined");
    const twice = await postJson(t.app, `${url}/decline`, {}, { session: peer?.session });
    expect(twice.statusCode).toBe(409);
    const answer = await sendJson(
      t.app,
      "PUT",
      url,
      { ratings: [{ competencyKey: "forecasting", rating: 2, comment: "" }] },
      { session: peer?.session },
    );
    expect(answer.statusCode).toBe(409);
    const view = await getJson(t.app, `/api/career-assessments/${assessment.id}`, {
      session: circle.sessions.owner,
    });
    const sent = view
      .json()
      .requests.find((request: { id: string }) => request.id === peer?.requestId);
    expect(sent.status).toBe("declined");
    expect((await gapsAs(circle.sessions.owner)).peers.answered).toBe(0);
  });

  it("lets the manager change their answer, shown by name", async () => {
    const view = await getJson(t.app, `/api/career-assessments/${assessment.id}`, {
      session: circle.sessions.owner,
    });
    const managerRequest = view
      .json()
      .requests.find((request: { relation: string }) => request.relation === "manager");
    await answerAs(t.ctx, circle.ids.manager, managerRequest.id, { forecasting: { rating: 1 } });
    await answerAs(t.ctx, circle.ids.manager, managerRequest.id, { forecasting: { rating: 3 } });
    const gaps = await gapsAs(circle.sessions.owner);
    expect(gaps.managerRater).toEqual({ id: circle.ids.manager, name: "Mona Manager" });
    expect(gaps.rows[0]?.manager).toBe(3);
  });

  it("asks only active people other than oneself, the manager only as the manager", async () => {
    const other = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId: assessment.frameworkId,
    });
    const gone = await createPersonWithoutPassword(t.ctx, { name: "Gone" });
    await changePerson(t.ctx, gone.id, { status: "deactivated" });
    const url = `/api/career-assessments/${other.id}/feedback-requests`;
    const ask = (body: Record<string, unknown>, session = circle.sessions.owner) =>
      postJson(t.app, url, { includeManager: false, peerIds: [], ...body }, { session });
    const refused = await ask({
      peerIds: [
        circle.ids.owner,
        gone.id,
        circle.ids.manager,
        "0190f5e0-0000-7000-8000-000000000003",
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields).sort()).toEqual([
      "peerIds.0",
      "peerIds.1",
      "peerIds.2",
      "peerIds.3",
    ]);
    const tooMany = await ask({
      peerIds: Array.from(
        { length: 21 },
        (_, index) => `0190f5e0-0000-7000-8000-${String(index).padStart(12, "0")}`,
      ),
    });
    expect(tooMany.statusCode).toBe(400);
    expect((await ask({})).statusCode).toBe(400);
    expect((await ask({ includeManager: true }, circle.sessions.peer)).statusCode).toBe(404);
    const asked = await ask({ includeManager: true, peerIds: [circle.ids.peer, circle.ids.peer] });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(
      asked
        .json()
        .requests.map((request: { relation: string; rater: { id: string } }) => [
          request.relation,
          request.rater.id,
        ]),
    ).toEqual([
      ["manager", circle.ids.manager],
      ["peer", circle.ids.peer],
    ]);
  });
});
