import { type CareerFixtures, createCareerFixtures } from "./career-fixtures.ts";
import { maximalHandbookPage } from "./documents.ts";
import { jsonOf, type Outgoing, type Sent, send, sessionCookieOf } from "./http.ts";
import { filler, type TextShape, textShapes } from "./max-values.ts";
import {
  type BenchRoute,
  findRoute,
  maximalBody,
  type RouteKey,
  type ValueOptions,
} from "./route-values.ts";

/**
 * The data the worst-case requests work on, made through the HTTP API as people would make it:
 * the first administrator (with the demo organization), members signed in through their
 * invitations, and for each shape of text a growth plan whose every section and goal holds the
 * largest values allowed, with comments, energy entries, sharing and a custom pathway item.
 */

export type Actor = { id: string; email: string; password: string; cookie: string };

export type ShapeData = {
  planId: string;
  /** The plan's version once every section was filled, before any goal: a restore target. */
  restoreVersion: number;
  goalIds: string[];
  /** Goals only the DELETE route removes. */
  spareGoalIds: string[];
  commentIds: string[];
  energyEntryIds: string[];
  customItemIds: string[];
  /** Goals in the plan once it was full. */
  goalCount: number;
  /** Saves the server refused because the plan was full: the fixtures fill it until one is. */
  refusedSaves: number;
  /** Current versions, kept up to date from each save's answer (reading a maximal plan is slow). */
  sectionVersions: Record<string, number>;
  goalVersions: Record<string, number>;
};

export type Fixtures = {
  admin: Actor;
  /** Owns the plans. */
  owner: Actor;
  /** The owner's manager; every section is shared with them and with `viewer`. */
  manager: Actor;
  viewer: Actor;
  /** Signed in afresh for each request that ends its own sessions. */
  leaver: Actor;
  /** Someone admin routes change (rename, deactivate, invite) without affecting the actors. */
  targetPersonId: string;
  invitationToken: string;
  /** The owner's notice that an administrator made themselves their manager for a moment. */
  noticeId: string;
  /** Active people who can be named in sharing. */
  peopleIds: string[];
  ownerPathwayItemIds: string[];
  pathwayTemplateId: string;
  stageId: string;
  stageItemIds: string[];
  career: CareerFixtures;
  shapes: Record<TextShape, ShapeData>;
};

export type FixtureOptions = {
  base: string;
  routes: readonly BenchRoute[];
  budgetBytes: number;
  /**
   * Goals per plan once the route that adds one has run, the template's included (the API
   * allows 100); the fixtures make one fewer.
   */
  goalsPerPlan: number;
  /** The most characters one plan may hold (`growthPlanLimits.planCharacters`): each plan is filled to it. */
  planCharacters: number;
  energyEntriesPerPlan: number;
  commentsPerPlan: number;
};

export const benchPassword = "worst case benchmark password";
const documentSections = ["inspiration", "role", "exploration", "tracking", "accomplishments"];
const fixtureTimeoutMs = 120_000;

export type SectionSaved = { planVersion: number; section: { version: number } };
export type GoalSaved = { planVersion: number; goal: { id: string; version: number } };

type PlanView = {
  plan: { id: string; version: number };
  sections: Record<string, { version: number }>;
  goals?: { id: string; version: number }[];
};

export async function createFixtures(options: FixtureOptions): Promise<Fixtures> {
  const { base, routes } = options;
  const call = (actor: Actor | null, method: string, path: string, body?: unknown) => {
    const outgoing: Outgoing = { method, path, cookie: actor?.cookie };
    if (body !== undefined) outgoing.body = JSON.stringify(body);
    return send(base, outgoing, fixtureTimeoutMs);
  };
  const json = async <T>(actor: Actor | null, method: string, path: string, body?: unknown) =>
    jsonOf<T>(await call(actor, method, path, body), `${method} ${path}`);
  let seed = 1_000;
  const body = (
    key: RouteKey,
    shape: TextShape,
    fieldValue?: ValueOptions["fieldValue"],
    budgetBytes = options.budgetBytes,
  ) => {
    seed += 1;
    return maximalBody(findRoute(routes, key), {
      shape,
      budgetBytes,
      seed,
      ...(fieldValue ? { fieldValue } : {}),
    }) as Record<string, unknown>;
  };

  const setup = await call(null, "POST", "/api/setup", {
    name: "Worst Case Admin",
    email: "admin@worst-case.example",
    password: benchPassword,
    loadDemo: true,
  });
  const setupInfo = jsonOf<{ user: { id: string } }>(setup, "POST /api/setup");
  const admin: Actor = {
    id: setupInfo.user.id,
    email: "admin@worst-case.example",
    password: benchPassword,
    cookie: sessionCookieOf(setup),
  };

  const createPerson = async (label: string, managerId: string | null) => {
    const profile = await json<{ person: { id: string } }>(admin, "POST", "/api/people", {
      email: `${label}@worst-case.example`,
      name: `Worst Case ${label}`,
      managerId,
      hireDate: "2024-01-15",
      timeZone: "Europe/Amsterdam",
    });
    return profile.person.id;
  };
  const invite = async (personId: string) => {
    const created = await json<{ url: string }>(
      admin,
      "POST",
      `/api/people/${personId}/invitations`,
      {},
    );
    return new URL(created.url).pathname.split("/").filter(Boolean).at(-1) ?? "";
  };
  const signUp = async (label: string, managerId: string | null): Promise<Actor> => {
    const id = await createPerson(label, managerId);
    const token = await invite(id);
    const accepted = await call(null, "POST", `/api/invitations/${token}/accept`, {
      password: benchPassword,
    });
    jsonOf(accepted, "accept invitation");
    return {
      id,
      email: `${label}@worst-case.example`,
      password: benchPassword,
      cookie: sessionCookieOf(accepted),
    };
  };
  const manager = await signUp("manager", null);
  const owner = await signUp("owner", manager.id);
  // An administrator who becomes someone's manager leaves them a notice; the reporting line is
  // then put back, so the manager keeps what is shared with them.
  await json(admin, "PATCH", `/api/people/${owner.id}`, { managerId: admin.id });
  await json(admin, "PATCH", `/api/people/${owner.id}`, { managerId: manager.id });
  const notices = await json<{ notices: { id: string }[] }>(owner, "GET", "/api/account/notices");
  const noticeId = notices.notices[0]?.id ?? "";
  const viewer = await signUp("viewer", manager.id);
  const leaver = await signUp("leaver", manager.id);
  const targetPersonId = await createPerson("target", manager.id);
  const invitationToken = await invite(await createPerson("invitee", manager.id));

  const directory = await json<{ people: { id: string }[] }>(admin, "GET", "/api/people?limit=100");
  const peopleIds = directory.people
    .map((person) => person.id)
    .filter((id) => id !== owner.id && id !== viewer.id)
    .slice(0, 19);

  const pathway = await json<{ stages: { items: { id: string; origin: string }[] }[] }>(
    owner,
    "GET",
    "/api/pathway/me",
  );
  const ownerPathwayItemIds = pathway.stages
    .flatMap((stage) => stage.items)
    .filter((item) => item.origin === "template")
    .map((item) => item.id);

  const imported = await json<{
    template: { id: string; stages: { id: string; items: { id: string }[] }[] };
  }>(admin, "POST", "/api/pathway-templates/import", {
    markdown: maximalHandbookPage("words", 200_000),
  });
  const firstStage = imported.template.stages[0];
  if (!firstStage) throw new Error("the imported pathway template has no stage");

  const career = await createCareerFixtures(base, { admin, owner, manager, viewer });

  const shapes = {} as Record<TextShape, ShapeData>;
  for (const shape of textShapes) {
    shapes[shape] = await createMaximalPlan(shape);
  }

  return {
    admin,
    owner,
    manager,
    viewer,
    leaver,
    targetPersonId,
    invitationToken,
    noticeId,
    peopleIds,
    ownerPathwayItemIds,
    pathwayTemplateId: imported.template.id,
    stageId: firstStage.id,
    stageItemIds: firstStage.items.map((item) => item.id),
    career,
    shapes,
  };

  async function createMaximalPlan(shape: TextShape): Promise<ShapeData> {
    const planPath = (rest = "") => `/api/growth-plans/${planId}${rest}`;
    const created = await json<PlanView>(owner, "POST", "/api/growth-plans", {
      title: filler(shape, 200),
      templateId: "people-manager-growth",
      activate: true,
    });
    const planId = created.plan.id;
    const sectionVersions: Record<string, number> = {};
    const goalVersions: Record<string, number> = {};
    let planVersion = created.plan.version;
    // Bodies are measured in UTF-8 bytes, the plan's limit in characters.
    const bytesPerCharacter = shape === "cjk" ? 3 : 1;
    const budgetOf = (characters: number) => Math.floor(characters * bytesPerCharacter);
    // A tenth of the plan for each of the five sections, the rest in goals of a size that fills
    // it before the plan's goal limit: each field of a goal gets a fair share of its budget.
    const sectionBudget = budgetOf(options.planCharacters / 10);
    const goalBudget = budgetOf(options.planCharacters / 2 / (options.goalsPerPlan * 0.8));
    for (const section of documentSections) {
      const key = `PUT /api/growth-plans/:planId/sections/${section}` as RouteKey;
      const saved = await json<SectionSaved>(owner, "PUT", planPath(`/sections/${section}`), {
        ...body(key, shape, undefined, sectionBudget),
        baseVersion: created.sections[section]?.version ?? 0,
      });
      sectionVersions[section] = saved.section.version;
      planVersion = saved.planVersion;
    }
    const restoreVersion = planVersion;
    // The template's goals are filled too; three of all the goals are kept for the DELETE route.
    const goalIds: string[] = [];
    let refusedSaves = 0;
    /** Null when the plan is full: the server refuses the save with 400, as it should. */
    const goalSave = async (method: string, path: string, sent: Record<string, unknown>) => {
      const answer = await call(owner, method, path, sent);
      if (answer.status === 400 && answer.body.toString().includes("This plan is full")) {
        refusedSaves += 1;
        return null;
      }
      return jsonOf<GoalSaved>(answer, `${method} ${path}`);
    };
    for (const goal of created.goals ?? []) {
      const saved = await goalSave("PUT", planPath(`/goals/${goal.id}`), {
        ...body("PUT /api/growth-plans/:planId/goals/:goalId", shape, undefined, goalBudget),
        baseVersion: goal.version,
      });
      goalIds.push(goal.id);
      goalVersions[goal.id] = saved?.goal.version ?? goal.version;
    }
    // Goals are added until the plan is full (or one short of the goal limit).
    const goalsToAdd = Math.max(4, options.goalsPerPlan) - 1 - goalIds.length;
    for (let index = 0; index < goalsToAdd; index++) {
      const saved = await goalSave(
        "POST",
        planPath("/goals"),
        body("POST /api/growth-plans/:planId/goals", shape, undefined, goalBudget),
      );
      if (!saved) break;
      goalIds.push(saved.goal.id);
      goalVersions[saved.goal.id] = saved.goal.version;
    }
    const peopleToShare = [viewer.id, ...peopleIds];
    const sections = Object.fromEntries(
      ["inspiration", "energy", "role", "exploration", "goals", "tracking", "accomplishments"].map(
        (key) => [key, { manager: true, people: peopleToShare.slice(0, 20) }],
      ),
    );
    await json(owner, "PUT", planPath("/sharing"), { sections });
    const commentIds: string[] = [];
    for (let index = 0; index < options.commentsPerPlan; index++) {
      const author = index % 2 === 0 ? manager : owner;
      const comment = await json<{ id: string }>(author, "POST", planPath("/comments"), {
        section: "goals",
        body: filler(shape, 5_000),
      });
      commentIds.push(comment.id);
    }
    const energyEntryIds: string[] = [];
    for (let index = 0; index < options.energyEntriesPerPlan; index++) {
      const at = new Date(Date.UTC(2026, 5, 30) - index * 3_600_000).toISOString();
      const entry = await json<{ id: string }>(owner, "POST", planPath("/energy-entries"), {
        ...body("POST /api/growth-plans/:planId/energy-entries", shape),
        at,
        level: (index % 5) + 1,
        activity: `${index} ${filler(shape, 190)}`,
      });
      energyEntryIds.push(entry.id);
    }
    const customItemIds: string[] = [];
    for (let index = 0; index < 4; index++) {
      const view = await json<{ stages: { items: { id: string; origin: string }[] }[] }>(
        owner,
        "POST",
        `/api/people/${owner.id}/pathway/custom-items`,
        { ...body("POST /api/people/:id/pathway/custom-items", shape), stageKey: "y1q1" },
      );
      const custom = view.stages
        .flatMap((stage) => stage.items)
        .filter((item) => item.origin === "custom" && !customItemIds.includes(item.id));
      customItemIds.push(...custom.map((item) => item.id));
    }
    return {
      planId,
      restoreVersion,
      goalCount: goalIds.length,
      refusedSaves,
      goalIds: goalIds.slice(0, -3),
      spareGoalIds: goalIds.slice(-3),
      commentIds,
      energyEntryIds,
      customItemIds,
      sectionVersions,
      goalVersions,
    };
  }
}

/** Signs in again (a new session) for a request that ends the sessions it is made with. */
export async function signInAgain(base: string, actor: Actor): Promise<Actor> {
  const sent: Sent = await send(
    base,
    {
      method: "POST",
      path: "/api/auth/sign-in",
      body: JSON.stringify({ email: actor.email, password: actor.password }),
    },
    fixtureTimeoutMs,
  );
  return { ...actor, cookie: sessionCookieOf(sent) };
}
