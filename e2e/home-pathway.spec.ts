import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPlanThroughApi } from "./fixtures/growth-plans.ts";
import { createMemberAndManager, signedInPage } from "./fixtures/pathway.ts";
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
async function memberSharingWithManager(page: Page, browser: import("@playwright/test").Browser) {
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
