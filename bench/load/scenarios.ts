import type { BenchAssessment, BenchFramework } from "./career-data.ts";
import type { BenchPlan } from "./growth-data.ts";
import { learningTopics } from "./learning-data.ts";
import type { Organization } from "./organization.ts";
import { benchPassword } from "./organization.ts";
import type { WorkspaceTeams } from "./workspace-data.ts";

/** One request description as autocannon takes it. */
export type LoadRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  onResponse?: (status: number, body: string) => void;
  setupRequest?: <T>(request: T) => T;
};

export type Scenario = {
  name: string;
  /** Requests for one connection; each connection acts as a different person. */
  requestsFor(connection: number): LoadRequest[];
  /** Targets from the quality issue: minimum share of the bare route's rate and p99 ceiling. */
  target?: { minRatio?: number; maxP99Ms?: number; minRequestsPerSecond?: number };
};

export type ScenarioData = {
  organization: Organization;
  cookies: Map<string, string>;
  plans: Map<string, BenchPlan>;
  framework: BenchFramework;
  assessments: BenchAssessment[];
  /** Null for an organization too small to hold the workspace teams. */
  teams: WorkspaceTeams | null;
};

const json = { "content-type": "application/json" };

export function baseScenarios({
  organization,
  cookies,
  plans,
  framework,
  assessments,
  teams,
}: ScenarioData): Scenario[] {
  const member = (connection: number) => {
    const people = organization.people;
    return people[(people.length - 1 - connection * 97) % people.length] ?? people[0];
  };
  const manager = (connection: number) =>
    organization.managers[(connection * 13) % organization.managers.length] ??
    organization.people[0];
  const cookieOf = (personId: string | undefined) => cookies.get(personId ?? "") ?? "";
  const planHolders = organization.people.filter((person) => plans.has(person.id)).slice(-2_000);
  const planHolder = (connection: number) => planHolders[(connection * 37) % planHolders.length];
  return [
    {
      name: "bare route (/healthz)",
      requestsFor: () => [{ method: "GET", path: "/healthz" }],
    },
    {
      name: "team overview",
      target: { minRatio: 0.2, maxP99Ms: 100 },
      requestsFor: (connection) => {
        const lead = manager(connection);
        return [
          {
            method: "GET",
            path: `/api/people/${lead?.id}/team`,
            headers: { cookie: cookieOf(lead?.id) },
          },
        ];
      },
    },
    {
      name: "my profile",
      target: { minRatio: 0.3, maxP99Ms: 50 },
      requestsFor: (connection) => {
        const person = member(connection);
        return [
          {
            method: "GET",
            path: `/api/people/${person?.id}`,
            headers: { cookie: cookieOf(person?.id) },
          },
        ];
      },
    },
    {
      name: "read my active plan",
      target: { minRatio: 0.3, maxP99Ms: 50 },
      requestsFor: (connection) => {
        const person = planHolder(connection);
        const plan = plans.get(person?.id ?? "");
        return [
          {
            method: "GET",
            path: `/api/growth-plans/${plan?.planId}`,
            headers: { cookie: cookieOf(person?.id) },
          },
        ];
      },
    },
    {
      name: "read my pathway",
      target: { minRatio: 0.3, maxP99Ms: 50 },
      requestsFor: (connection) => {
        const person = member(connection);
        return [
          { method: "GET", path: "/api/pathway/me", headers: { cookie: cookieOf(person?.id) } },
        ];
      },
    },
    {
      name: "career map (200 roles)",
      target: { minRatio: 0.3, maxP99Ms: 50 },
      requestsFor: (connection) => {
        const person = member(connection);
        return [
          {
            method: "GET",
            path: `/api/career-frameworks/${framework.frameworkId}/map`,
            headers: { cookie: cookieOf(person?.id) },
          },
        ];
      },
    },
    {
      name: "role page (100 competencies)",
      target: { minRatio: 0.3, maxP99Ms: 50 },
      requestsFor: (connection) => {
        const person = member(connection);
        const role = framework.content.roles[(connection * 7) % framework.content.roles.length];
        return [
          {
            method: "GET",
            path: `/api/career-frameworks/${framework.frameworkId}/roles/${role?.key}`,
            headers: { cookie: cookieOf(person?.id) },
          },
        ];
      },
    },
    {
      name: "gap analysis (20 raters)",
      target: { maxP99Ms: 50 },
      requestsFor: (connection) => {
        const assessment = assessments[connection % assessments.length];
        return [
          {
            method: "GET",
            path: `/api/career-assessments/${assessment?.assessmentId}/gaps`,
            headers: { cookie: cookieOf(assessment?.ownerId) },
          },
        ];
      },
    },
    ...(teams
      ? [
          {
            name: "manager workspace (12 reports)",
            target: { minRatio: 0.2, maxP99Ms: 100 },
            requestsFor: () => [
              {
                method: "GET" as const,
                path: "/api/manager-workspace",
                headers: { cookie: cookieOf(teams.workspaceManager.id) },
              },
            ],
          },
          {
            name: "manager workspace subtree (skip-level, 2,000 people)",
            target: { maxP99Ms: 300 },
            requestsFor: () => [
              {
                method: "GET" as const,
                path: "/api/manager-workspace/subtree",
                headers: { cookie: cookieOf(teams.skipLevel.id) },
              },
            ],
          },
        ]
      : []),
    {
      name: "save a goal (autosave)",
      target: { minRequestsPerSecond: 300 },
      requestsFor: (connection) => {
        // Each connection saves its own goal, carrying the goal version its last save returned.
        const person = planHolders[connection % planHolders.length];
        const plan = plans.get(person?.id ?? "");
        if (!plan || !person) return [];
        let version = plan.version;
        let edits = 0;
        const goal = plan.goal as Record<string, unknown>;
        return [
          {
            method: "PUT",
            path: `/api/growth-plans/${plan.planId}/goals/${plan.goalId}`,
            headers: { ...json, cookie: cookieOf(person.id) },
            setupRequest: (request) => {
              edits += 1;
              const content = { ...goal, challenges: `Edit ${edits} of this goal's challenges.` };
              return { ...request, body: JSON.stringify({ baseVersion: version, content }) };
            },
            onResponse: (status, body) => {
              if (status === 200)
                version = (JSON.parse(body) as { planVersion: number }).planVersion;
            },
          },
        ];
      },
    },
    {
      // 50,000 resources: one or two words (some misspelled), with a filter every third search.
      // Each connection cycles through 24 searches; across the 50 connections, of the
      // 1,200 searches 920 are distinct (directorySearchSpread), so a run mixes cold searches
      // with repeats.
      name: "directory search",
      target: { minRatio: 0.2, maxP99Ms: 50 },
      requestsFor: (connection) => {
        const person = member(connection);
        return directorySearchPaths(connection).map((path) => ({
          method: "GET" as const,
          path,
          headers: { cookie: cookieOf(person?.id) },
        }));
      },
    },
    {
      name: "sign in",
      requestsFor: (connection) => {
        const person = member(connection);
        return [
          {
            method: "POST",
            path: "/api/auth/sign-in",
            headers: json,
            body: JSON.stringify({ email: person?.email, password: benchPassword }),
          },
        ];
      },
    },
  ];
}

/** The searches one connection of the directory search scenario cycles through. */
export function directorySearchPaths(connection: number): string[] {
  const filters = ["", "&format=live", "&cost=free", "&kind=course", "&duration=medium"];
  return Array.from({ length: 24 }, (_, index) => {
    const first = learningTopics[(connection * 7 + index * 11) % learningTopics.length] ?? "";
    const second = learningTopics[(connection * 3 + index * 5) % learningTopics.length] ?? "";
    // Every fourth search has a typo: two letters swapped.
    const typed =
      index % 4 === 3 && first.length > 4
        ? `${first.slice(0, 2)}${first[3]}${first[2]}${first.slice(4)}`
        : first;
    const words = index % 2 === 0 ? typed : `${typed} ${second}`;
    const filter = index % 3 === 0 ? (filters[(connection + index) % filters.length] ?? "") : "";
    return `/api/learning/resources?q=${encodeURIComponent(words)}${filter}&page=${1 + (index % 3)}`;
  });
}

/** How many of the scenario's searches, over `connections` connections, are distinct. */
export function directorySearchSpread(connections: number): { searches: number; distinct: number } {
  const paths = Array.from({ length: connections }, (_, connection) =>
    directorySearchPaths(connection),
  ).flat();
  return { searches: paths.length, distinct: new Set(paths).size };
}
