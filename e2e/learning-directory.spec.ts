import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { seriousViolations } from "./fixtures/axe.ts";
import { createPlanThroughApi, signedInPerson } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

// A member finds a course in the learning directory, bookmarks it, and finds it again in their
// growth plan's Exploration section; the directory's pages pass axe in both themes and fit a phone.

async function member(page: Page, browser: import("@playwright/test").Browser) {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const person = await signedInPerson(browser, page.request, {
    name: `Lena ${tag}`,
    email: `lena.${tag}@example.com`,
  });
  const viewport = page.viewportSize();
  if (viewport) await person.page.setViewportSize(viewport);
  return { ...person, tag };
}

test("a member searches the directory, bookmarks a course and finds it in their plan", async ({
  page,
  browser,
}) => {
  const me = await member(page, browser);
  const planId = await createPlanThroughApi(me.page.request, { title: `Plan ${me.tag}` });
  await me.page.goto("/learning");
  await expect(
    me.page.getByRole("heading", { name: "Learning directory", level: 1 }),
  ).toBeVisible();
  await me.page.getByLabel("Search the directory").fill("crucial conversation");
  const course = me.page.getByRole("listitem").filter({
    has: me.page.getByRole("link", { name: "Crucial Conversations" }),
  });
  await expect(course).toBeVisible();
  await expect(me.page.getByText(/^\d+ resources?/)).toBeVisible();
  const bookmark = course.getByRole("button", { name: "Bookmark Crucial Conversations" });
  await expect(bookmark).toHaveAttribute("aria-pressed", "false");
  await bookmark.click();
  await expect(bookmark).toHaveAttribute("aria-pressed", "true");

  await me.page.getByRole("link", { name: "Crucial Conversations" }).click();
  await expect(
    me.page.getByRole("heading", { name: "Crucial Conversations", level: 1 }),
  ).toBeVisible();

  await me.page.goto(`/growth-plans/${planId}?step=exploration`);
  const bookmarks = me.page.getByRole("list", { name: "Bookmarked resources" });
  await expect(bookmarks.getByRole("link", { name: "Crucial Conversations" })).toBeVisible();
  await me.page.context().close();
});

test("the directory's filters narrow the results with their counts", async ({ page, browser }) => {
  const me = await member(page, browser);
  await me.page.goto("/learning");
  await me.page.getByRole("combobox", { name: "Kind" }).click();
  await me.page.getByRole("option", { name: /^Shadow program \(\d+\)$/ }).click();
  await expect(me.page.getByRole("link", { name: "CEO shadow program" })).toBeVisible();
  await expect(me.page.getByRole("link", { name: "Crucial Conversations" })).toBeHidden();
  await me.page.context().close();
});

test("the directory pages pass axe in both themes", async ({ page }) => {
  test.setTimeout(120_000);
  await ensureAdminSignedIn(page);
  const search = await page.request.get("/api/learning/resources?q=crucial");
  const { items } = (await search.json()) as { items: { id: string }[] };
  const problems = [
    ...(await seriousViolations(page, "/learning")),
    ...(await seriousViolations(page, `/learning/resources/${items[0]?.id}`)),
    ...(await seriousViolations(page, "/admin/learning")),
  ];
  expect(problems).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the directory pages fit the screen", async ({ page }) => {
    test.setTimeout(120_000);
    await ensureAdminSignedIn(page);
    const search = await page.request.get("/api/learning/resources?q=crucial");
    const { items } = (await search.json()) as { items: { id: string }[] };
    const problems: string[] = [];
    for (const path of ["/learning", `/learning/resources/${items[0]?.id}`, "/admin/learning"]) {
      problems.push(...(await seriousViolations(page, path)));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) problems.push(`${path}: ${overflow}px wider than the screen`);
    }
    expect(problems).toEqual([]);
  });
});
