import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import type { Actor } from "#server/context.ts";
import { listTableNames } from "#server/db/introspection.ts";
import {
  createTestBenefitRequest,
  setTestBenefitSettings,
} from "#server/modules/benefits/benefits.testing.ts";
import {
  answerAs,
  askForFeedback,
  createTestAssessment,
} from "#server/modules/career-paths/career-assessments.testing.ts";
import { createPublishedFramework } from "#server/modules/career-paths/career-paths.testing.ts";
import {
  createTestActionItem,
  createTestConversation,
  insertTestPrivateNote,
  insertTestSharedNote,
} from "#server/modules/conversations/conversations.testing.ts";
import { addPlanComment } from "#server/modules/growth-plans/growth-plan-comments.service.ts";
import { logEnergyEntry } from "#server/modules/growth-plans/growth-plan-energy.service.ts";
import { createGoal } from "#server/modules/growth-plans/growth-plan-goals.service.ts";
import { appendToSection } from "#server/modules/growth-plans/growth-plan-sections.service.ts";
import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import { createTestResource } from "#server/modules/learning/learning.testing.ts";
import { setBookmark } from "#server/modules/learning/learning-bookmarks.service.ts";
import {
  changePerson,
  createApiToken,
  createPerson,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { exportSections, isSearchIndexTable, tableDecisions } from "./personal-data.sections.ts";
import { exportOwnData } from "./personal-data.service.ts";

// Every piece of the person's own content carries a marker that must be in the archive; every
// piece of someone else's private content carries one that must not be, anywhere in its bytes.
const mine = {
  goal: "MINE-GOAL-SKILL-4821",
  reflection: "MINE-REFLECTION-7310",
  journal: "MINE-JOURNAL-NOTE-2294",
  comment: "MINE-PLAN-COMMENT-6107",
  sharedNote: "MINE-SHARED-NOTE-5532",
  privateNote: "MINE-PRIVATE-NOTE-9044",
  actionItem: "MINE-ACTION-ITEM-3378",
  feedbackGiven: "MINE-FEEDBACK-GIVEN-1186",
  benefit: "MINE-BENEFIT-TITLE-8825",
  bookmark: "MINE-BOOKMARKED-RESOURCE-4410",
  token: "MINE-TOKEN-NAME-0637",
};
const theirs = {
  managerPrivate: "THEIRS-MANAGER-PRIVATE-NOTE-7719",
  peerComment: "THEIRS-PEER-RATING-COMMENT-5250",
  otherPrivate: "THEIRS-OTHER-PRIVATE-NOTE-3361",
  otherGoal: "THEIRS-OTHER-GOAL-SKILL-8002",
};

const actorOf = (personId: string, role: Actor["role"] = "member"): Actor => ({
  personId,
  role,
  sessionId: "test",
});
const meta = { requestId: "test", address: "127.0.0.1", userAgent: null };

type Archive = { files: Record<string, string>; bytes: Buffer; everything: string };

function readArchive(body: Buffer): Archive {
  const entries = unzipSync(new Uint8Array(body));
  const files = Object.fromEntries(
    Object.entries(entries).map(([path, bytes]) => [path, new TextDecoder().decode(bytes)]),
  );
  return { files, bytes: body, everything: Object.values(files).join("\n") };
}

describe("personal data export", () => {
  let t: TestApp;
  let ids: Record<"person" | "manager" | "peer" | "other" | "admin", string>;
  let sessions: Record<"person" | "admin" | "other", Session>;
  let sessionToken: string;
  let apiToken: string;

  beforeEach(async () => {
    t = await createTestApp();
    await setTestBenefitSettings(t.ctx, { amountMinor: 100_000 });
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Admin Ada" });
    const manager = await createPersonWithoutPassword(t.ctx, { name: "Mona Manager" });
    const person = await createPerson(t.ctx, { name: "Pía Person", managerId: manager.id });
    const peer = await createPersonWithoutPassword(t.ctx, {
      name: "Peer Pat",
      managerId: manager.id,
    });
    const other = await createPersonWithoutPassword(t.ctx, {
      name: "Otto Other",
      managerId: manager.id,
    });
    ids = {
      person: person.id,
      manager: manager.id,
      peer: peer.id,
      other: other.id,
      admin: admin.id,
    };
    sessions = {
      person: await createSession(t.ctx, person.id),
      admin: await createSession(t.ctx, admin.id),
      other: await createSession(t.ctx, other.id),
    };
    sessionToken = sessions.person.cookie.split("=").slice(1).join("=");
    apiToken = (await createApiToken(t.ctx, "personal", { personId: person.id, name: mine.token }))
      .token;

    // A growth plan with a goal, a reflection, a journal entry and a comment of the person's.
    const me = actorOf(person.id);
    const plan = await createPlan(t.ctx, me, {
      title: "My plan",
      templateId: "ic-growing-in-role",
      activate: true,
    });
    await createGoal(t.ctx, me, plan.plan.id, { content: { ...emptyGoal(), skill: mine.goal } });
    await appendToSection(t.ctx, me, plan.plan.id, "tracking", (content) => ({
      ...content,
      reflections: [...content.reflections, { id: "r1", on: "2026-11-01", body: mine.reflection }],
    }));
    await logEnergyEntry(t.ctx, me, plan.plan.id, {
      level: 4,
      activity: "Pairing",
      tags: ["people"],
      note: mine.journal,
    });
    await addPlanComment(t.ctx, me, plan.plan.id, { section: "goals", body: mine.comment });

    // Someone else's plan, not shared with the person.
    const otherPlan = await createPlan(t.ctx, actorOf(other.id), {
      title: "Other plan",
      templateId: "ic-growing-in-role",
      activate: true,
    });
    await createGoal(t.ctx, actorOf(other.id), otherPlan.plan.id, {
      content: { ...emptyGoal(), skill: theirs.otherGoal },
    });

    // A conversation with the manager: shared notes, the manager's and the person's private notes.
    const conversation = await createTestConversation(t.ctx, {
      memberId: person.id,
      managerId: manager.id,
      status: "held",
    });
    await insertTestSharedNote(t.ctx, conversation.id, "aspirations", mine.sharedNote, person.id);
    await insertTestPrivateNote(t.ctx, conversation.id, manager.id, theirs.managerPrivate);
    await insertTestPrivateNote(t.ctx, conversation.id, person.id, mine.privateNote);
    await createTestActionItem(t.ctx, conversation, { title: mine.actionItem });
    const otherConversation = await createTestConversation(t.ctx, {
      memberId: other.id,
      managerId: manager.id,
    });
    await insertTestPrivateNote(t.ctx, otherConversation.id, other.id, theirs.otherPrivate);

    // A finished assessment; a peer rates it with a comment. The person rates the other's.
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const assessment = await createTestAssessment(t.ctx, person.id, {
      frameworkId,
      roleKey: "analyst",
      ratings: { forecasting: 1, tooling: 2, coaching: 1 },
      finish: true,
    });
    const asked = await askForFeedback(t.ctx, person.id, assessment.id, { peerIds: [peer.id] });
    await answerAs(t.ctx, peer.id, asked.get(peer.id) ?? "", {
      forecasting: { rating: 4, comment: theirs.peerComment },
      tooling: { rating: 4 },
      coaching: { rating: 4 },
    });
    const othersAssessment = await createTestAssessment(t.ctx, other.id, {
      frameworkId,
      roleKey: "analyst",
      finish: true,
    });
    const askedMe = await askForFeedback(t.ctx, other.id, othersAssessment.id, {
      peerIds: [person.id],
    });
    await answerAs(t.ctx, person.id, askedMe.get(person.id) ?? "", {
      forecasting: { rating: 3, comment: mine.feedbackGiven },
    });

    // A benefit request and a bookmark.
    await createTestBenefitRequest(t.ctx, {
      memberId: person.id,
      managerId: manager.id,
      request: { title: mine.benefit },
    });
    const resource = await createTestResource(t.ctx, admin.id, { title: mine.bookmark });
    await setBookmark(t.ctx, me, resource.id, true);
  });
  afterEach(async () => t.close());

  async function download(url: string, session: Session) {
    const response = await getJson(t.app, url, { session });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  }

  async function secretsOfPerson() {
    const person = await t.ctx.db
      .selectFrom("people")
      .select("password_hash")
      .where("id", "=", ids.person)
      .executeTakeFirstOrThrow();
    const sessionRows = await t.ctx.db
      .selectFrom("sessions")
      .select("token_hash")
      .where("person_id", "=", ids.person)
      .execute();
    const tokenRows = await t.ctx.db
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("person_id", "=", ids.person)
      .execute();
    const secrets = [
      person.password_hash ?? "",
      sessionToken,
      apiToken,
      ...sessionRows.map((row) => row.token_hash),
      ...tokenRows.map((row) => row.token_hash),
    ];
    expect(secrets.every((secret) => secret.length >= 20)).toBe(true);
    return secrets;
  }

  function expectOnlyTheirOwn(archive: Archive, secrets: string[]) {
    for (const marker of Object.values(mine)) expect(archive.everything).toContain(marker);
    const raw = archive.bytes.toString("latin1");
    for (const forbidden of [...Object.values(theirs), ...secrets]) {
      expect(archive.everything).not.toContain(forbidden);
      expect(raw).not.toContain(forbidden);
    }
  }

  it("holds every section of the person's own data, as JSON and readable files", async () => {
    const response = await download("/api/account/data-export", sessions.person);
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["cache-control"]).toBe("no-store");
    const today = t.ctx.clock.now().toISOString().slice(0, 10);
    expect(response.headers["content-disposition"]).toContain(
      `filename=trellis-data-pia-person-${today}.zip`,
    );
    const archive = readArchive(response.rawPayload);
    const paths = Object.keys(archive.files).sort();
    for (const path of [
      "README.md",
      "bookmarks.csv",
      "data.json",
      "journal.md",
      "pathway-progress.csv",
      "requests.csv",
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths.filter((path) => path.startsWith("plans/") && path.endsWith(".md"))).toHaveLength(
      1,
    );
    expect(paths.filter((path) => path.startsWith("conversations/"))).toHaveLength(1);
    const assessmentFiles = paths.filter((path) => path.startsWith("assessments/"));
    expect(assessmentFiles.map((path) => path.slice(path.lastIndexOf(".")))).toEqual([
      ".csv",
      ".md",
    ]);

    const data = JSON.parse(archive.files["data.json"] ?? "{}");
    expect(Object.keys(data.sections).sort()).toEqual(Object.keys(exportSections).sort());
    const { sections } = data;
    expect(sections.profile.person.id).toBe(ids.person);
    expect(sections.profile.person).not.toHaveProperty("password_hash");
    expect(sections.profile.person.hasPassword).toBe(true);
    expect(sections.profile.person.managerName).toBe("Mona Manager");
    expect(sections.profile.sessions.length).toBeGreaterThan(0);
    expect(sections.profile.sessions[0]).not.toHaveProperty("token_hash");
    expect(sections.growthPlans.plans).toHaveLength(1);
    expect(sections.growthPlans.plans[0].journal[0].note).toBe(mine.journal);
    expect(sections.growthPlans.commentsYouWrote[0].body).toBe(mine.comment);
    expect(sections.conversations).toHaveLength(1);
    expect(sections.conversations[0].privateNote).toBe(mine.privateNote);
    expect(sections.career.assessments).toHaveLength(1);
    expect(sections.career.feedbackYouGave[0].yourAnswers[0].comment).toBe(mine.feedbackGiven);
    // One peer answered: below the minimum, so no peer value at all, as the product shows it.
    const gaps = sections.career.assessments[0].gapAnalysis;
    expect(gaps.peers.answered).toBe(1);
    expect(gaps.rows.every((row: { peers: unknown }) => row.peers === null)).toBe(true);
    expect(JSON.stringify(sections.career.assessments)).not.toContain('"comment"');
    // The peer rated 4 everywhere; the person rated 1 and 2: no 4 may reach the person.
    expect(JSON.stringify(sections.career.assessments)).not.toMatch(/"(rating|peers)":4\b/);
    expect(sections.benefits.requests[0].title).toBe(mine.benefit);
    expect(sections.learning.bookmarks[0].title).toBe(mine.bookmark);
    expect(sections.identity.apiTokens[0].name).toBe(mine.token);
    expect(sections.identity.apiTokens[0]).not.toHaveProperty("token_hash");
    expect(sections.notifications).toHaveProperty("notifications");
    expect(sections.calendar).toHaveProperty("feed");

    expect(archive.files["journal.md"]).toContain(mine.journal);
    const plan = Object.entries(archive.files).find(([path]) => path.startsWith("plans/"));
    expect(plan?.[1]).toContain(mine.goal);
    expect(plan?.[1]).toContain(mine.reflection);
    const conversation = Object.entries(archive.files).find(([p]) =>
      p.startsWith("conversations/"),
    );
    expect(conversation?.[1]).toContain(mine.sharedNote);
    expect(conversation?.[1]).toContain(mine.privateNote);
    expect(archive.files["bookmarks.csv"]).toContain(mine.bookmark);
    expect(archive.files["requests.csv"]).toContain(mine.benefit);
    expect(archive.files["README.md"]).toContain("data.json");

    expectOnlyTheirOwn(archive, await secretsOfPerson());
  });

  it("lets an administrator export a person's data, deactivated or not, with an audit row", async () => {
    await changePerson(t.ctx, ids.person, { status: "deactivated" });
    const response = await download(`/api/admin/people/${ids.person}/data-export`, sessions.admin);
    const archive = readArchive(response.rawPayload);
    expect(JSON.parse(archive.files["data.json"] ?? "{}").exportedBy).toBe("admin");
    expectOnlyTheirOwn(archive, await secretsOfPerson());
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "people.data_exported")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: ids.admin,
      target_type: "person",
      target_id: ids.person,
    });
    expect(JSON.parse(audit[0]?.details ?? "{}")).toMatchObject({ by: "admin" });
  });

  it("answers 404 to anyone else, as for nobody, and a person exports only their own", async () => {
    const asOther = await getJson(t.app, `/api/admin/people/${ids.person}/data-export`, {
      session: sessions.other,
    });
    const nobody = await getJson(
      t.app,
      "/api/admin/people/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/data-export",
      { session: sessions.admin },
    );
    expect(asOther.statusCode).toBe(404);
    expect(nobody.statusCode).toBe(404);
    expect(asOther.json().error.message).toBe(nobody.json().error.message);
    const otherExport = readArchive(
      (await download("/api/account/data-export", sessions.other)).rawPayload,
    );
    expect(otherExport.everything).toContain(theirs.otherPrivate);
    expect(otherExport.everything).not.toContain(mine.privateNote);
    expect(otherExport.everything).not.toContain(theirs.managerPrivate);
    const badId = await getJson(t.app, "/api/admin/people/not-an-id/data-export", {
      session: sessions.admin,
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.body).toContain("personId");
  });

  it("refuses an archive past its size bound", async () => {
    await expect(
      exportOwnData(t.ctx, actorOf(ids.person), meta, { maxBytes: 2_000 }),
    ).rejects.toMatchObject({
      code: "payload_too_large",
    });
    const within = await exportOwnData(t.ctx, actorOf(ids.person), meta, { maxBytes: 10_000_000 });
    expect(within.contentType).toBe("application/zip");
  });

  it("decides for every table of the schema", async () => {
    const tables = (await listTableNames(t.ctx.db)).filter((table) => !isSearchIndexTable(table));
    expect(tables.filter((table) => !(table in tableDecisions))).toEqual([]);
    expect(Object.keys(tableDecisions).filter((table) => !tables.includes(table))).toEqual([]);
  });
});
