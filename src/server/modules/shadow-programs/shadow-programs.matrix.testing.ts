import type { ApplicationStatus } from "#core/shadow-programs.schemas.ts";
import {
  adminOnly,
  type CaseContext,
  type Expected,
  matrixAdmin,
  matrixMeta,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { changePerson } from "#server/testing/factories.ts";
import { updateProgram } from "./shadow-programs.service.ts";
import {
  createTestApplication,
  createTestProgram,
  createTestRotation,
} from "./shadow-programs.testing.ts";

/**
 * The authorization matrix rows of the shadow program routes. `mentor` owns the program; the
 * subject is the applicant, who reports to `manager`. An application's readers are the
 * applicant, their current manager, the owners and administrators; a former manager, the
 * skip-level manager, peers and other members get 404.
 */

/** Owners and administrators may; other readers of the program get 403. */
const runners = (status: number): Expected => ({ ...signedIn(403), mentor: status, admin: status });

/** Those who read the application get `others`, except `allowed` who get `status`. */
const readers = (allowed: Partial<Expected>, others = 403): Expected => ({
  ...signedIn(404),
  self: others,
  manager: others,
  mentor: others,
  admin: others,
  ...allowed,
});

const today = ({ t }: CaseContext) => t.ctx.clock.now().toISOString().slice(0, 10);

async function program({ t, fixture }: CaseContext) {
  return createTestProgram(t.ctx, { ownerIds: [fixture.mentor.id] });
}

async function rotation(context: CaseContext, days?: { startsOn: string; endsOn: string }) {
  const created = await program(context);
  return createTestRotation(context.t.ctx, {
    programId: created.id,
    ownerId: context.fixture.mentor.id,
    ...days,
  });
}

async function application(context: CaseContext, status: ApplicationStatus, endsToday = false) {
  const days = endsToday ? { startsOn: today(context), endsOn: today(context) } : undefined;
  const created = await rotation(context, days);
  return createTestApplication(context.t.ctx, {
    rotationId: created.id,
    applicantId: context.subjectId,
    managerId: context.fixture.manager.id,
    ownerId: context.fixture.mentor.id,
    status,
  });
}

const applicationUrl = async (context: CaseContext, status: ApplicationStatus, suffix = "") =>
  `/api/shadow-applications/${(await application(context, status)).id}${suffix}`;

export const shadowProgramScenarios: Scenario[] = [
  {
    route: "GET /api/shadow-programs",
    description: "the programs",
    call: () => ({ url: "/api/shadow-programs" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/shadow-programs",
    description: "a new program",
    call: ({ fixture, serial }) => ({
      url: "/api/shadow-programs",
      body: { name: `Shadow ${serial}`, description: "", ownerIds: [fixture.mentor.id] },
    }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/shadow-programs/:id",
    description: "an open program",
    call: async (context) => ({ url: `/api/shadow-programs/${(await program(context)).id}` }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/shadow-programs/:id",
    description: "an archived program",
    call: async (context) => {
      const created = await program(context);
      await updateProgram(
        context.t.ctx,
        matrixAdmin(context),
        created.id,
        {
          baseVersion: created.version,
          name: created.name,
          description: created.description,
          ownerIds: created.owners.map((owner) => owner.id),
          archived: true,
        },
        matrixMeta,
      );
      return { url: `/api/shadow-programs/${created.id}` };
    },
    expect: { ...signedIn(404), mentor: 200, admin: 200 },
  },
  {
    route: "PUT /api/shadow-programs/:id",
    description: "an edit from the current version",
    call: async (context) => {
      const created = await program(context);
      return {
        url: `/api/shadow-programs/${created.id}`,
        body: {
          baseVersion: created.version,
          name: "Renamed",
          description: "",
          ownerIds: [context.fixture.mentor.id],
          archived: false,
        },
      };
    },
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/shadow-programs/:id",
    description: "an edit from an outdated version",
    call: async (context) => {
      const created = await program(context);
      return {
        url: `/api/shadow-programs/${created.id}`,
        body: {
          baseVersion: created.version + 1,
          name: "Renamed",
          description: "",
          ownerIds: [context.fixture.mentor.id],
          archived: false,
        },
      };
    },
    expect: adminOnly(409),
  },
  {
    route: "POST /api/shadow-programs/:id/rotations",
    description: "a new rotation",
    call: async (context) => ({
      url: `/api/shadow-programs/${(await program(context)).id}/rotations`,
      body: { startsOn: "2026-04-06", endsOn: "2026-04-10", seats: 2, hostId: null },
    }),
    expect: runners(201),
  },
  {
    route: "PUT /api/shadow-rotations/:id",
    description: "more seats",
    call: async (context) => {
      const created = await rotation(context);
      return {
        url: `/api/shadow-rotations/${created.id}`,
        body: {
          baseVersion: created.version,
          startsOn: created.startsOn,
          endsOn: created.endsOn,
          seats: 3,
          hostId: null,
        },
      };
    },
    expect: runners(200),
  },
  {
    route: "GET /api/shadow-rotations/:id/applications",
    description: "with the subject's application",
    call: async (context) => {
      const created = await rotation(context);
      await createTestApplication(context.t.ctx, {
        rotationId: created.id,
        applicantId: context.subjectId,
        managerId: context.fixture.manager.id,
        ownerId: context.fixture.mentor.id,
      });
      return { url: `/api/shadow-rotations/${created.id}/applications` };
    },
    expect: runners(200),
  },
  {
    route: "POST /api/shadow-rotations/:id/applications",
    description: "apply",
    call: async (context) => ({
      url: `/api/shadow-rotations/${(await rotation(context)).id}/applications`,
      body: { motivation: "I want to learn how the company is run." },
    }),
    expect: signedIn(201),
  },
  {
    route: "GET /api/shadow-applications/mine",
    description: "own applications",
    call: () => ({ url: "/api/shadow-applications/mine" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/shadow-applications/approvals",
    description: "waiting for the caller",
    prepare: async (context) => {
      await application(context, "pending_manager");
    },
    call: () => ({ url: "/api/shadow-applications/approvals" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/shadow-applications/:id",
    description: "waiting for the manager",
    call: async (context) => ({ url: await applicationUrl(context, "pending_manager") }),
    expect: readers({}, 200),
  },
  {
    route: "GET /api/shadow-applications/:id",
    description: "approved by a former manager, then the manager changed",
    call: async (context) => {
      const { t, fixture, subjectId } = context;
      await changePerson(t.ctx, subjectId, { managerId: fixture.formerManager.id });
      const created = await rotation(context);
      const approved = await createTestApplication(t.ctx, {
        rotationId: created.id,
        applicantId: subjectId,
        managerId: fixture.formerManager.id,
        ownerId: fixture.mentor.id,
        status: "pending_owner",
      });
      await changePerson(t.ctx, subjectId, { managerId: fixture.manager.id });
      return { url: `/api/shadow-applications/${approved.id}` };
    },
    expect: readers({}, 200),
  },
  {
    route: "POST /api/shadow-applications/:id/manager-decision",
    description: "approve, waiting for the manager",
    call: async (context) => ({
      url: await applicationUrl(context, "pending_manager", "/manager-decision"),
      body: { decision: "approve", note: "Go for it" },
    }),
    expect: readers({ manager: 200 }),
  },
  {
    route: "POST /api/shadow-applications/:id/owner-decision",
    description: "approve, waiting for the owner",
    call: async (context) => ({
      url: await applicationUrl(context, "pending_owner", "/owner-decision"),
      body: { decision: "approve" },
    }),
    expect: readers({ mentor: 200, admin: 200 }),
  },
  {
    route: "POST /api/shadow-applications/:id/withdraw",
    description: "waiting for the manager",
    call: async (context) => ({
      url: await applicationUrl(context, "pending_manager", "/withdraw"),
      body: {},
    }),
    expect: readers({ self: 200 }),
  },
  {
    route: "POST /api/shadow-applications/:id/complete",
    description: "a confirmed participant, on the rotation's last day",
    call: async (context) => ({
      url: `/api/shadow-applications/${(await application(context, "confirmed", true)).id}/complete`,
      body: {},
    }),
    expect: readers({ mentor: 200, admin: 200 }),
  },
];
