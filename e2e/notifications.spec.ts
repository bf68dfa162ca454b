import { expect, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPlanThroughApi, memberWithManager } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

test("a manager's comment reaches the member's open page, and its notification leads to it", async ({
  page,
  browser,
}) => {
  // The badge polls every 15 seconds: allow for a poll or two.
  test.setTimeout(120_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const { member, manager } = await memberWithManager(browser, page.request, tag);
  const me = member.page;
  const planId = await createPlanThroughApi(me.request, { title: `Plan ${tag}` });

  // The member's page stays open, never reloaded, from here on.
  await me.goto("/");
  const navigation = me.getByRole("navigation", { name: "Main" });
  const centre = navigation.getByRole("link", { name: /^Notifications/ });
  await expect(centre).toHaveAccessibleName("Notifications");

  // The manager comments on the goals, which the plan shares with the manager.
  const boss = manager.page;
  await boss.goto(`/growth-plans/${planId}`);
  const comment = `Let us pick one goal first ${tag}.`;
  const bossComments = boss.getByRole("region", { name: "Comments on Section 3" });
  await bossComments.getByRole("button", { name: "Add comment" }).click();
  await bossComments.getByRole("textbox", { name: "Add a comment on Section 3" }).fill(comment);
  await bossComments.getByRole("button", { name: "Post comment" }).click();
  await expect(boss.getByText(comment)).toBeVisible();

  // The count arrives by polling, without a reload.
  await expect(centre).toHaveAccessibleName("Notifications 1 unread", { timeout: 45_000 });
  await expect(me.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();

  await centre.click();
  await expect(me.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const notice = me.getByRole("link", {
    name: `${manager.name} commented on “Set specific goals” in your growth plan`,
  });
  await expect(notice).toBeVisible();
  // The title never carries the comment's words.
  await expect(me.getByText(comment)).toHaveCount(0);
  await notice.click();

  // It lands on the comment itself, in view and focused, and counts as read.
  await expect(me).toHaveURL(new RegExp(`/growth-plans/${planId}\\?step=goals#comment-`));
  const landed = me.locator("[aria-current='true']");
  await expect(landed).toContainText(comment);
  await expect(landed).toBeFocused();
  await expect(landed).toBeInViewport();
  await expect(centre).toHaveAccessibleName("Notifications");
});
