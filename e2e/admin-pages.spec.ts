import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { uniqueTag } from "./fixtures/people.ts";

const adminMenu = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("group", { name: "Admin" });

async function openPathwayTemplates(page: Page) {
  await page.goto("/");
  await adminMenu(page).getByRole("link", { name: "Pathway templates" }).click();
  await expect(page.getByRole("heading", { name: "Pathway templates", level: 1 })).toBeVisible();
}

const templateList = (page: Page) =>
  page
    .getByRole("main")
    .getByRole("list")
    .filter({ has: page.getByRole("link") })
    .first();

test.describe("pathway templates", () => {
  test("importing the default's page gives the copy a name of its own", async ({ page }) => {
    await ensureAdminSignedIn(page);
    const list = await (await page.request.get("/api/pathway-templates")).json();
    const fallback = (list.templates as { id: string; name: string; isDefault: boolean }[]).find(
      (template) => template.isDefault,
    );
    if (!fallback) throw new Error("The default template is missing");
    const markdown = await (
      await page.request.get(`/api/pathway-templates/${fallback.id}/export.md`)
    ).text();

    await openPathwayTemplates(page);
    await page.getByRole("link", { name: /^Import.*Markdown/ }).click();
    await page.getByRole("textbox", { name: "Markdown" }).fill(markdown);
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview).toContainText("Nothing has been saved yet");
    await page.getByRole("button", { name: "Save as template" }).click();
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).not.toHaveText("Import a pathway page");
    await expect(heading).not.toHaveText(fallback.name);
    const savedName = (await heading.textContent()) ?? "";
    expect(savedName).toContain(fallback.name);

    await openPathwayTemplates(page);
    const names = await templateList(page)
      .getByRole("listitem")
      .evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
    expect(names.filter((name) => name === fallback.name)).toHaveLength(1);
    expect(names.filter((name) => name === savedName)).toHaveLength(1);
  });

  test("the import preview says what will be imported, not what was", async ({ page }) => {
    await ensureAdminSignedIn(page);
    const markdown = [
      "---",
      `title: Preview wording ${uniqueTag()}`,
      "---",
      "",
      "## Year 1",
      "",
      "### Q1",
      "",
      "1. Join the [Elevate]](/handbook/elevate/) program.",
      "",
    ].join("\n");
    await openPathwayTemplates(page);
    await page.getByRole("link", { name: /^Import.*Markdown/ }).click();
    await page.getByRole("textbox", { name: "Markdown" }).fill(markdown);
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    const warnings = preview.getByRole("alert");
    await expect(warnings).toContainText(/problems? found/);
    await expect(warnings).toContainText("the rest will be imported");
    await expect(preview).not.toContainText("was imported");
    await expect(preview).toContainText("Nothing has been saved yet");
  });

  test("the default template counts the people who follow it by default", async ({ page }) => {
    await ensureAdminSignedIn(page);
    await openPathwayTemplates(page);
    const fallback = templateList(page)
      .getByRole("listitem")
      .filter({ has: page.getByText("Default", { exact: true }) });
    await expect(fallback).not.toContainText("0 assigned");
    await expect(fallback).toContainText(/\b[1-9]\d* (person follows|people follow) it/);
  });
});

test("the admin menu says what each people and import page is", async ({ page }) => {
  await ensureAdminSignedIn(page);
  await page.goto("/");
  const menu = adminMenu(page);
  await expect(menu.getByRole("link", { name: "People admin" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);
  await menu.getByRole("link", { name: "Manage people" }).click();
  await expect(page.getByRole("heading", { name: "Manage people", level: 1 })).toBeVisible();
  await menu.getByRole("link", { name: "Import people (CSV)" }).click();
  await expect(page.getByRole("heading", { name: "Import people", level: 1 })).toBeVisible();
  await openPathwayTemplates(page);
  await expect(page.getByRole("link", { name: "Import Markdown" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import pathway (Markdown)" })).toBeVisible();
});

/** A manager and two reports in a department of the test's own, created through the API. */
async function createDepartment(page: Page, tag: string) {
  const department = `Dept ${tag}`;
  const request = page.request;
  const post = async (data: Record<string, unknown>) => {
    const response = await request.post("/api/people", { data: { department, ...data } });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { person: { id: string } }).person.id;
  };
  const managerId = await post({ name: `Mara ${tag}`, email: `mara.${tag}@example.com` });
  await post({ name: `Arlo ${tag}`, email: `arlo.${tag}@example.com`, managerId });
  await post({
    name: `Bea ${tag}`,
    email: `bea.${tag}@example.com`,
    managerId,
    team: `Team ${tag}`,
  });
  return { department, managerId };
}

async function newTemplate(page: Page, name: string) {
  const created = await page.request.post("/api/pathway-templates", {
    data: { name, stages: ["y1q1", "y1q2"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const template = (await created.json()) as { id: string; stages: { id: string }[] };
  for (const title of ["First item", "Second item"]) {
    const added = await page.request.post(`/api/pathway-templates/${template.id}/items`, {
      data: { stageId: template.stages[0]?.id, title, description: `${title} of the quarter.` },
    });
    expect(added.ok(), await added.text()).toBe(true);
  }
  return template.id;
}

async function openManagePeople(page: Page, department: string) {
  await page.goto("/admin/people");
  await expect(page.getByRole("heading", { name: "Manage people", level: 1 })).toBeVisible();
  await page.getByRole("combobox", { name: "Department" }).click();
  await page.getByRole("option", { name: department, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 people" })).toBeVisible();
}

const peopleTable = (page: Page) => page.getByRole("table", { name: "People" });
const rowNames = (page: Page) =>
  peopleTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox") })
    .getByRole("link")
    .allTextContents();

function peopleJourneys() {
  test("the people table sorts, filters, assigns a template to the selection and deactivates it", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await ensureAdminSignedIn(page);
    const tag = uniqueTag();
    const { department, managerId } = await createDepartment(page, tag);
    const templateName = `Chosen path ${tag}`;
    const templateId = await newTemplate(page, templateName);
    await openManagePeople(page, department);

    for (const column of ["Role", "Status", "Manager", "Department", "Last sign-in"]) {
      await expect(peopleTable(page).getByRole("columnheader", { name: column })).toBeVisible();
    }
    const name = peopleTable(page).getByRole("columnheader", { name: "Name" });
    await expect(name).toHaveAttribute("aria-sort", "ascending");
    expect(await rowNames(page)).toEqual([`Arlo ${tag}`, `Bea ${tag}`, `Mara ${tag}`]);
    await name.getByRole("button").click();
    await expect(name).toHaveAttribute("aria-sort", "descending");
    await expect.poll(() => rowNames(page)).toEqual([`Mara ${tag}`, `Bea ${tag}`, `Arlo ${tag}`]);
    await expect(
      peopleTable(page).getByRole("row", { name: new RegExp(`Arlo ${tag}`) }),
    ).toContainText("Never");

    // Filter by manager: the two reports.
    await page.getByRole("combobox", { name: "Manager" }).click();
    await page.getByRole("option", { name: `Mara ${tag}`, exact: true }).click();
    await expect.poll(() => rowNames(page)).toEqual([`Bea ${tag}`, `Arlo ${tag}`]);

    // Select all on the page, assign the template to the selection.
    await peopleTable(page).getByRole("checkbox", { name: "Select everyone on this page" }).check();
    await expect(page.getByRole("toolbar", { name: "Bulk actions" })).toContainText(
      "2 people selected",
    );
    await page.getByRole("button", { name: "Assign pathway template" }).click();
    const dialog = page.getByRole("dialog", { name: "Assign a pathway template" });
    await dialog.getByRole("combobox", { name: "Pathway template" }).click();
    await page.getByRole("option", { name: templateName, exact: true }).click();
    await expect(dialog.getByRole("radio", { name: "The 2 people selected" })).toBeChecked();
    await dialog.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText(`2 people now follow ${templateName}.`)).toBeVisible();
    const detail = await (await page.request.get(`/api/pathway-templates/${templateId}`)).json();
    expect(detail.assignedCount).toBe(2);

    // Deactivate one of them.
    await peopleTable(page)
      .getByRole("checkbox", { name: `Select Arlo ${tag}` })
      .check();
    await page.getByRole("button", { name: "Deactivate selected" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate 1 person" }).click();
    await expect(page.getByText("1 person deactivated.")).toBeVisible();
    await expect(
      peopleTable(page).getByRole("row", { name: new RegExp(`Arlo ${tag}`) }),
    ).toContainText("Deactivated");
    const manager = await (await page.request.get(`/api/people/${managerId}`)).json();
    expect(manager.person.status).toBe("active");
  });

  test("a template is assigned to a whole department at once", async ({ page }) => {
    await ensureAdminSignedIn(page);
    const tag = uniqueTag();
    const { department } = await createDepartment(page, tag);
    const templateName = `Department path ${tag}`;
    const templateId = await newTemplate(page, templateName);
    await openManagePeople(page, department);
    await page.getByRole("button", { name: "Assign pathway template" }).click();
    const dialog = page.getByRole("dialog", { name: "Assign a pathway template" });
    await dialog.getByRole("combobox", { name: "Pathway template" }).click();
    await page.getByRole("option", { name: templateName, exact: true }).click();
    await expect(
      dialog.getByRole("radio", { name: "Everyone active in a department" }),
    ).toBeChecked();
    await dialog.getByRole("combobox", { name: "Department" }).click();
    await page.getByRole("option", { name: department, exact: true }).click();
    await dialog.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText(`3 people now follow ${templateName}.`)).toBeVisible();
    const detail = await (await page.request.get(`/api/pathway-templates/${templateId}`)).json();
    expect(detail.followerCount).toBe(3);
  });

  test("the template editor folds stages and reorders items from the keyboard", async ({
    page,
  }) => {
    await ensureAdminSignedIn(page);
    const name = `Folding path ${uniqueTag()}`;
    const templateId = await newTemplate(page, name);
    await page.goto(`/admin/pathway-templates/${templateId}`);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    const stage = page.getByRole("region", { name: "Year 1, Q1", exact: true });
    const fold = stage.getByRole("button", { name: "Year 1, Q1", exact: true });
    await expect(fold).toHaveAttribute("aria-expanded", "true");
    await expect(stage.getByRole("listitem")).toHaveCount(2);
    await fold.click();
    await expect(fold).toHaveAttribute("aria-expanded", "false");
    await expect(stage.getByRole("listitem", { name: "First item" })).toBeHidden();
    await fold.click();
    await expect(stage.getByRole("listitem", { name: "First item" })).toBeVisible();
    await page.getByRole("button", { name: "Fold all stages" }).click();
    await expect(fold).toHaveAttribute("aria-expanded", "false");
    await page.getByRole("button", { name: "Unfold all stages" }).click();
    await expect(fold).toHaveAttribute("aria-expanded", "true");
    await expect(stage.getByRole("listitem", { name: "First item" })).toBeVisible();

    const up = stage.getByRole("button", { name: "Move “Second item” up" });
    await up.focus();
    await page.keyboard.press("Enter");
    await expect(stage.getByRole("listitem").first()).toHaveAccessibleName("Second item");
    // At the top, focus stays with the moved item, on the button that still works.
    await expect(stage.getByRole("button", { name: "Move “Second item” down" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(stage.getByRole("listitem").first()).toHaveAccessibleName("First item");

    // The item dialog asks for the title first.
    await stage.getByRole("button", { name: "Add item" }).click();
    const dialog = page.getByRole("dialog");
    const fields = await dialog
      .getByRole("textbox")
      .evaluateAll((inputs) =>
        inputs.map(
          (input) =>
            input.getAttribute("aria-label") ??
            (input as HTMLInputElement).labels?.[0]?.textContent ??
            "",
        ),
      );
    expect(fields[0]).toContain("Title");
    expect(fields[1]).toContain("Description");
  });
}

test.describe("on a desktop", () => {
  peopleJourneys();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });
  peopleJourneys();

  test("the people page does not scroll sideways", async ({ page }) => {
    await ensureAdminSignedIn(page);
    await page.goto("/admin/people");
    await expect(page.getByRole("table", { name: "People" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
