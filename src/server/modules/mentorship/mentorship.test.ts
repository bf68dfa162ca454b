import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  MatchView,
  ProgramList,
  ProgramView,
  SuggestionList,
} from "#core/mentorship/mentorship.schemas.ts";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { createTestAssessment } from "#server/modules/career-paths/career-assessments.testing.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
} from "#server/modules/career-paths/career-paths.testing.ts";
import {
  completeSetup,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  applicationBody,
  applyAsTestMentee,
  confirmTestMatch,
  createTestProgram,
  mentorBody,
  programBody,
  registerTestMentor,
} from "./mentorship.testing.ts";

// The test clock starts at 2026-03-02 (winter time): someone hired on 2024-05-02 is in Year 2
// Q4, so the shipped pathway's Year 1 Q4 "apply as a mentee" and Year 2 Q3 "sign up to be a
// mentor" items are both in past stages and still open.
const hiredLongAgo = "2024-05-02";

describe("mentorship programs, registrations, suggestions and matches", () => {
  let t: TestApp;
  let adminId: string;
  let ownerId: string;
  let menteeId: string;
  let mentorId: string;
  let otherMentorId: string;
  let sessions: Record<"admin" | "owner" | "mentee" | "mentor" | "otherMentor" | "peer", Session>;
  let program: ProgramView;

  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t);
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const owner = await createPersonWithoutPassword(t.ctx, { name: "Owen Owner" });
    const mentee = await createPersonWithoutPassword(t.ctx, {
      name: "Mia Mentee",
      hireDate: hiredLongAgo,
      timeZone: "Europe/London",
      division: "Engineering",
    });
    const mentor = await createPersonWithoutPassword(t.ctx, {
      name: "Max Mentor",
      hireDate: hiredLongAgo,
      division: "Sales",
    });
    const otherMentor = await createPersonWithoutPassword(t.ctx, { name: "Ola Other" });
    const peer = await createPersonWithoutPassword(t.ctx, { name: "Pia Peer" });
    adminId = admin.id;
    ownerId = owner.id;
    menteeId = mentee.id;
    mentorId = mentor.id;
    otherMentorId = otherMentor.id;
    sessions = {
      admin: await createSession(t.ctx, admin.id),
      owner: await createSession(t.ctx, owner.id),
      mentee: await createSession(t.ctx, mentee.id),
      mentor: await createSession(t.ctx, mentor.id),
      otherMentor: await createSession(t.ctx, otherMentor.id),
      peer: await createSession(t.ctx, peer.id),
    };
    program = await createTestProgram(t.ctx, adminId, [ownerId]);
  });
  afterEach(async () => t.close());

  const mentorshipItems = async (session: Session) => {
    const view = (await getJson(t.app, "/api/pathway/me", { session })).json() as PathwayView;
    return view.stages
      .flatMap((stage) => stage.items)
      .filter((item) => item.kind === "mentorship")
      .map((item) => ({ text: item.description, progress: item.progress }));
  };

  it("lets an admin create a program with owners, its owner edit it, and refuses stale edits", async () => {
    const created = await postJson(
      t.app,
      "/api/mentorship/programs",
      programBody([ownerId], { name: "Women in Engineering mentorship" }),
      { session: sessions.admin },
    );
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json() as ProgramView;
    expect(view.owners.map((owner) => owner.id)).toEqual([ownerId]);
    expect(view.cohorts).toHaveLength(1);

    const url = `/api/mentorship/programs/${view.id}`;
    const edit = (baseVersion: number, overrides = {}) => ({
      baseVersion,
      program: programBody([ownerId], { name: "Renamed", ...overrides }),
    });
    const saved = await sendJson(t.app, "PUT", url, edit(view.version), {
      session: sessions.owner,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().name).toBe("Renamed");

    const stale = await sendJson(t.app, "PUT", url, edit(view.version, { name: "Lost" }), {
      session: sessions.owner,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.name).toBe("Renamed");

    const ownersChanged = await sendJson(
      t.app,
      "PUT",
      url,
      { baseVersion: view.version + 1, program: programBody([ownerId, menteeId]) },
      { session: sessions.owner },
    );
    expect(ownersChanged.statusCode).toBe(403);
    const byMember = await sendJson(t.app, "PUT", url, edit(view.version + 1), {
      session: sessions.peer,
    });
    expect(byMember.statusCode).toBe(403);
  });

  it("shows a group's program only to its members, its owners and admins", async () => {
    const group = await createTestProgram(t.ctx, adminId, [ownerId], {
      name: "Women at Trellis",
      audience: "members",
      groupName: "Women at Trellis TMRG",
      memberIds: [menteeId],
    });
    const listed = async (session: Session) =>
      ((await getJson(t.app, "/api/mentorship/programs", { session })).json() as ProgramList).items
        .map((item) => item.name)
        .sort();
    expect(await listed(sessions.mentee)).toEqual(["Company-wide mentorship", "Women at Trellis"]);
    expect(await listed(sessions.owner)).toEqual(["Company-wide mentorship", "Women at Trellis"]);
    expect(await listed(sessions.peer)).toEqual(["Company-wide mentorship"]);
    const url = `/api/mentorship/programs/${group.id}`;
    expect((await getJson(t.app, url, { session: sessions.peer })).statusCode).toBe(404);
    expect((await getJson(t.app, url, { session: sessions.admin })).statusCode).toBe(200);
    const apply = await sendJson(t.app, "PUT", `${url}/application`, applicationBody(group), {
      session: sessions.peer,
    });
    expect(apply.statusCode).toBe(404);
  });

  it("completes the pathway's mentee and mentor items when applying and registering", async () => {
    const before = await mentorshipItems(sessions.mentee);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.every((item) => item.progress === null)).toBe(true);

    const applied = await sendJson(
      t.app,
      "PUT",
      `/api/mentorship/programs/${program.id}/application`,
      applicationBody(program),
      { session: sessions.mentee },
    );
    expect(applied.statusCode, applied.body).toBe(200);
    const menteeItems = await mentorshipItems(sessions.mentee);
    expect(menteeItems.filter((item) => item.progress !== null)).toEqual([
      {
        text: expect.stringMatching(/^Apply as a mentee/),
        progress: expect.objectContaining({ status: "done", source: "mentorship" }),
      },
    ]);

    const registered = await sendJson(
      t.app,
      "PUT",
      `/api/mentorship/programs/${program.id}/mentor`,
      mentorBody(),
      { session: sessions.mentor },
    );
    expect(registered.statusCode, registered.body).toBe(200);
    const mentorItems = await mentorshipItems(sessions.mentor);
    expect(mentorItems.filter((item) => item.progress !== null)).toEqual([
      {
        text: expect.stringMatching(/^Sign up to be a mentor/),
        progress: expect.objectContaining({ status: "done", source: "mentorship" }),
      },
    ]);

    // Editing the registration is not signing up again.
    const edited = await sendJson(
      t.app,
      "PUT",
      `/api/mentorship/programs/${program.id}/mentor`,
      mentorBody({ baseVersion: registered.json().version, capacity: 3 }),
      { session: sessions.mentor },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().capacity).toBe(3);
    const staleEdit = await sendJson(
      t.app,
      "PUT",
      `/api/mentorship/programs/${program.id}/mentor`,
      mentorBody({ baseVersion: registered.json().version }),
      { session: sessions.mentor },
    );
    expect(staleEdit.statusCode).toBe(409);
    expect(staleEdit.json().current.capacity).toBe(3);
  });

  it("explains each part of a suggested match, gaps by competency name only", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await giveCurrentRole(t.ctx, menteeId, frameworkId, "analyst");
    // senior-analyst expects forecasting 3, tooling 3, coaching 2: gaps in Tooling and Coaching.
    await createTestAssessment(t.ctx, menteeId, {
      frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 4, tooling: 2, coaching: 1 },
      finish: true,
    });
    await applyAsTestMentee(t.ctx, menteeId, program, { skillsWanted: ["Negotiation", "SQL"] });
    await registerTestMentor(t.ctx, mentorId, program.id, {
      skills: ["Negotiation", "Coaching"],
      timeZone: "Europe/Paris",
      division: "Sales",
      capacity: 2,
    });
    await registerTestMentor(t.ctx, otherMentorId, program.id, {
      skills: ["Design"],
      timeZone: "Asia/Tokyo",
      division: "Engineering",
      capacity: 1,
    });

    const response = await getJson(t.app, `/api/mentorship/programs/${program.id}/suggestions`, {
      session: sessions.owner,
    });
    expect(response.statusCode, response.body).toBe(200);
    const [entry] = (response.json() as SuggestionList).items;
    expect(entry?.application.person.id).toBe(menteeId);
    expect(entry?.suggestions.map((suggestion) => suggestion.mentor.person.id)).toEqual([
      mentorId,
      otherMentorId,
    ]);
    expect(entry?.suggestions[0]?.parts).toEqual([
      { key: "skills", points: 15, max: 45, reason: "Offers 1 skill wanted: Negotiation" },
      { key: "gaps", points: 10, max: 20, reason: "Matches a gap in Coaching" },
      { key: "timeZone", points: 14, max: 16, reason: "7 working hours overlap (UTC+1 and UTC+0)" },
      {
        key: "division",
        points: 10,
        max: 10,
        reason: "Different division (Sales and Engineering)",
      },
      { key: "capacity", points: 10, max: 10, reason: "2 places left of 2" },
    ]);
    expect(entry?.suggestions[0]?.score).toBe(59);
    expect(entry?.suggestions[1]?.parts.map((part) => [part.key, part.points])).toEqual([
      ["skills", 0],
      ["gaps", 0],
      ["timeZone", 0],
      ["division", 0],
      ["capacity", 5],
    ]);
    // The explanation names the gap, never a rating or its size.
    expect(response.body).not.toMatch(/rating|"gap"|expected/i);

    for (const session of [sessions.mentee, sessions.mentor, sessions.peer]) {
      const refused = await getJson(t.app, `/api/mentorship/programs/${program.id}/suggestions`, {
        session,
      });
      expect(refused.statusCode).toBe(403);
    }
  });

  it("confirms a match, tells both, and lets both see each other and edit the agreed goals", async () => {
    const application = await applyAsTestMentee(t.ctx, menteeId, program);
    const mentor = await registerTestMentor(t.ctx, mentorId, program.id);
    const confirmed = await postJson(
      t.app,
      `/api/mentorship/programs/${program.id}/matches`,
      { applicationId: application.id, mentorId: mentor.id },
      { session: sessions.owner },
    );
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const matchId = (confirmed.json() as MatchView).id;

    const again = await postJson(
      t.app,
      `/api/mentorship/programs/${program.id}/matches`,
      { applicationId: application.id, mentorId: mentor.id },
      { session: sessions.owner },
    );
    expect(again.statusCode).toBe(409);

    const matchesOf = async (session: Session) =>
      (
        (await getJson(t.app, "/api/mentorship/matches", { session })).json() as {
          items: MatchView[];
        }
      ).items;
    const [asMentee] = await matchesOf(sessions.mentee);
    const [asMentor] = await matchesOf(sessions.mentor);
    expect(asMentee).toMatchObject({ viewerRole: "mentee", mentor: { id: mentorId } });
    expect(asMentee?.mentorProfile.skills).toEqual(["Negotiation", "Coaching"]);
    expect(asMentor).toMatchObject({ viewerRole: "mentor", mentee: { id: menteeId } });
    expect(await matchesOf(sessions.peer)).toEqual([]);

    for (const session of [sessions.mentee, sessions.mentor]) {
      const notifications = await getJson(t.app, "/api/notifications", { session });
      expect(
        notifications
          .json()
          .items.filter((item: { kind: string }) => item.kind === "mentorship_matched"),
      ).toHaveLength(1);
    }

    const goalsUrl = `/api/mentorship/matches/${matchId}/goals`;
    const saved = await sendJson(
      t.app,
      "PUT",
      goalsUrl,
      { baseVersion: 1, agreedGoals: "Meet every two weeks; lead one negotiation by June." },
      { session: sessions.mentee },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await sendJson(
      t.app,
      "PUT",
      goalsUrl,
      { baseVersion: 1, agreedGoals: "Overwrite" },
      { session: sessions.mentor },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.agreedGoals).toBe(
      "Meet every two weeks; lead one negotiation by June.",
    );
    const byOwner = await sendJson(
      t.app,
      "PUT",
      goalsUrl,
      { baseVersion: 2, agreedGoals: "x" },
      { session: sessions.owner },
    );
    expect(byOwner.statusCode).toBe(403);
    const byPeer = await sendJson(
      t.app,
      "PUT",
      goalsUrl,
      { baseVersion: 2, agreedGoals: "x" },
      { session: sessions.peer },
    );
    expect(byPeer.statusCode).toBe(404);
  });

  it("never gives a mentor more mentees than places, however many confirmations run at once", async () => {
    const mentor = await registerTestMentor(t.ctx, mentorId, program.id, { capacity: 2 });
    const applications = [];
    for (let index = 0; index < 8; index++) {
      const person = await createPersonWithoutPassword(t.ctx);
      applications.push(await applyAsTestMentee(t.ctx, person.id, program));
    }
    const answers = await Promise.all(
      applications.map((application) =>
        postJson(
          t.app,
          `/api/mentorship/programs/${program.id}/matches`,
          { applicationId: application.id, mentorId: mentor.id },
          { session: sessions.owner },
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409, 409, 409, 409]);
    const directory = await getJson(t.app, `/api/mentorship/programs/${program.id}/mentors`, {
      session: sessions.peer,
    });
    expect(directory.json().items[0]).toMatchObject({ capacity: 2, capacityLeft: 0 });
    const suggestions = (
      await getJson(t.app, `/api/mentorship/programs/${program.id}/suggestions`, {
        session: sessions.owner,
      })
    ).json() as SuggestionList;
    expect(suggestions.items.filter((item) => item.match !== null)).toHaveLength(2);
    // A full mentor is suggested to nobody.
    expect(suggestions.items.every((item) => item.suggestions.length === 0)).toBe(true);
  });

  it("opens the mentee's plan to the mentor only through the sharing the mentee does in one step", async () => {
    const plan = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My plan" },
      {
        session: sessions.mentee,
      },
    );
    expect(plan.statusCode, plan.body).toBe(201);
    const planUrl = `/api/growth-plans/${plan.json().plan.id}`;
    const application = await applyAsTestMentee(t.ctx, menteeId, program);
    const mentor = await registerTestMentor(t.ctx, mentorId, program.id);
    const match = await confirmTestMatch(t.ctx, adminId, program.id, application.id, mentor.id);

    // Matched, and still nothing of the plan.
    expect((await getJson(t.app, planUrl, { session: sessions.mentor })).statusCode).toBe(404);
    const byMentor = await postJson(
      t.app,
      `/api/mentorship/matches/${match.id}/share-plan`,
      { sections: ["goals"] },
      { session: sessions.mentor },
    );
    expect(byMentor.statusCode).toBe(403);

    const shared = await postJson(
      t.app,
      `/api/mentorship/matches/${match.id}/share-plan`,
      { sections: ["goals", "exploration"] },
      { session: sessions.mentee },
    );
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().sections).toEqual(["exploration", "goals"]);
    const read = await getJson(t.app, planUrl, { session: sessions.mentor });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().access.readableSections).toEqual(["exploration", "goals"]);
    // Someone else matched in the program sees nothing.
    expect((await getJson(t.app, planUrl, { session: sessions.otherMentor })).statusCode).toBe(404);
  });

  it("ends the match and frees the place when a matched mentee withdraws", async () => {
    const application = await applyAsTestMentee(t.ctx, menteeId, program);
    const mentor = await registerTestMentor(t.ctx, mentorId, program.id, { capacity: 1 });
    await confirmTestMatch(t.ctx, adminId, program.id, application.id, mentor.id);
    const mine = (
      await getJson(t.app, `/api/mentorship/programs/${program.id}`, { session: sessions.mentee })
    ).json() as ProgramView;
    const withdrawn = await postJson(
      t.app,
      `/api/mentorship/programs/${program.id}/application/withdraw`,
      { baseVersion: mine.myApplication?.version },
      { session: sessions.mentee },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe("withdrawn");
    const matches = await getJson(t.app, "/api/mentorship/matches", { session: sessions.mentor });
    expect(matches.json().items).toEqual([]);
    const directory = await getJson(t.app, `/api/mentorship/programs/${program.id}/mentors`, {
      session: sessions.peer,
    });
    expect(directory.json().items[0].capacityLeft).toBe(1);
  });

  it("refuses a closed program's new mentors and a cohort of another program", async () => {
    const closed = await createTestProgram(t.ctx, adminId, [ownerId], { open: false });
    const register = await sendJson(
      t.app,
      "PUT",
      `/api/mentorship/programs/${closed.id}/mentor`,
      mentorBody(),
      { session: sessions.mentor },
    );
    expect(register.statusCode).toBe(400);
    const wrongCohort = await sendJson(
      t.app,
      "PUT",
      `/api/mentorship/programs/${program.id}/application`,
      applicationBody(program, { cohortId: closed.cohorts[0]?.id ?? null }),
      { session: sessions.mentee },
    );
    expect(wrongCohort.statusCode).toBe(400);
    expect(wrongCohort.json().error.fields).toEqual({ cohortId: "Not a cohort of this program" });
  });
});
