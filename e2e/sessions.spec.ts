import { expect, test } from "@playwright/test";
import { admin, ensureAdminSignedIn } from "./fixtures/admin.ts";

test("a wrong current password is reported on its field", async ({ page }) => {
  await ensureAdminSignedIn(page);
  await page.goto("/account");

  const form = page.getByRole("region", { name: "Change password" });
  await form.getByRole("textbox", { name: "Current password" }).fill("not my password at all");
  await form.getByRole("textbox", { name: "New password" }).fill("a brand new long password");
  await form.getByRole("button", { name: "Change password" }).click();

  await expect(form.getByRole("textbox", { name: "Current password" })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
});

test("sign out everywhere ends this session too", async ({ page }) => {
  await ensureAdminSignedIn(page);
  await page.goto("/account");

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out everywhere?" });
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();

  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a session that ended elsewhere sends you to sign in, then back", async ({ page }) => {
  await ensureAdminSignedIn(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();

  await page.context().clearCookies();
  await page.getByRole("link", { name: "account page" }).click();

  await expect(page).toHaveURL(/\/sign-in\?redirect=%2Faccount$/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
});

test("an unreachable server is explained, with a way to try again", async ({ page }) => {
  await page.route("**/api/setup", (route) => route.abort("connectionrefused"));
  await page.goto("/");

  await expect(page.getByRole("alert")).toContainText("Could not reach Trellis");
  await page.unroute("**/api/setup");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toBeHidden();
});
