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
