import { randomUUID } from "node:crypto";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPlanThroughApi } from "./fixtures/growth-plans.ts";
import { createMemberAndManager, hireDateMonthsAgo, signedInPage } from "./fixtures/pathway.ts";
import { uniqueTag } from "./fixtures/people.ts";

function main(page: Page) {
  return page.getByRole("main");
}

/** The navigation entries marked as the current page. */
function currentAreas(page: Page) {
  return page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link")
    .and(page.locator('[aria-current="page"], [data-active="true"]'));
}

async function expectCurrentArea(page: Page, name: string) {
  await expect(currentAreas(page)).toHaveCount(1);
  await expect(currentAreas(page)).toHaveAccessibleName(name);
}

/** Shares every section of the plan with the owner's manager, as the owner of `request`. */
async function shareAllWithManager(request: APIRequestContext, planId: string) {
  const everything = { manager: true, people: [] };
  const response = await request.put(`/api/growth-plans/${planId}/sharing`, {
    data: {
      sections: Object.fromEntries(
        [
          "inspiration",
          "energy",
          "role",
          "exploration",
          "goals",
          "tracking",
          "accomplishments",
        ].map((key) => [key, everything]),
      ),
    },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A member in Year 1 · Q2 who shared a plan with their manager; both signed in. */
async function memberSharingWithManager(page: Page, browser: Browser) {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const { manager, member } = await createMemberAndManager(page.request, tag);
  const memberPage = await signedInPage(browser, page.request, member.id);
  const planTitle = `Growing into staff ${tag}`;
  const planId = await createPlanThroughApi(memberPage.request, { title: planTitle });
  await shareAllWithManager(memberPage.request, planId);
  const managerPage = await signedInPage(browser, page.request, manager.id);
  return { manager, member, memberPage, managerPage, planId, planTitle };
}

test.describe("the navigation names the area a page belongs to", () => {
  test("“Shared with me” and a shared plan highlight only “Shared with me”", async ({
    page,
    browser,
  }) => {
    const { managerPage, planTitle, memberPage } = await memberSharingWithManager(page, browser);

    await managerPage.goto("/growth-plans/shared");
    await expect(managerPage.getByRole("link", { name: planTitle })).toBeVisible();
    await expectCurrentArea(managerPage, "Shared with me");

    await managerPage.getByRole("link", { name: planTitle }).click();
    await expect(managerPage.getByRole("heading", { name: planTitle, level: 1 })).toBeVisible();
    await expectCurrentArea(managerPage, "Shared with me");

    // The owner's own plan is still "Growth plan".
    await memberPage.goto("/growth-plans");
    await memberPage.getByRole("link", { name: planTitle }).first().click();
    await expect(memberPage.getByRole("heading", { name: planTitle, level: 1 })).toBeVisible();
    await expectCurrentArea(memberPage, "Growth plan");

    await managerPage.context().close();
    await memberPage.context().close();
  });

  test("a report's profile and pathway belong to “My team”, and lead back to it", async ({
    page,
    browser,
  }) => {
    const { managerPage, member, memberPage } = await memberSharingWithManager(page, browser);

    await managerPage.goto(`/people/${member.id}`);
    await expect(managerPage.getByRole("heading", { name: member.name, level: 1 })).toBeVisible();
    await expectCurrentArea(managerPage, "My team");

    await main(managerPage).getByRole("link", { name: "Pathway", exact: true }).click();
    await expect(
      managerPage.getByRole("heading", { name: `Pathway of ${member.name}`, level: 1 }),
    ).toBeVisible();
    await expectCurrentArea(managerPage, "My team");

    await managerPage.goto(`/people/${member.id}`);
    await main(managerPage).getByRole("link", { name: "My team" }).click();
    await expect(managerPage.getByRole("heading", { name: "My team", level: 1 })).toBeVisible();

    // Someone who is not a report stays under "People".
    await memberPage.goto(`/people/${await managerIdOf(memberPage)}`);
    await expect(memberPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expectCurrentArea(memberPage, "People");
    await expect(memberPage.getByRole("main").getByRole("link", { name: "People" })).toBeVisible();

    await managerPage.context().close();
    await memberPage.context().close();
  });

  test("a report's profile links to the plan they shared", async ({ page, browser }) => {
    const { managerPage, member, planTitle, memberPage } = await memberSharingWithManager(
      page,
      browser,
    );

    await managerPage.goto(`/people/${member.id}`);
    await managerPage.getByRole("link", { name: /^Shared plan/ }).click();
    await expect(managerPage.getByRole("heading", { name: planTitle, level: 1 })).toBeVisible();

    await managerPage.context().close();
    await memberPage.context().close();
  });
});

/** The member's manager, read from their own profile. */
async function managerIdOf(memberPage: Page): Promise<string> {
  const me = (await (await memberPage.request.get("/api/auth/session")).json()) as {
    user: { id: string };
  };
  const profile = (await (await memberPage.request.get(`/api/people/${me.user.id}`)).json()) as {
    manager: { id: string } | null;
  };
  if (!profile.manager) throw new Error("the member has no manager");
  return profile.manager.id;
}

// Titles of the shipped default pathway (the GitLab handbook page).
// The demo company (loaded by the accessibility journey) names itself in place of GitLab.
const licenseTitle =
  "Sign up for a LinkedIn Learning license with the (GitLab|Northwind) company account";
const licenseItem = new RegExp(`^${licenseTitle}$`);
const certificationItem = /^Complete the (GitLab|Northwind) Team Member Certification$/;

/** A member in Year 1 · Q2 with an active growth plan, signed in; their manager too. */
async function memberWithPlan(page: Page, browser: Browser) {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const { manager, member } = await createMemberAndManager(page.request, tag);
  const memberPage = await signedInPage(browser, page.request, member.id);
  const planTitle = `My next year ${tag}`;
  const planId = await createPlanThroughApi(memberPage.request, { title: planTitle });
  return { tag, manager, member, memberPage, planId, planTitle };
}

/** A goal with one open action step due today, through the API as the plan's owner. */
async function addGoalWithStepDueToday(request: APIRequestContext, planId: string, title: string) {
  const today = new Date().toISOString().slice(0, 10);
  const response = await request.post(`/api/growth-plans/${planId}/goals`, {
    data: {
      content: {
        skill: "Mentoring",
        resources: "",
        careerSupport: "",
        actionSteps: [{ id: randomUUID(), title, dueOn: today, done: false, doneOn: null }],
        network: "",
        challenges: "",
        status: "in-progress",
        targetDate: null,
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** A person's own browser context opens at the size of the test's page (desktop or phone). */
async function sameViewport(page: Page, personPage: Page) {
  const size = page.viewportSize();
  if (size) await personPage.setViewportSize(size);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function homeJourney(page: Page, browser: Browser) {
  const { memberPage, planId, planTitle } = await memberWithPlan(page, browser);
  await sameViewport(page, memberPage);
  const stepTitle = "Book a session with a mentor";
  await addGoalWithStepDueToday(memberPage.request, planId, stepTitle);
  await memberPage.goto("/");
  await expect(memberPage.getByRole("heading", { name: /^Welcome, /, level: 1 })).toBeVisible();

  // This quarter's items, each one click from done.
  const pathway = memberPage.getByRole("region", { name: /Year 1 · Q2 — 0 of 3 done/ });
  await pathway
    .getByRole("listitem", { name: licenseItem })
    .getByRole("button", { name: "Mark done" })
    .click();
  const updated = memberPage.getByRole("region", { name: /Year 1 · Q2 — 1 of 3 done/ });
  await expect(
    updated.getByRole("listitem", { name: licenseItem }).getByText("Done", { exact: true }),
  ).toBeVisible();

  // A quick energy log goes into the active plan's journal.
  const plan = memberPage.getByRole("region", { name: "Your growth plan" });
  await expect(plan.getByRole("link", { name: planTitle })).toBeVisible();
  const log = memberPage.getByRole("form", { name: "Quick energy log" });
  await log.getByRole("radio", { name: "4 Good" }).check();
  await log.getByRole("textbox", { name: "What were you doing?" }).fill("pairing on a bug");
  await log.getByRole("button", { name: "Log energy" }).click();
  await expect(log.getByRole("status")).toHaveText("Logged: Good while pairing on a bug.");
  await expect(log.getByRole("radio", { name: "4 Good" })).not.toBeChecked();
  await expect(plan.getByRole("link", { name: "Energy journal (1 entry)" })).toBeVisible();
  const entries = await memberPage.request.get(`/api/growth-plans/${planId}/energy-entries`);
  expect(((await entries.json()) as { entries: unknown[] }).entries).toHaveLength(1);

  // The action step due today waits under "Needs you now" and leads to the plan's goals.
  const needs = memberPage.getByRole("region", { name: "Needs you now" });
  await expect(needs.getByRole("heading", { name: "Action steps due" })).toBeVisible();
  await expect(needs.getByRole("link", { name: stepTitle })).toHaveAttribute(
    "href",
    `/growth-plans/${planId}?step=goals`,
  );
  await expectNoSidewaysScroll(memberPage);
  await memberPage.context().close();
}

async function pathwayJourney(page: Page, browser: Browser) {
  await ensureAdminSignedIn(page);
  const { member } = await createMemberAndManager(page.request, uniqueTag());
  const memberPage = await signedInPage(browser, page.request, member.id);
  await sameViewport(page, memberPage);
  await memberPage.goto("/pathway");

  // The past quarter is folded to its count and opens on demand.
  const pastQuarter = memberPage.getByRole("button", { name: "Year 1, Q1 — 0 of 3 done" });
  await expect(pastQuarter).toHaveAttribute("aria-expanded", "false");
  await expect(memberPage.getByRole("listitem", { name: certificationItem })).toHaveCount(0);
  await pastQuarter.click();
  await expect(pastQuarter).toHaveAttribute("aria-expanded", "true");
  const certification = memberPage.getByRole("listitem", { name: certificationItem });
  await expect(certification.getByText("Left behind")).toBeVisible();

  // One click marks it done today; "Mark not done" is in its details.
  await certification.getByRole("button", { name: "Mark done" }).click();
  await expect(memberPage.getByRole("button", { name: "Year 1, Q1 — 1 of 3 done" })).toBeVisible();
  await expect(certification.getByText("Done", { exact: true })).toBeVisible();
  await expect(certification.getByRole("button", { name: "Mark not done" })).toHaveCount(0);
  await certification.getByRole("button", { name: "Details" }).click();
  await certification.getByRole("button", { name: "Mark not done" }).click();
  await expect(memberPage.getByRole("button", { name: "Year 1, Q1 — 0 of 3 done" })).toBeVisible();
  await expect(certification.getByText("Left behind")).toBeVisible();

  await expectNoSidewaysScroll(memberPage);
  await memberPage.context().close();
}

test.describe("home", () => {
  test("a member marks a pathway item done and logs their energy from home", async ({
    page,
    browser,
  }) => {
    await homeJourney(page, browser);
  });

  test("a manager sees what their team needs and opens the workspace", async ({
    page,
    browser,
  }) => {
    await ensureAdminSignedIn(page);
    const { manager, member } = await createMemberAndManager(page.request, uniqueTag());
    const managerPage = await signedInPage(browser, page.request, manager.id);
    await managerPage.goto("/");
    const team = managerPage.getByRole("region", { name: "Your team" });
    const report = team.getByRole("listitem").filter({ hasText: member.name });
    await expect(report).toContainText("No active growth plan");
    await expect(report.getByRole("link", { name: member.name })).toHaveAttribute(
      "href",
      `/people/${member.id}`,
    );
    await team.getByRole("link", { name: "Open the manager workspace" }).click();
    await expect(managerPage).toHaveURL(/\/manager$/);
    await managerPage.context().close();
  });
});

test.describe("pathway", () => {
  test("a folded past quarter opens; one click marks an item done, then not done", async ({
    page,
    browser,
  }) => {
    await pathwayJourney(page, browser);
  });

  test("the pathway of a member in Year 3 fits in a couple of screens", async ({
    page,
    browser,
  }) => {
    await ensureAdminSignedIn(page);
    const tag = uniqueTag();
    const response = await page.request.post("/api/people", {
      data: {
        name: `Iris ${tag}`,
        email: `iris.${tag}@example.com`,
        hireDate: hireDateMonthsAgo(27),
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    const { person } = (await response.json()) as { person: { id: string } };
    const memberPage = await signedInPage(browser, page.request, person.id);
    await memberPage.setViewportSize({ width: 1280, height: 800 });
    await memberPage.goto("/pathway");
    await expect(memberPage.getByText(/^Year 3 · Q\d$/)).toBeVisible();
    await expect(memberPage.getByRole("button", { name: /^Year 2, Q4 — / })).toBeVisible();
    const height = await memberPage.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(2.5 * 800);
    await memberPage.context().close();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("home: one-click done and a quick energy log", async ({ page, browser }) => {
    await homeJourney(page, browser);
  });

  test("pathway: a folded past quarter, done and not done", async ({ page, browser }) => {
    await pathwayJourney(page, browser);
  });
});
