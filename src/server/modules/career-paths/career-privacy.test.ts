import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Assessment } from "#core/career/assessments.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { turnOnFeed } from "#server/modules/calendar/calendar.testing.ts";
import {
  createPersonWithoutPassword,
  createReportingCircle,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { askForFeedback } from "./career-assessments.testing.ts";
import { createPublishedFramework } from "./career-paths.testing.ts";

// Private content of the career area, each a unique marker: what the member wrote in a draft,
// in a finished assessment kept to themselves, in a shared one (the manager's to read), and
// each peer's comment (that peer's only). Every answer, list, search, export, audit row and
// log line any other actor can get is searched for them.
const marker = {
  draft: "DRAFT-EVIDENCE-7731",
  unshared: "UNSHARED-EVIDENCE-4410",
  shared: "SHARED-EVIDENCE-2286",
  peer: (index: number) => `PEER-COMMENT-${index}-5093`,
  declinedMessage: "ASKED-AND-DECLINED-6120",
};
const peerMarkers = [0, 1, 2].map(marker.peer);

describe("private career content never reaches another person", () => {
  let t: TestApp;
  let logLines: string[];
  let circle: Awaited<ReturnType<typeof createReportingCircle>>;
  let frameworkId: string;
  const assessments = {} as Record<"draft" | "unshared" | "shared", Assessment>;
  const peers: { id: string; session: Session; requestId: string }[] = [];
  let declinerSession: Session;
  let plan: PlanView;

  const send = async (method: "PUT" | "POST", url: string, body: unknown, session: Session) => {
    const response =
      method === "PUT"
        ? await sendJson(t.app, method, url, body, { session })
        : await postJson(t.app, url, body, { session });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };

  /** The owner's assessment, rated from the role's expectations, with `evidence` on each. */
  const assess = async (roleKey: string, evidence: string, stage: "draft" | "finished") => {
    const owner = circle.sessions.owner;
    let view: Assessment = await send(
      "POST",
      "/api/career-assessments",
      { frameworkId, roleKey },
      owner,
    );
    view = await send(
      "PUT",
      `/api/career-assessments/${view.id}/ratings`,
      {
        baseVersion: view.version,
        ratings: view.competencies.map((entry) => ({
          competencyKey: entry.competency.key,
          rating: Math.max(1, (entry.expected ?? 2) - 1),
          evidence: { text: evidence, links: [], goalIds: [] },
        })),
      },
      owner,
    );
    if (stage === "draft") return view;
    return send(
      "POST",
      `/api/career-assessments/${view.id}/finish`,
      { baseVersion: view.version },
      owner,
    );
  };

  beforeEach(async () => {
    logLines = [];
    t = await createTestApp(
      { LOG_LEVEL: "trace" },
      { logStream: { write: (line) => logLines.push(line) } },
    );
    circle = await createReportingCircle(t.ctx);
    ({ frameworkId } = await createPublishedFramework(t.ctx));
    await send(
      "PUT",
      `/api/people/${circle.ids.owner}/career/current-role`,
      { role: { frameworkId, roleKey: "analyst" } },
      circle.sessions.admin,
    );
    assessments.draft = await assess("analyst", marker.draft, "draft");
    assessments.unshared = await assess("analyst", marker.unshared, "finished");
    assessments.shared = await assess("senior-analyst", marker.shared, "finished");
    await send(
      "POST",
      `/api/career-assessments/${assessments.shared.id}/share`,
      { sharedWithManager: true },
      circle.sessions.owner,
    );

    const third = await createPersonWithoutPassword(t.ctx, { name: "Third Peer" });
    const decliner = await createPersonWithoutPassword(t.ctx, { name: "Declining Dee" });
    declinerSession = await createSession(t.ctx, decliner.id);
    const peerIds = [circle.ids.peer, circle.ids.mentor, third.id];
    const requests = await askForFeedback(t.ctx, circle.ids.owner, assessments.shared.id, {
      includeManager: true,
      peerIds,
    });
    peers.length = 0;
    for (const [index, id] of peerIds.entries()) {
      const peer = {
        id,
        session: await createSession(t.ctx, id),
        requestId: requests.get(id) ?? "",
      };
      peers.push(peer);
      await send(
        "PUT",
        `/api/career-feedback-requests/${peer.requestId}`,
        {
          ratings: assessments.shared.competencies.map((entry, at) => ({
            competencyKey: entry.competency.key,
            rating: 1 + ((index + at) % 3),
            comment: at === 0 ? marker.peer(index) : "",
          })),
        },
        peer.session,
      );
    }
    const asked = await send(
      "POST",
      `/api/career-assessments/${assessments.unshared.id}/feedback-requests`,
      { includeManager: false, peerIds: [decliner.id], message: marker.declinedMessage },
      circle.sessions.owner,
    );
    await send(
      "POST",
      `/api/career-feedback-requests/${asked.requests[0].id}/decline`,
      {},
      declinerSession,
    );

    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My plan" },
      { session: circle.sessions.owner },
    );
    plan = created.json();
    await send(
      "POST",
      `/api/career-assessments/${assessments.shared.id}/goals`,
      { competencyKeys: assessments.shared.competencies.map((entry) => entry.competency.key) },
      circle.sessions.owner,
    );
  });
  afterEach(async () => t.close());

  const bodies = async (session: Session, urls: readonly string[]) => {
    const found: string[] = [];
    for (const url of urls) found.push((await getJson(t.app, url, { session })).body);
    return found.join("\n");
  };
  /** Every file of a personal data export, decompressed. */
  const archiveText = async (session: Session, url = "/api/account/data-export") => {
    const response = await getJson(t.app, url, { session });
    expect(response.statusCode, response.body).toBe(200);
    return Object.values(unzipSync(new Uint8Array(response.rawPayload)))
      .map((bytes) => new TextDecoder().decode(bytes))
      .join("\n");
  };
  const assessmentUrls = (id: string) => [
    `/api/career-assessments/${id}`,
    `/api/career-assessments/${id}/gaps`,
    `/api/career-assessments/${id}/export?format=csv`,
    `/api/career-assessments/${id}/export?format=md`,
  ];
  const everyAssessmentUrl = () =>
    Object.values(assessments).flatMap((assessment) => assessmentUrls(assessment.id));
  /** `searches`: the people search for each marker (its URL, with the marker, is logged). */
  const commonUrls = (searches = true) => [
    "/api/career-assessments",
    "/api/career-feedback-requests",
    "/api/team/career",
    `/api/people/${circle.ids.owner}`,
    `/api/people/${circle.ids.owner}/career`,
    `/api/people/${circle.ids.owner}/team`,
    `/api/people/${circle.ids.manager}/team`,
    "/api/people?limit=100",
    ...(searches
      ? Object.values(marker)
          .filter((value): value is string => typeof value === "string")
          .concat(peerMarkers)
          .map((value) => `/api/people?q=${encodeURIComponent(value)}`)
      : []),
    "/api/growth-plans/shared-with-me",
    `/api/growth-plans/${plan.plan.id}`,
    `/api/growth-plans/${plan.plan.id}/export.md`,
    `/api/growth-plans/${plan.plan.id}/export.json`,
    `/api/growth-plans/${plan.plan.id}/export.csv`,
    "/api/notifications?limit=100",
  ];

  it("the manager reads the shared assessment's self ratings, never a draft, an unshared one or a peer's comment", async () => {
    const manager = circle.sessions.manager;
    expect(
      (
        await getJson(t.app, assessmentUrls(assessments.shared.id)[0] ?? "", {
          session: manager,
        })
      ).body,
    ).toContain(marker.shared);
    for (const id of [assessments.draft.id, assessments.unshared.id]) {
      for (const url of assessmentUrls(id)) {
        expect((await getJson(t.app, url, { session: manager })).statusCode, url).toBe(404);
      }
    }
    const seen = await bodies(manager, [...everyAssessmentUrl(), ...commonUrls()]);
    for (const hidden of [marker.draft, marker.unshared, ...peerMarkers]) {
      expect(seen).not.toContain(hidden);
    }
    expect(seen).not.toContain(assessments.draft.id);
    expect(seen).not.toContain(assessments.unshared.id);

    await send(
      "POST",
      `/api/career-assessments/${assessments.shared.id}/share`,
      { sharedWithManager: false },
      circle.sessions.owner,
    );
    const withdrawn = await bodies(manager, [...everyAssessmentUrl(), ...commonUrls()]);
    expect(withdrawn).not.toContain(marker.shared);
    expect(withdrawn).not.toContain(assessments.shared.id);
  });

  it("the goals made from gaps carry no rating, evidence or comment into the shared plan", async () => {
    const manager = circle.sessions.manager;
    const seen = await bodies(manager, commonUrls());
    expect(seen).toContain(plan.plan.id);
    for (const entry of assessments.shared.competencies) {
      expect(seen).toContain(entry.competency.name);
    }
    for (const hidden of [marker.draft, marker.unshared, marker.shared, ...peerMarkers]) {
      expect(seen).not.toContain(hidden);
    }
  });

  it("admins, skip-level managers, peers and the decliner see none of it, nor in the audit log or adoption figures", async () => {
    const everything = [marker.draft, marker.unshared, marker.shared, ...peerMarkers];
    const viewers: [string, Session][] = [
      ["admin", circle.sessions.admin],
      ["skip", circle.sessions.skip],
      ["peer", circle.sessions.peer],
      ["mentor", circle.sessions.mentor],
      ["decliner", declinerSession],
    ];
    for (const [who, session] of viewers) {
      for (const url of everyAssessmentUrl()) {
        expect((await getJson(t.app, url, { session })).statusCode, `${who} ${url}`).toBe(404);
      }
      const seen = await bodies(session, commonUrls());
      for (const hidden of everything) expect(seen, who).not.toContain(hidden);
    }
    const admin = await bodies(circle.sessions.admin, [
      "/api/audit-events?limit=100",
      "/api/people/export.csv",
      "/api/growth-plans/adoption",
    ]);
    expect(admin).toContain("career_position.current_role_set");
    for (const hidden of everything) expect(admin).not.toContain(hidden);
    expect(admin).not.toContain(marker.declinedMessage);
  });

  it("each peer reads back only their own comment; the owner sees no one's", async () => {
    for (const [index, peer] of peers.entries()) {
      const seen = await bodies(peer.session, [
        ...peers.map((other) => `/api/career-feedback-requests/${other.requestId}`),
        "/api/career-feedback-requests",
      ]);
      expect(seen).toContain(marker.peer(index));
      for (const other of peerMarkers.filter((_, at) => at !== index)) {
        expect(seen).not.toContain(other);
      }
    }
    const owner = await bodies(circle.sessions.owner, [...everyAssessmentUrl(), ...commonUrls()]);
    expect(owner).toContain(marker.draft);
    for (const hidden of peerMarkers) expect(owner).not.toContain(hidden);
    // The same in the personal data exports: each peer's holds their own answer only, the
    // owner's (their own, or an administrator's for them) no peer's comment.
    for (const [index, peer] of peers.entries()) {
      const exported = await archiveText(peer.session);
      expect(exported).toContain(marker.peer(index));
      for (const other of peerMarkers.filter((_, at) => at !== index)) {
        expect(exported).not.toContain(other);
      }
    }
    for (const exported of [
      await archiveText(circle.sessions.owner),
      await archiveText(circle.sessions.admin, `/api/admin/people/${circle.ids.owner}/data-export`),
    ]) {
      expect(exported).toContain(marker.draft);
      expect(exported).toContain(marker.shared);
      for (const hidden of peerMarkers) expect(exported).not.toContain(hidden);
    }
  });

  it("no calendar feed or calendar download carries evidence, a comment or a request message", async () => {
    const allTitles = { checkIns: true, goals: true, actionSteps: true, feedbackRequests: true };
    const everything = [
      marker.draft,
      marker.unshared,
      marker.shared,
      marker.declinedMessage,
      ...peerMarkers,
    ];
    const people: [string, Session][] = [
      [circle.ids.owner, circle.sessions.owner],
      [circle.ids.manager, circle.sessions.manager],
      ...peers.map((peer): [string, Session] => [peer.id, peer.session]),
    ];
    for (const [personId, session] of people) {
      const { path } = await turnOnFeed(t.ctx, personId, { includeTitles: allTitles });
      const feed = await getJson(t.app, path);
      const download = await getJson(t.app, "/api/account/calendar-feed/download.ics", {
        session,
      });
      expect(feed.statusCode).toBe(200);
      expect(download.body).toContain("BEGIN:VCALENDAR");
      for (const hidden of everything) {
        expect(feed.body).not.toContain(hidden);
        expect(download.body).not.toContain(hidden);
      }
    }
  });

  it("puts no evidence, rating or comment in any notification or email, whoever it is for", async () => {
    const notifications = await t.ctx.db.selectFrom("notifications").selectAll().execute();
    expect(notifications.map((row) => row.kind)).toContain("feedback_answered");
    const outbox = await t.ctx.db.selectFrom("outbox_messages").selectAll().execute();
    const stored = JSON.stringify({ notifications, outbox });
    for (const hidden of [marker.draft, marker.unshared, marker.shared, ...peerMarkers]) {
      expect(stored).not.toContain(hidden);
    }
    expect(stored).not.toContain('"rating"');
    // A peer's answer names no peer and points at no request of theirs.
    const toOwner = notifications.filter((row) => row.person_id === circle.ids.owner);
    for (const peer of peers) {
      expect(JSON.stringify(toOwner)).not.toContain(peer.id);
      expect(JSON.stringify(toOwner)).not.toContain(peer.requestId);
    }
  });

  it("writes no evidence, rating, comment or request message to the server log", async () => {
    for (const session of [circle.sessions.manager, circle.sessions.owner, circle.sessions.admin]) {
      await bodies(session, [...everyAssessmentUrl(), ...commonUrls(false)]);
    }
    expect(logLines.length).toBeGreaterThan(10);
    const log = logLines.join("\n");
    for (const hidden of [
      marker.draft,
      marker.unshared,
      marker.shared,
      marker.declinedMessage,
      ...peerMarkers,
    ]) {
      expect(log).not.toContain(hidden);
    }
    expect(log).not.toContain('"rating"');
    expect(log).not.toContain('"evidence"');
  });
});
