import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { uniqueTag } from "./fixtures/people.ts";

/** A spreadsheet of two roles and two competencies; line 5 asks for a level the scale lacks. */
const csv = [
  "family,role,level,track,department,competency,theme,expected_level,descriptor",
  "Engineering,Engineer,1,ic,Product,Testing,Craft,1,1: Tests with help; 2: Tests alone; 3: Teaches testing; 4: Sets the testing practice",
  "Engineering,Engineer,1,ic,Product,Code review,Craft,2,1: Reads reviews; 2: Reviews small changes; 3: Reviews any change; 4: Sets the review practice",
  "Engineering,Senior engineer,2,ic,Product,Testing,Craft,2,",
  "Engineering,Senior engineer,2,ic,Product,Code review,Craft,9,",
  "",
].join("\n");

/** No serious or critical WCAG 2.1 A/AA violation in what the page shows now (axe-core). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`,
    );
  expect(serious).toEqual([]);
}

async function createFramework(page: Page, name: string): Promise<string> {
  const created = await page.request.post("/api/career-frameworks", {
    data: { name, description: "Made by the admin journey." },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function openPart(page: Page, name: "Draft" | "Expectations grid" | "Publish and versions") {
  await page
    .getByRole("navigation", { name: "Parts of the framework" })
    .getByRole("link", { name, exact: true })
    .click();
}

async function publish(page: Page, summary: string, number: number) {
  await openPart(page, "Publish and versions");
  await page.getByRole("textbox", { name: "What changed" }).fill(summary);
  await page.getByRole("button", { name: `Publish version ${number}` }).click();
  await expect(page.getByText(`Version ${number} was published.`)).toBeVisible();
}

test("an admin imports a spreadsheet, sets an expectation by keyboard, publishes and exports", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const name = `Engineering ladder ${tag}`;
  const frameworkId = await createFramework(page, name);

  // Import: the preview lists the defect with its line, and the rest is imported.
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("group", { name: "Admin" })
    .getByRole("link", { name: "Career frameworks" })
    .click();
  await expect(page.getByRole("heading", { name: "Career frameworks", level: 1 })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Import", exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Import a career framework", level: 1 }),
  ).toBeVisible();
  await page.getByRole("combobox", { name: "Import into" }).selectOption(`The draft of ${name}`);
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "ladder.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await expect(page.getByRole("combobox", { name: "Format" })).toHaveValue("csv");
  await page.getByRole("button", { name: "Preview" }).click();
  const warnings = page.getByRole("alert").filter({ hasText: "1 problem found" });
  await expect(warnings).toBeVisible();
  await expect(warnings.getByRole("listitem")).toHaveText(
    'Line 5: expected_level "9" is not a level from 1 to 4; left out',
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: `Import into ${name}` }).click();
  await expect(page.getByText(`${name} was imported into a draft.`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/admin/career-frameworks/${frameworkId}$`));
  await publish(page, "The engineering ladder, from the spreadsheet.", 1);

  // The grid: focus a cell, move with the arrow keys, type a level.
  await openPart(page, "Expectations grid");
  const grid = page.getByRole("grid", { name: "Expected level of each role in each competency" });
  await grid.getByRole("gridcell", { name: "Engineer, Code review: 2 Developing" }).click();
  await page.keyboard.press("ArrowDown");
  const cell = grid.getByRole("gridcell", { name: /^Senior engineer, Code review: not expected/ });
  await expect(cell).toBeFocused();
  await page.keyboard.press("3");
  await expect(page.getByRole("status").filter({ hasText: "Every level is saved." })).toBeVisible();
  await expect(
    grid.getByRole("gridcell", { name: /^Senior engineer, Code review: 3/ }),
  ).toHaveCount(1);

  // Publish with a change summary; the comparison lists the changed expectation.
  await publish(page, "Senior engineers now review code.", 2);
  await page
    .getByRole("row", { name: /^Version 2/ })
    .getByRole("button", {
      name: "Compare with version 1",
    })
    .click();
  await expect(page.getByText("Version 1 → Version 2: 1 change")).toBeVisible();
  await expect(page.getByText(/Senior engineer · Code review/)).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("row", { name: /^Version 2/ })).toContainText(
    "Senior engineers now review code.",
  );

  // Export version 2 as a spreadsheet.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export version 2 as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const exported = await readFile(await download.path(), "utf8");
  expect(exported).toContain("Senior engineer");
  expect(exported).toMatch(/Senior engineer,2,ic,Product,Code review,Craft,3/);
});

test("two admins saving the same draft: the second gets the conflict dialog", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const name = `Support ladder ${tag}`;
  const frameworkId = await createFramework(page, name);

  // The editor: another admin (a second browser context) saves while this page is open.
  await page.goto(`/admin/career-frameworks/${frameworkId}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await ensureAdminSignedIn(otherPage);
    await otherPage.goto(`/admin/career-frameworks/${frameworkId}`);
    await otherPage.getByRole("textbox", { name: "Description" }).first().fill("Theirs.");
    await otherPage.getByRole("button", { name: "Save draft" }).click();
    await expect(otherPage.getByText("The draft was saved.")).toBeVisible();
  } finally {
    await other.close();
  }
  await page.getByRole("textbox", { name: "Description" }).first().fill("Mine.");
  await page.getByRole("button", { name: "Save draft" }).click();
  const dialog = page.getByRole("dialog", { name: "The draft was changed elsewhere" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Theirs.");
  await expect(dialog).toContainText("Mine.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save mine over it" }).click();
  await expect(page.getByText("The draft was saved.")).toBeVisible();
  const draft = await (
    await page.request.get(`/api/career-frameworks/${frameworkId}/draft`)
  ).json();
  expect(draft.content.description).toBe("Mine.");

  // The grid: a quick edit through the API lands between loading the grid and typing in it.
  const imported = await page.request.post("/api/career-frameworks/import", {
    data: { format: "csv", content: csv, frameworkId },
  });
  expect(imported.ok(), await imported.text()).toBe(true);
  await page.goto(`/admin/career-frameworks/${frameworkId}/expectations`);
  const grid = page.getByRole("grid", { name: "Expected level of each role in each competency" });
  await expect(grid).toBeVisible();
  const loaded = await (
    await page.request.get(`/api/career-frameworks/${frameworkId}/draft`)
  ).json();
  const patched = await page.request.patch(
    `/api/career-frameworks/${frameworkId}/draft/expectations`,
    {
      data: {
        baseVersion: loaded.version,
        changes: [{ roleKey: "engineer", competencyKey: "testing", level: 2 }],
      },
    },
  );
  expect(patched.status(), await patched.text()).toBe(200);
  await grid.getByRole("gridcell", { name: /^Senior engineer, Code review/ }).click();
  await page.keyboard.press("4");
  const gridDialog = page.getByRole("dialog", { name: "The draft was changed elsewhere" });
  await expect(gridDialog).toBeVisible();
  await expect(gridDialog).toContainText("Senior engineer, Code review: 4");
  await expectAccessible(page);
  await gridDialog.getByRole("button", { name: "Save my 1 level on the newer draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Every level is saved." })).toBeVisible();
  const saved = await (
    await page.request.get(`/api/career-frameworks/${frameworkId}/draft`)
  ).json();
  const roles = saved.content.roles as { key: string; expectations: Record<string, number> }[];
  expect(roles.find((role) => role.key === "engineer")?.expectations.testing).toBe(2);
  expect(roles.find((role) => role.key === "senior-engineer")?.expectations["code-review"]).toBe(4);

  // Publishing: a draft saved after the page loaded is not published unseen.
  await openPart(page, "Publish and versions");
  await expect(page.getByRole("button", { name: "Publish version 1" })).toBeVisible();
  const beforePublish = await (
    await page.request.get(`/api/career-frameworks/${frameworkId}/draft`)
  ).json();
  const another = await page.request.patch(
    `/api/career-frameworks/${frameworkId}/draft/expectations`,
    {
      data: {
        baseVersion: beforePublish.version,
        changes: [{ roleKey: "engineer", competencyKey: "testing", level: 3 }],
      },
    },
  );
  expect(another.status(), await another.text()).toBe(200);
  await page.getByRole("textbox", { name: "What changed" }).fill("First version.");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The draft was saved again after this page loaded" }),
  ).toBeVisible();
  await expect(page.getByText(`Draft version ${beforePublish.version + 1} ·`)).toBeVisible();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByText("Version 1 was published.")).toBeVisible();
  const published = await (
    await page.request.get(`/api/career-frameworks/${frameworkId}/published`)
  ).json();
  expect(
    (published.content.roles as { key: string; expectations: Record<string, number> }[]).find(
      (role) => role.key === "engineer",
    )?.expectations.testing,
  ).toBe(3);
});

test("the server's field errors show on the fields they name", async ({ page }) => {
  test.setTimeout(60_000);
  await ensureAdminSignedIn(page);
  const name = `Design ladder ${uniqueTag()}`;
  const frameworkId = await createFramework(page, name);
  const imported = await page.request.post("/api/career-frameworks/import", {
    data: { format: "csv", content: csv, frameworkId },
  });
  expect(imported.ok(), await imported.text()).toBe(true);

  // What the form checks, the server checks again: send a document the form would not.
  await page.route(`**/api/career-frameworks/${frameworkId}/draft`, async (route) => {
    const request = route.request();
    if (request.method() !== "PUT") return route.fallback();
    const body = request.postDataJSON();
    body.content.roles[1].familyKey = "nowhere";
    await route.fallback({ postData: JSON.stringify(body) });
  });
  await page.goto(`/admin/career-frameworks/${frameworkId}`);
  // The first visit of a page loads its code, which takes a while on a busy machine.
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("textbox", { name: "Description" }).first().fill("Changed.");
  const answered = page.waitForResponse(
    (response) => response.url().endsWith("/draft") && response.request().method() === "PUT",
  );
  await page.getByRole("button", { name: "Save draft" }).click();
  const response = await answered;
  expect(response.status()).toBe(400);
  expect((await response.json()).error.fields).toEqual({
    "content.roles.1.familyKey": 'No job family has the key "nowhere"',
  });
  await expect(page.getByRole("tab", { name: /Roles/, selected: true })).toContainText("1 problem");
  const family = page
    .getByRole("tabpanel", { name: /Roles/ })
    .getByRole("combobox", { name: "Job family" })
    .nth(1);
  await expect(family).toHaveAttribute("aria-invalid", "true");
  await expect(family).toHaveAccessibleDescription(/No job family has the key "nowhere"/);
  await expectAccessible(page);
});

test("on a phone, the grid is filled in with the keyboard alone", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 375, height: 740 });
  await ensureAdminSignedIn(page);
  const frameworkId = await createFramework(page, `Phone ladder ${uniqueTag()}`);
  const imported = await page.request.post("/api/career-frameworks/import", {
    data: { format: "csv", content: csv, frameworkId },
  });
  expect(imported.ok(), await imported.text()).toBe(true);
  await page.goto(`/admin/career-frameworks/${frameworkId}/expectations`);
  const grid = page.getByRole("grid", { name: "Expected level of each role in each competency" });
  await expect(grid).toBeVisible({ timeout: 20_000 });

  // Tab reaches the grid's one cell in the tab order: the first.
  const first = grid.getByRole("gridcell", { name: "Engineer, Testing: 1 Learning" });
  for (let presses = 0; presses < 40; presses++) {
    if (await first.evaluate((cell) => cell === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(first).toBeFocused();
  await page.keyboard.press("End");
  await expect(grid.getByRole("gridcell", { name: /^Engineer, Code review/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const target = grid.getByRole("gridcell", { name: /^Senior engineer, Code review/ });
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  await page.keyboard.press("Home");
  await page.keyboard.press("4");
  await expect(
    grid.getByRole("gridcell", { name: /^Senior engineer, Testing: 4 Expert/ }),
  ).toBeVisible();
  // A digit moves on to the next competency; Delete clears it.
  await expect(target).toBeFocused();
  await page.keyboard.press("2");
  await page.keyboard.press("Delete");
  await expect(
    grid.getByRole("gridcell", { name: /^Senior engineer, Code review: not expected/ }),
  ).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Every level is saved." })).toBeVisible();
  const saved = await (
    await page.request.get(`/api/career-frameworks/${frameworkId}/draft`)
  ).json();
  const senior = (
    saved.content.roles as { key: string; expectations: Record<string, number> }[]
  ).find((role) => role.key === "senior-engineer");
  expect(senior?.expectations).toEqual({ testing: 4 });

  // Nothing but the grid's own scroller is wider than the phone.
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBe(0);
});
