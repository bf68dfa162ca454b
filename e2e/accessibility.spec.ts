import { spawnSync } from "node:child_process";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { currentViolations, seriousViolations } from "./fixtures/axe.ts";

/**
 * Every page of the demo organization, as a member, a manager and an admin, in light and dark:
 * no serious or critical WCAG 2.1 A/AA violation (axe-core). Each page is visited once and
 * checked in both themes (`seriousViolations`).
 */
const demoPassword = "northwind-demo-2026";
const roles = {
  member: "sofia.nowak@northwind.example",
  manager: "marcus.lee@northwind.example",
  admin: "hannah.okafor@northwind.example",
} as const;
type Role = keyof typeof roles;

// Playwright starts a new worker after a failure, which runs this again: load the demo once.
test.beforeAll(async ({ request }) => {
  const probe = await request.post("/api/auth/sign-in", {
    data: { email: roles.member, password: demoPassword },
  });
  if (probe.ok()) return;
  const loaded = spawnSync(process.execPath, ["src/server/cli.ts", "demo"], {
    env: {
      PATH: process.env.PATH ?? "",
      DATA_DIR: process.env.E2E_DATA_DIR ?? "",
      LOG_LEVEL: "silent",
    },
    encoding: "utf8",
  });
  expect(loaded.status, loaded.stderr).toBe(0);
});

async function signIn(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post("/api/auth/sign-in", {
    data: { email, password: demoPassword },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { user: { id: string } }).user.id;
}

async function firstReportOf(request: APIRequestContext, managerId: string): Promise<string> {
  const team = (await (await request.get(`/api/people/${managerId}/team`)).json()) as {
    reports: { id: string }[];
  };
  const report = team.reports[0]?.id;
  if (!report) throw new Error("the demo manager has no reports");
  return report;
}

/** A scheduled conversation of the manager with a report (made through the API when none is). */
async function conversationWith(request: APIRequestContext, reportId: string): Promise<string> {
  const list = (await (await request.get(`/api/conversations?memberId=${reportId}`)).json()) as {
    items: { id: string; status: string }[];
  };
  const open = list.items.find((item) => item.status === "scheduled");
  if (open) return open.id;
  const created = await request.post("/api/conversations", {
    data: {
      memberId: reportId,
      scheduledAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/**
 * The member's career pages: the map (both views), the role explorer, their own role and the
 * comparison with another, their assessments, one assessment with its gaps (a draft of their
 * own, made through the API when they have none) and their feedback queue.
 */
async function careerPagesFor(request: APIRequestContext, myId: string): Promise<string[]> {
  const position = (await (await request.get(`/api/people/${myId}/career`)).json()) as {
    currentRole: { frameworkId: string; roleKey: string } | null;
  };
  const role = position.currentRole;
  if (!role) throw new Error("the demo member has no current role");
  const map = (await (
    await request.get(`/api/career-frameworks/${role.frameworkId}/map`)
  ).json()) as {
    roles: { key: string }[];
  };
  const other = map.roles.find((entry) => entry.key !== role.roleKey)?.key ?? role.roleKey;
  const list = (await (await request.get("/api/career-assessments")).json()) as {
    assessments: { id: string }[];
  };
  let assessmentId = list.assessments[0]?.id;
  if (!assessmentId) {
    const created = await request.post("/api/career-assessments", {
      data: { frameworkId: role.frameworkId },
    });
    expect(created.status(), await created.text()).toBe(201);
    assessmentId = ((await created.json()) as { id: string }).id;
  }
  return [
    "/career",
    "/career?view=list",
    "/career/roles",
    `/career/${role.frameworkId}/roles/${role.roleKey}`,
    `/career/${role.frameworkId}/compare?a=${role.roleKey}&b=${other}`,
    "/career/assessments",
    `/career/assessments/${assessmentId}`,
    "/career/feedback",
  ];
}

/** The pathway template editor, on the default template (the longest the demo has). */
async function defaultPathwayTemplate(request: APIRequestContext): Promise<string> {
  const list = (await (await request.get("/api/pathway-templates")).json()) as {
    templates: { id: string; isDefault: boolean }[];
  };
  const found = list.templates.find((template) => template.isDefault);
  if (!found) throw new Error("the demo has no default pathway template");
  return found.id;
}

async function pagesFor(role: Role, request: APIRequestContext, myId: string): Promise<string[]> {
  const common = [
    "/",
    "/account",
    "/account/calendar",
    "/people",
    `/people/${myId}`,
    `/people/${myId}/org`,
    "/pathway",
    "/growth-plans",
    "/conversations",
    "/manager-guide",
  ];
  if (role === "manager") {
    const report = await firstReportOf(request, myId);
    return [
      ...common,
      "/team",
      `/people/${report}`,
      `/people/${report}/pathway`,
      "/growth-plans/shared",
      `/conversations/${await conversationWith(request, report)}`,
      `/conversations?member=${report}`,
      "/manager",
    ];
  }
  if (role === "admin") {
    return [
      ...common,
      "/admin/people",
      "/admin/import",
      "/admin/audit",
      "/admin/pathway-templates",
      `/admin/pathway-templates/${await defaultPathwayTemplate(request)}`,
      "/admin/pathway-templates/import",
      "/admin/growth-plan-templates",
      "/admin/growth-plan-templates/new",
      "/admin/growth-plan-templates/aspiring-manager",
      "/admin/growth-plan-prompts",
      "/admin/conversation-templates",
    ];
  }
  return [...common, ...(await careerPagesFor(request, myId))];
}

/** The notification centre and its preferences (the demo's feedback requests fill the centre). */
const notificationPages = ["/notifications", "/account/notifications"];

test("the sign-in page", async ({ page }) => {
  expect(await seriousViolations(page, "/sign-in")).toEqual([]);
});

for (const role of Object.keys(roles) as Role[]) {
  test(`every page as ${role}`, async ({ page }) => {
    test.setTimeout(180_000);
    const myId = await signIn(page.request, roles[role]);
    const problems: string[] = [];
    for (const path of await pagesFor(role, page.request, myId)) {
      problems.push(...(await seriousViolations(page, path)));
    }
    expect(problems).toEqual([]);
  });
}

test("the notification pages, as a manager with notifications", async ({ page }) => {
  await signIn(page.request, roles.manager);
  const problems: string[] = [];
  for (const path of notificationPages) {
    problems.push(...(await seriousViolations(page, path)));
  }
  expect(problems).toEqual([]);
});

/** The member's own plan with the sharing grid open, and a plan shared with the manager. */
test("a growth plan's sharing grid and comments, as member and manager", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page.request, roles.member);
  const own = (await (await page.request.get("/api/growth-plans")).json()) as {
    plans: { id: string }[];
  };
  const planId = own.plans[0]?.id;
  if (!planId) throw new Error("the demo member has no growth plan");
  const problems = await seriousViolations(page, `/growth-plans/${planId}?step=goals`);
  await page.getByRole("button", { name: "Sharing" }).click();
  const dialog = page.getByRole("dialog", { name: "Who can read this plan" });
  await expect(dialog.getByRole("heading", { name: "Who sees what" })).toBeVisible();
  await expect(dialog).toHaveCSS("opacity", "1");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    problems.push(
      ...(await currentViolations(page, `sharing grid (${scheme})`, '[role="dialog"]')),
    );
  }
  await signIn(page.request, roles.manager);
  const shared = (await (await page.request.get("/api/growth-plans/shared-with-me")).json()) as {
    plans: { id: string }[];
  };
  const sharedId = shared.plans[0]?.id;
  if (!sharedId) throw new Error("no demo plan is shared with the manager");
  problems.push(...(await seriousViolations(page, `/growth-plans/${sharedId}`)));
  expect(problems).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the notification pages", async ({ page }) => {
    await signIn(page.request, roles.manager);
    const problems: string[] = [];
    for (const path of notificationPages) {
      problems.push(...(await seriousViolations(page, path)));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) problems.push(`${path}: ${overflow}px wider than the screen`);
    }
    expect(problems).toEqual([]);
  });

  test("the manager workspace and a conversation", async ({ page }) => {
    const myId = await signIn(page.request, roles.manager);
    const report = await firstReportOf(page.request, myId);
    const problems: string[] = [];
    for (const path of [
      "/manager",
      `/conversations/${await conversationWith(page.request, report)}`,
    ]) {
      problems.push(...(await seriousViolations(page, path)));
      // The reports table scrolls inside its own box; the page itself never scrolls sideways.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) problems.push(`${path}: ${overflow}px wider than the screen`);
    }
    expect(problems).toEqual([]);
  });

  test("home and pathway, as a member and as a manager", async ({ page }) => {
    const problems: string[] = [];
    for (const role of ["member", "manager"] as const) {
      await signIn(page.request, roles[role]);
      for (const path of ["/", "/pathway"]) {
        problems.push(...(await seriousViolations(page, path)));
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0) problems.push(`${path} (${role}): ${overflow}px wider than the screen`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("the member's career pages", async ({ page }) => {
    test.setTimeout(180_000);
    const myId = await signIn(page.request, roles.member);
    const problems: string[] = [];
    for (const path of await careerPagesFor(page.request, myId)) {
      problems.push(...(await seriousViolations(page, path)));
      // Nothing is wider than the screen: the page never scrolls sideways.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) problems.push(`${path}: ${overflow}px wider than the screen`);
    }
    expect(problems).toEqual([]);
  });

  test("the calendar feed settings, with a learning block open", async ({ page }) => {
    await signIn(page.request, roles.member);
    const problems = await seriousViolations(page, "/account/calendar");
    await page.getByRole("button", { name: "Add a learning block" }).click();
    await expect(page.getByRole("group", { name: "Learning block 1" })).toBeVisible();
    problems.push(...(await currentViolations(page, "learning block (dark)")));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) problems.push(`/account/calendar: ${overflow}px wider than the screen`);
    expect(problems).toEqual([]);
  });

  test("the career map starts as a list", async ({ page }) => {
    await signIn(page.request, roles.member);
    await page.goto("/career");
    await expect(page.getByRole("radio", { name: "List" })).toBeChecked();
    await expect(page.getByText("★ Your role")).toBeVisible();
  });
});

// ── Admin career framework pages ─────────────────────────────────────────────────────────────

async function adminCareerPages(request: APIRequestContext): Promise<string[]> {
  const list = (await (await request.get("/api/career-frameworks")).json()) as {
    frameworks: { id: string; isSample: boolean }[];
  };
  const sample = list.frameworks.find((framework) => framework.isSample);
  if (!sample) throw new Error("the sample career framework is not installed");
  const base = `/admin/career-frameworks/${sample.id}`;
  return [
    "/admin/career-frameworks",
    "/admin/career-frameworks/import",
    base,
    `${base}/expectations`,
    `${base}/versions`,
  ];
}

test.describe("admin career pages", () => {
  for (const [width, height] of [
    [1280, 800],
    [375, 740],
  ] as const) {
    test(`at ${width} pixels wide`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height });
      await signIn(page.request, roles.admin);
      const problems: string[] = [];
      for (const path of await adminCareerPages(page.request)) {
        problems.push(...(await seriousViolations(page, path)));
        // Nothing but the grid's own scroller is wider than the screen.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0) problems.push(`${path}: the page is ${overflow}px wider than the screen`);
      }
      expect(problems).toEqual([]);
    });
  }
});

test("the member's own plan: goals, energy journal, whole plan and history", async ({ page }) => {
  test.setTimeout(120_000);
  const myId = await signIn(page.request, roles.member);
  const plans = (await (await page.request.get(`/api/growth-plans?ownerId=${myId}`)).json()) as {
    plans: { id: string }[];
  };
  const planId = plans.plans[0]?.id;
  if (!planId) throw new Error("the demo member has no growth plan");
  const problems: string[] = [];
  for (const path of [
    `/growth-plans/${planId}?step=goals`,
    `/growth-plans/${planId}?step=energy`,
    `/growth-plans/${planId}?view=overview`,
    `/growth-plans/${planId}/history`,
  ]) {
    problems.push(...(await seriousViolations(page, path)));
  }
  expect(problems).toEqual([]);
});
