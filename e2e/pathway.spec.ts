import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createMemberAndManager, signedInPage } from "./fixtures/pathway.ts";
import { uniqueTag } from "./fixtures/people.ts";

// Titles of the shipped default pathway (the GitLab handbook page), Year 1 Q2.
// The demo company (loaded by the accessibility journey) names itself in place of GitLab.
const licenseTitle =
  "Sign up for a LinkedIn Learning license with the (GitLab|Northwind) company account";
const licenseItem = new RegExp(`^${licenseTitle}$`);
const liveLearningItem = "Attend one Live Learning session found on the L&D calendar";

function thisQuarter(page: Page) {
  return page.getByRole("region", { name: /^This quarter: Year 1, Q2/ });
}

test("a member ticks off, hides and adds pathway items, and their manager sees the progress", async ({
  page,
  browser,
}) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const { manager, member } = await createMemberAndManager(page.request, tag);
  const memberPage = await signedInPage(browser, page.request, member.id);

  await memberPage.goto("/");
  const card = memberPage.getByRole("region", { name: /Year 1 · Q2 — 0 of 3 done/ });
  await expect(card).toBeVisible();
  await card.getByRole("link", { name: "Open your pathway" }).click();

  await expect(memberPage.getByRole("heading", { name: "My pathway", level: 1 })).toBeVisible();
  await expect(memberPage.getByText("Year 1 · Q2", { exact: true })).toBeVisible();
  const quarter = thisQuarter(memberPage);
  await expect(quarter.getByText("0 of 3 done", { exact: true })).toBeVisible();

  // Mark done with evidence, from the row's details; a link that is not http(s) is refused on
  // its field first.
  const license = quarter.getByRole("listitem", { name: licenseItem });
  await license.getByRole("button", { name: "Details" }).click();
  const doneForm = license.getByRole("form", {
    name: new RegExp(`^When you did “${licenseTitle}”$`),
  });
  await expect(doneForm.getByRole("textbox", { name: "Date done" })).not.toHaveValue("");
  const evidence = doneForm.getByRole("textbox", { name: "Evidence link" });
  await evidence.fill("ftp://files.example.com/certificate.pdf");
  await doneForm.getByRole("button", { name: "Mark done" }).click();
  await expect(evidence).toHaveAttribute("aria-invalid", "true");
  await expect(doneForm.getByText("Use an http:// or https:// address")).toBeVisible();
  await evidence.fill("https://files.example.com/certificate.pdf");
  await doneForm.getByRole("textbox", { name: "Note" }).fill("Licence activated.");
  await doneForm.getByRole("button", { name: "Mark done" }).click();
  await expect(doneForm).toBeHidden();
  await expect(license.getByText("Done", { exact: true })).toBeVisible();
  await license.getByRole("button", { name: "Details" }).click();
  await expect(license.getByRole("link", { name: "Evidence" })).toHaveAttribute(
    "href",
    "https://files.example.com/certificate.pdf",
  );
  await expect(quarter.getByText("1 of 3 done", { exact: true })).toBeVisible();

  // Hide one, with a reason: it leaves the count.
  const liveLearning = quarter.getByRole("listitem", { name: liveLearningItem });
  await liveLearning.getByRole("button", { name: "Details" }).click();
  await liveLearning.getByRole("button", { name: "Hide" }).click();
  const hideDialog = memberPage.getByRole("dialog", { name: `Hide “${liveLearningItem}”` });
  await hideDialog.getByRole("textbox", { name: "Reason" }).fill("Sessions clash with my shifts");
  await hideDialog.getByRole("button", { name: "Hide item" }).click();
  await expect(hideDialog).toBeHidden();
  await expect(liveLearning.getByText("Hidden: Sessions clash with my shifts")).toBeVisible();
  await expect(quarter.getByText("1 of 2 done · 1 hidden", { exact: true })).toBeVisible();

  // Add their own item to this quarter.
  const ownTitle = `Pair with a staff engineer ${tag}`;
  await memberPage.getByRole("button", { name: "Add your own item" }).click();
  const addDialog = memberPage.getByRole("dialog", { name: "Add your own item" });
  await expect(addDialog.getByRole("combobox", { name: "Stage" })).toHaveValue("y1q2");
  await addDialog.getByRole("textbox", { name: "Title" }).fill(ownTitle);
  await addDialog
    .getByRole("textbox", { name: "Description" })
    .fill("Two sessions on [code review](https://example.com/review).");
  await addDialog.getByRole("button", { name: "Add item" }).click();
  await expect(addDialog).toBeHidden();
  const own = quarter.getByRole("listitem", { name: ownTitle });
  await expect(own.getByText("Your own")).toBeVisible();
  await own.getByRole("button", { name: "Details" }).click();
  await expect(own.getByRole("link", { name: "code review" })).toBeVisible();
  await expect(quarter.getByText("1 of 3 done · 1 hidden", { exact: true })).toBeVisible();

  // The past quarter's items were never done: they are called out.
  await expect(memberPage.getByText(/items? left behind in past quarters/)).toBeVisible();

  // The home card follows.
  await memberPage
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Home" })
    .click();
  await expect(memberPage.getByRole("region", { name: /Year 1 · Q2 — 1 of 3 done/ })).toBeVisible();

  // The manager reads the same progress from their team, and cannot change it.
  const managerPage = await signedInPage(browser, page.request, manager.id);
  await managerPage.goto("/team");
  await managerPage
    .getByRole("listitem")
    .filter({ hasText: member.name })
    .getByRole("link", { name: "Pathway", exact: true })
    .click();
  await expect(
    managerPage.getByRole("heading", { name: `Pathway of ${member.name}`, level: 1 }),
  ).toBeVisible();
  const managerQuarter = thisQuarter(managerPage);
  await expect(managerQuarter.getByText("1 of 3 done · 1 hidden", { exact: true })).toBeVisible();
  await expect(
    managerQuarter.getByRole("listitem", { name: licenseItem }).getByText("Done", { exact: true }),
  ).toBeVisible();
  await expect(managerQuarter.getByRole("listitem", { name: ownTitle })).toBeVisible();
  await expect(managerPage.getByRole("button", { name: "Mark done" })).toHaveCount(0);
  await expect(managerPage.getByRole("button", { name: "Add your own item" })).toHaveCount(0);

  await memberPage.context().close();
  await managerPage.context().close();
});

test("a member marks an item not done again and shows a hidden item again", async ({
  page,
  browser,
}) => {
  await ensureAdminSignedIn(page);
  const { member } = await createMemberAndManager(page.request, uniqueTag());
  const memberPage = await signedInPage(browser, page.request, member.id);
  await memberPage.goto("/pathway");

  const quarter = thisQuarter(memberPage);
  const license = quarter.getByRole("listitem", { name: licenseItem });
  await license.getByRole("button", { name: "Mark done" }).click();
  await expect(quarter.getByText("1 of 3 done", { exact: true })).toBeVisible();
  await expect(license.getByRole("button", { name: "Mark done" })).toHaveCount(0);
  await license.getByRole("button", { name: "Details" }).click();
  await license.getByRole("button", { name: "Mark not done" }).click();
  await expect(quarter.getByText("0 of 3 done", { exact: true })).toBeVisible();
  await expect(license.getByRole("button", { name: "Mark done" }).first()).toBeVisible();

  const liveLearning = quarter.getByRole("listitem", { name: liveLearningItem });
  await liveLearning.getByRole("button", { name: "Details" }).click();
  await liveLearning.getByRole("button", { name: "Hide" }).click();
  await memberPage.getByRole("dialog").getByRole("button", { name: "Hide item" }).click();
  await expect(quarter.getByText("0 of 2 done · 1 hidden", { exact: true })).toBeVisible();
  await liveLearning.getByRole("button", { name: "Unhide" }).click();
  await expect(quarter.getByText("0 of 3 done", { exact: true })).toBeVisible();
  await memberPage.context().close();
});

test("an admin imports a pathway page with a defect, sees the warning's line, and saves it", async ({
  page,
}) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const name = `Pathway for testers ${tag}`;
  const markdown = [
    "---",
    `title: ${name}`,
    "---",
    "",
    "## Year 1",
    "",
    "### Q1",
    "",
    "1. Read the [testing guide](/handbook/testing/).",
    "1. Join the [Elevate]](/handbook/elevate/) program.",
    "",
    "### Q3",
    "",
    "1. Shadow a release.",
    "",
  ].join("\n");

  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Pathway templates" })
    .click();
  await expect(page.getByRole("heading", { name: "Pathway templates", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "CC BY-SA 4.0" }).first(),
  ).toBeVisible();
  await page.getByRole("link", { name: "Import pathway (Markdown)" }).click();

  await page.getByRole("textbox", { name: "Markdown" }).fill(markdown);
  await page.getByRole("button", { name: "Preview" }).click();
  const warnings = page.getByRole("alert").filter({ hasText: "problems found" });
  await expect(warnings).toContainText("Line 10:");
  await expect(warnings).toContainText('Link "Elevate" has a stray "]"');
  await expect(warnings).toContainText("Year 1 has no Q2");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("2 stages, 3 items");
  await expect(preview.getByRole("listitem", { name: "Year 1, Q1" })).toContainText(
    "Join the Elevate program",
  );

  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  // Reorder with the keyboard-reachable buttons, then export.
  const stage = page.getByRole("region", { name: "Year 1, Q1", exact: true });
  await stage.getByRole("button", { name: "Move “Join the Elevate program” up" }).click();
  await expect(stage.getByRole("listitem").first()).toHaveAccessibleName(
    "Join the Elevate program",
  );
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the pathway fits the screen", async ({ page, browser }) => {
    await ensureAdminSignedIn(page);
    const { member } = await createMemberAndManager(page.request, uniqueTag());
    const phone = await signedInPage(browser, page.request, member.id);
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto("/pathway");
    await expect(thisQuarter(phone)).toBeVisible();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.context().close();
  });
});
