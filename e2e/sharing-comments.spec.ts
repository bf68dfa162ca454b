import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import {
  createPlanThroughApi,
  memberWithManager,
  signedInPerson,
} from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

/** A member, their manager and a colleague; the member has a plan with the default sharing. */
async function threePeople(browser: Browser, adminPage: Page, viewport?: ViewportSize) {
  await ensureAdminSignedIn(adminPage);
  const tag = uniqueTag();
  const { member, manager } = await memberWithManager(browser, adminPage.request, tag);
  const colleague = await signedInPerson(browser, adminPage.request, {
    name: `Lee ${tag}`,
    email: `lee.${tag}@example.com`,
  });
  for (const person of [member, manager, colleague]) {
    if (viewport) await person.page.setViewportSize(viewport);
  }
  const title = `Sharing plan ${tag}`;
  const planId = await createPlanThroughApi(member.page.request, {
    title,
    templateId: "ic-growing-in-role",
  });
  return { member, manager, colleague, planId, title };
}

type ViewportSize = { width: number; height: number };

async function noSideways(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

function journeys(viewport?: ViewportSize) {
  test("the owner shares with presets and the grid, and reads who sees what", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const { member, manager, colleague, planId } = await threePeople(browser, page, viewport);
    const me = member.page;
    await me.goto(`/growth-plans/${planId}?step=inspiration`);
    await me.getByRole("button", { name: "Sharing" }).click();
    const dialog = me.getByRole("dialog", { name: "Who can read this plan" });
    const summary = dialog.getByRole("region", { name: "Who sees what" });
    const managerCell = (section: string) =>
      dialog.getByRole("checkbox", {
        name: `${section} shared with your manager, ${manager.name}`,
      });

    // The defaults, in words.
    await expect(
      summary.getByText(
        `Your manager, ${manager.name}, sees everything but Section 1 and the energy journal.`,
      ),
    ).toBeVisible();
    await expect(summary.getByText("Only you see Section 1 and the energy journal.")).toBeVisible();
    await expect(managerCell("Section 2")).toBeChecked();
    await expect(managerCell("Section 1")).not.toBeChecked();

    // Presets: nothing, then the usual manager sharing back.
    const presets = dialog.getByRole("group", { name: "Presets" });
    await presets.getByRole("button", { name: "Share nothing" }).click();
    await expect(summary.getByText("Only you see this plan.")).toBeVisible();
    await expect(managerCell("Section 3")).not.toBeChecked();
    await presets
      .getByRole("button", { name: "Everything but Section 1 and the journal with my manager" })
      .click();
    await expect(managerCell("Section 3")).toBeChecked();
    await expect(managerCell("Energy journal")).not.toBeChecked();

    // A colleague, added once, gets Section 1 and the journal in their row.
    const picker = dialog.getByRole("combobox", { name: "Add a person" });
    await picker.fill(colleague.name);
    await me.getByRole("option", { name: colleague.name }).click();
    const colleagueCell = (section: string) =>
      dialog.getByRole("checkbox", { name: `${section} shared with ${colleague.name}` });
    await expect(colleagueCell("Section 1")).toBeFocused();
    await colleagueCell("Section 1").check();
    await colleagueCell("Energy journal").check();
    await expect(
      summary.getByText(`${colleague.name} sees Section 1 and the energy journal.`),
    ).toBeVisible();
    await expect(summary.getByText(/^Only you see/)).toHaveCount(0);
    if (viewport) await noSideways(me);
    await dialog.getByRole("button", { name: "Save sharing" }).click();
    await expect(dialog).toBeHidden();
    await expect(me.getByText(`Shared with ${colleague.name}`).first()).toBeVisible();

    // Saved: the dialog opens on the same grid, and the colleague reads exactly those two.
    await me.getByRole("button", { name: "Sharing" }).click();
    await expect(colleagueCell("Energy journal")).toBeChecked();
    await expect(colleagueCell("Section 2")).not.toBeChecked();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    const read = await colleague.page.request.get(`/api/growth-plans/${planId}`);
    expect(((await read.json()) as { access: { readableSections: string[] } }).access).toEqual(
      expect.objectContaining({ readableSections: ["inspiration", "energy"] }),
    );
    for (const person of [member, manager, colleague]) await person.page.context().close();
  });

  test("a manager comments with Add comment, the owner replies, resolves and reopens", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const { member, manager, colleague, planId, title } = await threePeople(
      browser,
      page,
      viewport,
    );
    await colleague.page.context().close();
    const boss = manager.page;
    const comment = `Which course first? ${uniqueTag()}`;
    const reply = `The coaching one, next month ${uniqueTag()}`;

    await boss.goto(`/growth-plans/${planId}`);
    await expect(boss.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    const bossComments = boss.getByRole("region", { name: "Comments on Section 3" });
    // No box is open until asked for.
    await expect(bossComments.getByRole("textbox")).toHaveCount(0);
    await bossComments.getByRole("button", { name: "Add comment" }).click();
    const box = bossComments.getByRole("textbox", { name: "Add a comment on Section 3" });
    await expect(box).toBeFocused();
    await box.fill(comment);
    await bossComments.getByRole("button", { name: "Post comment" }).click();
    await expect(bossComments.getByText(comment)).toBeVisible();
    await expect(bossComments.getByText("1 open")).toBeVisible();
    await expect(bossComments.getByRole("textbox")).toHaveCount(0);
    // Only the owner resolves.
    await expect(bossComments.getByRole("button", { name: /^Resolve/ })).toHaveCount(0);

    const me = member.page;
    await me.goto(`/growth-plans/${planId}?step=goals`);
    const comments = me.getByRole("region", { name: "Comments on Section 3" });
    await expect(comments.getByText(comment)).toBeVisible();
    await comments.getByRole("button", { name: `Reply to ${manager.name}` }).click();
    await comments.getByRole("textbox", { name: `Reply to ${manager.name}` }).fill(reply);
    await comments.getByRole("button", { name: "Post reply" }).click();
    const replies = comments.getByRole("list", { name: `Replies to ${manager.name}` });
    await expect(replies.getByText(reply)).toBeVisible();
    if (viewport) await noSideways(me);

    await comments.getByRole("button", { name: `Resolve the comment by ${manager.name}` }).click();
    await expect(comments.getByText("No open comments.")).toBeVisible();
    await comments.getByRole("button", { name: "Show 1 resolved" }).click();
    await expect(comments.getByText(/^Resolved .* by /)).toBeVisible();
    await comments.getByRole("button", { name: `Reopen the comment by ${manager.name}` }).click();
    await expect(comments.getByText("1 open")).toBeVisible();
    await expect(
      comments
        .getByRole("list", { name: "Open comments on Section 3" })
        .getByRole("list", { name: `Replies to ${manager.name}` })
        .getByText(reply),
    ).toBeVisible();

    // The manager is told of the reply, and the notification leads to it in the thread.
    await boss.goto("/notifications");
    await boss
      .getByRole("link", {
        name: `${member.name} replied on “Set specific goals” in their growth plan`,
      })
      .click();
    await expect(boss).toHaveURL(new RegExp(`/growth-plans/${planId}#comment-`));
    const landed = bossComments
      .getByRole("list", { name: `Replies to ${manager.name}` })
      .locator("[aria-current='true']");
    await expect(landed).toContainText(reply);
    await expect(landed).toBeFocused();
    const checked = await new AxeBuilder({ page: boss })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      checked.violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
    ).toEqual([]);
    await me.context().close();
    await boss.context().close();
  });
}

test.describe("sharing and comments", () => {
  journeys();

  test("a second tab saving sharing from an old version sees the sharing as it is, not overwriting it", async ({
    page,
    browser,
  }) => {
    const { member, manager, colleague, planId } = await threePeople(browser, page);
    const tabs = [member.page, await member.page.context().newPage()];
    const dialogs = [];
    for (const tab of tabs) {
      await tab.goto(`/growth-plans/${planId}?step=inspiration`);
      await tab.getByRole("button", { name: "Sharing" }).click();
      dialogs.push(tab.getByRole("dialog", { name: "Who can read this plan" }));
    }
    const [first, second] = dialogs as [(typeof dialogs)[0], (typeof dialogs)[0]];
    const managerCell = (dialog: typeof first, section: string) =>
      dialog.getByRole("checkbox", {
        name: `${section} shared with your manager, ${manager.name}`,
      });
    await expect(managerCell(second, "Section 2")).toBeChecked();

    // The first tab makes the plan private.
    await first
      .getByRole("group", { name: "Presets" })
      .getByRole("button", { name: "Share nothing" })
      .click();
    await first.getByRole("button", { name: "Save sharing" }).click();
    await expect(first).toBeHidden();

    // The second, read before that, would share the journal too: it is refused and shows the
    // sharing as it is now.
    await managerCell(second, "Energy journal").check();
    await second.getByRole("button", { name: "Save sharing" }).click();
    await expect(
      second.getByText(/changed in another window\. Nothing was overwritten/),
    ).toBeVisible();
    await expect(managerCell(second, "Section 2")).not.toBeChecked();
    await expect(managerCell(second, "Energy journal")).not.toBeChecked();
    const stored = await member.page.request.get(`/api/growth-plans/${planId}/sharing`);
    const sections = ((await stored.json()) as { sections: Record<string, { manager: boolean }> })
      .sections;
    expect(Object.values(sections).some((audience) => audience.manager)).toBe(false);

    // Made again on the current version, the change lands.
    await managerCell(second, "Section 2").check();
    await second.getByRole("button", { name: "Save sharing" }).click();
    await expect(second).toBeHidden();
    for (const person of [member, manager, colleague]) await person.page.context().close();
  });
});

test.describe("sharing and comments on a phone", () => {
  const phone = { width: 375, height: 812 };
  test.use({ viewport: phone });
  journeys(phone);
});
