import { expect, type Page, test } from "@playwright/test";
import { admin, ensureAdminSignedIn } from "./fixtures/admin.ts";

async function openUserMenu(page: Page) {
  await page.getByRole("button", { name: /account menu/i }).click();
}

// Needs the empty database the config's webServer starts with, so it lives in the file that
// runs first (files run alphabetically on one worker); every other test makes its own admin.
test("first run, sign out, wrong password, sign in, reload, sign out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();

  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("too short");
  await page.getByRole("button", { name: "Create administrator account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByRole("textbox", { name: "Password", exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Create administrator account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();

  await openUserMenu(page);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(admin.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");

  await page.getByRole("textbox", { name: "Password", exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();

  await openUserMenu(page);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("signing in returns to the page that asked for it", async ({ page }) => {
  await ensureAdminSignedIn(page);
  await page.context().clearCookies();

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?redirect=%2Faccount$/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
  await expect(page.getByText("This device")).toBeVisible();
  await expect(page.getByText("Administrator")).toBeVisible();
});

test("the theme toggle switches to dark", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", "dark");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", "dark");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the navigation opens from the burger", async ({ page }) => {
    await ensureAdminSignedIn(page);
    await page.goto("/account");
    const navigation = page.getByRole("navigation", { name: "Main" });
    const burger = page.getByRole("button", { name: "Toggle navigation" });
    await expect(burger).toHaveAttribute("aria-expanded", "false");
    await expect(navigation.getByRole("link", { name: "Home" })).not.toBeInViewport();

    await burger.click();
    await expect(burger).toHaveAttribute("aria-expanded", "true");
    await navigation.getByRole("link", { name: "Home" }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
    await expect(burger).toHaveAttribute("aria-expanded", "false");
  });
});
