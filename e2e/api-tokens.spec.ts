import { expect, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { signedInPerson } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

test("an administrator issues a SCIM token and sees it once", async ({ page }) => {
  await ensureAdminSignedIn(page);
  const name = `Identity provider ${uniqueTag()}`;
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { name: "API and SCIM tokens", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Create a SCIM token" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create SCIM token" }).click();

  const shown = page.getByRole("textbox", { name: "Your new token" });
  await expect(shown).toHaveValue(/^trl_scim_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  await expect(page.getByText("it is shown only once")).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("listitem").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByText("SCIM", { exact: true })).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(shown).toHaveCount(0);
});

test("a person creates a personal token that reads the API but not their account", async ({
  page,
  browser,
  request,
}) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const person = await signedInPerson(browser, page.request, {
    name: `Tess ${tag}`,
    email: `tess.${tag}@example.com`,
  });
  const me = person.page;
  await me.goto("/account");
  const section = me.getByRole("region", { name: "API tokens" });
  await section.getByRole("textbox", { name: "Name" }).fill("Directory script");
  await section.getByRole("combobox", { name: "Scopes" }).click();
  await me.getByRole("option", { name: "people:read", exact: true }).click();
  await me.keyboard.press("Escape");
  await section.getByRole("button", { name: "Create token" }).click();

  const shown = section.getByRole("textbox", { name: "Your new token" });
  await expect(shown).toHaveValue(/^trl_pat_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  await section.getByRole("button", { name: "Done" }).click();
  await expect(section.getByRole("listitem").filter({ hasText: "Directory script" })).toBeVisible();

  // A script: no cookie, only the token.
  const authorization = `Bearer ${token}`;
  const people = await request.get("/api/people", { headers: { authorization } });
  expect(people.status(), await people.text()).toBe(200);
  const account = await request.get("/api/account/tokens", { headers: { authorization } });
  expect(account.status()).toBe(403);
  expect(((await account.json()) as { error: { message: string } }).error.message).toContain(
    "API tokens cannot",
  );

  // Revoked from the account page, it stops working.
  await section.getByRole("button", { name: "Revoke Directory script" }).click();
  await me.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(section.getByText("Revoked", { exact: true })).toBeVisible();
  const after = await request.get("/api/people", { headers: { authorization } });
  expect(after.status()).toBe(401);
});
