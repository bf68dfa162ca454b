import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPlanThroughApi, expectSaved, signedInPerson } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

// The plan pages a member opens every day: the whole plan, its history, goals and the journal.

async function member(page: Page, browser: import("@playwright/test").Browser) {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const person = await signedInPerson(browser, page.request, {
    name: `Noor ${tag}`,
    email: `noor.${tag}@example.com`,
  });
  // The person's own browser context has the viewport of this test (desktop or phone).
  const viewport = page.viewportSize();
  if (viewport) await person.page.setViewportSize(viewport);
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

async function addGoal(page: Page, number: number, skill: string) {
  await page.getByRole("button", { name: "Add goal" }).click();
  const goal = page.getByRole("group", { name: `Goal ${number}`, exact: true });
  await goal.getByRole("textbox", { name: "Skill/Behavior" }).fill(skill);
  const named = page.getByRole("group", { name: `Goal ${number}: ${skill}` });
  await expect(named).toBeVisible();
  return named;
}

async function goalsJourney(page: Page, browser: import("@playwright/test").Browser) {
  const me = await member(page, browser);
  const planId = await createPlanThroughApi(me.page.request, { title: `Goals ${me.tag}` });
  const p = me.page;
  await p.goto(`/growth-plans/${planId}?step=goals`);
  await expect(p.getByRole("heading", { name: "Section 3: Set specific goals" })).toBeVisible();

  // One card per goal, its handbook columns as labelled fields.
  const speaking = await addGoal(p, 1, "Public speaking");
  await speaking
    .getByRole("textbox", { name: "What resources/support do you need?" })
    .fill("A speaking coach");
  await speaking
    .getByRole("textbox", { name: "How will this support your career goals?" })
    .fill("Leads to a staff role");
  await speaking.getByRole("textbox", { name: "How will you engage your network?" }).fill("Meetup");
  await speaking.getByRole("textbox", { name: "Anticipated challenges" }).fill("Stage fright");
  await speaking.getByRole("combobox", { name: "Status" }).selectOption({ label: "In progress" });
  const target = speaking.getByRole("textbox", { name: "Target date" });
  await target.fill("2031-05-30");
  await target.blur();
  await expect(target).toHaveValue("May 30, 2031");

  // Progress comes from the action steps.
  await expect(speaking.getByText("No action steps yet")).toBeVisible();
  for (const [index, title] of ["Give a lightning talk", "Submit a talk"].entries()) {
    await speaking.getByRole("button", { name: /^Add action step/ }).click();
    await speaking
      .getByRole("textbox", { name: `Action step ${index + 1}`, exact: true })
      .fill(title);
  }
  await speaking.getByRole("checkbox", { name: "Done: Give a lightning talk" }).check();
  await expect(speaking.getByRole("progressbar", { name: "1 of 2 steps done" })).toBeVisible();
  await expectSaved(p);

  // Reordering by keyboard: the moved goal keeps focus and the order is saved.
  await addGoal(p, 2, "Delegation");
  await expectSaved(p);
  const moveUp = p.getByRole("button", { name: "Move Goal 2: Delegation up" });
  await moveUp.focus();
  await p.keyboard.press("Enter");
  await expect(p.getByRole("group", { name: "Goal 1: Delegation" })).toBeVisible();
  await expect(p.getByRole("button", { name: "Move Goal 1: Delegation down" })).toBeFocused();
  await expect(p.getByRole("status").filter({ hasText: "moved to position 1" })).toHaveCount(1);
  await expect(p.getByRole("button", { name: "Move Goal 1: Delegation up" })).toBeDisabled();
  await p.reload();
  const moved = p.getByRole("group", { name: "Goal 2: Public speaking" });
  await expect(moved).toBeVisible();
  await expect(moved.getByRole("progressbar", { name: "1 of 2 steps done" })).toBeVisible();
  await expect(moved.getByRole("textbox", { name: "Target date" })).toHaveValue("May 30, 2031");
  return { ...me, planId };
}

async function energyJourney(page: Page, browser: import("@playwright/test").Browser) {
  const me = await member(page, browser);
  const planId = await createPlanThroughApi(me.page.request, { title: `Energy ${me.tag}` });
  const p = me.page;
  await p.goto(`/growth-plans/${planId}?step=energy`);
  const form = p.getByRole("form", { name: "Log your energy" });
  await expect(form).toBeVisible();
  // The log form comes before the handbook's tips.
  const formBox = await form.boundingBox();
  const tipsBox = await p
    .getByRole("complementary", { name: "Tips for Energy journal" })
    .boundingBox();
  expect(formBox && tipsBox && formBox.y < tipsBox.y).toBe(true);

  for (const [level, activity, tag] of [
    ["5 Energized", "Pairing with a new hire", "mentoring"],
    ["1 Drained", "Status meeting", "meetings"],
  ] as const) {
    await form.getByRole("radio", { name: level }).check();
    await form.getByRole("textbox", { name: "What were you doing?" }).fill(activity);
    const tags = form.getByRole("combobox", { name: "Tags (optional)" });
    await tags.fill(tag);
    await tags.press("Enter");
    await expect(form.getByText(tag, { exact: true })).toBeVisible();
    await form.getByRole("button", { name: "Log entry" }).click();
    await expect(p.getByRole("listitem").filter({ hasText: activity }).first()).toBeVisible();
    // Everything is cleared for the next entry, tags too.
    await expect(form.getByRole("textbox", { name: "What were you doing?" })).toHaveValue("");
    await expect(form.getByText(tag, { exact: true })).toHaveCount(0);
  }

  const summary = p.getByRole("region", { name: "What energizes and what drains you" });
  await expect(
    summary.getByRole("row", { name: /Pairing with a new hire 5\.0 \(1\) Energizes/ }),
  ).toBeVisible();
  await expect(
    summary.getByRole("row", { name: /Status meeting 1\.0 \(1\) Drains/ }),
  ).toBeVisible();
  const trend = p.getByRole("region", { name: "Your energy week by week" });
  await expect(
    trend.getByRole("img", { name: /Line chart of average energy per week/ }),
  ).toBeVisible();
  await expect(trend.getByRole("row", { name: /3\.0 \(2\)/ })).toBeVisible();

  await summary.getByRole("button", { name: /^Add to Section 1\W+Status meeting$/ }).click();
  await expect(
    summary.getByRole("button", { name: /^Added to Section 1\W+Status meeting$/ }),
  ).toBeDisabled();
  return { ...me, planId };
}

test.describe("journeys on a desktop", () => {
  test("goals: a card per goal, a target date, progress and keyboard reordering", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const me = await goalsJourney(page, browser);
    // The step list says which sections are filled in and how many comments are open.
    const steps = me.page.getByRole("navigation", { name: "Plan sections" });
    await expect(steps.getByRole("link", { name: /Set specific goals.*Filled in/ })).toBeVisible();
    await expect(steps.getByRole("link", { name: /Exploration.*Empty/ })).toBeVisible();
    const comment = await me.page.request.post(`/api/growth-plans/${me.planId}/comments`, {
      data: { section: "goals", body: "A note to self" },
    });
    expect(comment.status(), await comment.text()).toBe(201);
    await me.page.reload();
    await expect(
      steps.getByRole("link", { name: /Set specific goals.*1 open comment/ }),
    ).toBeVisible();
    const accomplishments = steps.getByRole("link", { name: /Accomplishments/ });
    const label = accomplishments.getByText("Accomplishments", { exact: true });
    const box = await label.boundingBox();
    expect(box && box.height < 30).toBe(true);
    await me.page.context().close();
  });

  test("energy: log, tags cleared, the weekly trend and Add to Section 1", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const me = await energyJourney(page, browser);
    await me.page.context().close();
  });
});

test.describe("journeys on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("goals on a phone", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const me = await goalsJourney(page, browser);
    const width = await me.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await me.page.context().close();
  });

  test("energy on a phone", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const me = await energyJourney(page, browser);
    const width = await me.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await me.page.context().close();
  });
});
