import { type Scenario, signedIn } from "#server/testing/authorization-matrix.ts";

/**
 * The authorization matrix rows of the manager workspace: everyone signed in reads their own
 * (empty without reports); a subtree is readable by the manager it is of and by everyone above
 * them, and answers 404 to anyone else, administrators and sibling managers included.
 */
export const managerWorkspaceScenarios: Scenario[] = [
  {
    route: "GET /api/manager-workspace",
    description: "own direct reports",
    call: () => ({ url: "/api/manager-workspace" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/manager-workspace/subtree",
    description: "own subtree",
    call: () => ({ url: "/api/manager-workspace/subtree" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/manager-workspace/subtree",
    description: "the subject's manager's subtree",
    call: ({ fixture }) => ({
      url: `/api/manager-workspace/subtree?managerId=${fixture.manager.id}`,
    }),
    expect: { ...signedIn(404), manager: 200, skipLevel: 200 },
  },
  {
    route: "GET /api/manager-workspace/subtree",
    description: "the subject's own (empty) subtree",
    call: ({ subjectId }) => ({ url: `/api/manager-workspace/subtree?managerId=${subjectId}` }),
    expect: { ...signedIn(404), self: 200, manager: 200, skipLevel: 200 },
  },
];
