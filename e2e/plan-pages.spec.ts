import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPlanThroughApi, signedInPerson } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

// The plan pages a member opens every day: the whole plan, its history, goals and the journal.

async function member(page: Page, browser: import("@playwright/test").Browser) {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const person = await signedInPerson(browser, page.request, {
    name: `Noor ${tag}`,
    email: `noor.${tag}@example.com`,
  });
  return { ...person, tag };
}

async function addGoalThroughApi(
  request: APIRequestContext,
  planId: string,
  content: Record<string, unknown>,
) {
  const response = await request.post(`/api/growth-plans/${planId}/goals`, {
    data: {
      content: {
        skill: "",
        resources: "",
        careerSupport: "",
        actionSteps: [],
        network: "",
        challenges: "",
        status: "not-started",
        targetDate: null,
        ...content,
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test.describe("defects", () => {
  test("the whole plan shows the plan and no step-by-step editor", async ({ page, browser }) => {
    const me = await member(page, browser);
    const planId = await createPlanThroughApi(me.page.request, { title: `Whole ${me.tag}` });
    await me.page.goto(`/growth-plans/${planId}?view=overview`);
    await expect(me.page.getByRole("heading", { name: `Whole ${me.tag}`, level: 1 })).toBeVisible();
    await expect(
      me.page.getByRole("link", { name: "Edit Section 1: Discover your inspiration" }),
    ).toBeVisible();
    await expect(me.page.getByRole("navigation", { name: "Plan sections" })).toBeHidden();
    await expect(me.page.getByText("Step 1 of 7")).toBeHidden();
    await expect(me.page.getByRole("button", { name: "Add goal" })).toBeHidden();
    await me.page.context().close();
  });

  test("history shows statuses and dates as the plan pages do", async ({ page, browser }) => {
    const me = await member(page, browser);
    const planId = await createPlanThroughApi(me.page.request, { title: `History ${me.tag}` });
    await addGoalThroughApi(me.page.request, planId, {
      skill: "Public speaking",
      targetDate: "2027-05-30",
    });
    await me.page.goto(`/growth-plans/${planId}/history`);
    const changes = me.page.getByRole("table");
    await expect(changes.getByRole("row", { name: /Status/ })).toContainText("Not started");
    await expect(changes.getByRole("row", { name: /Target date/ })).toContainText("May 30, 2027");
    await expect(changes).not.toContainText("not-started");
    await expect(changes).not.toContainText("2027-05-30");
    await me.page.context().close();
  });
});
