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

test("a SCIM request deactivates a signed-in person; their next page load asks them to sign in", async ({
  page,
  browser,
  request,
}) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  await page.goto("/admin/tokens");
  const form = page.getByRole("form", { name: "Create a SCIM token" });
  await form.getByLabel("Name").fill(`Directory sync ${tag}`);
  await form.getByRole("button", { name: "Create SCIM token" }).click();
  const shown = page.getByRole("textbox", { name: "Your new token" });
  await expect(shown).toHaveValue(/^trl_scim_/);
  const token = await shown.inputValue();
  await page.getByRole("button", { name: "Done" }).click();

  const person = await signedInPerson(browser, page.request, {
    name: `Noor ${tag}`,
    email: `noor.${tag}@example.com`,
  });
  await person.page.goto("/");
  await expect(person.page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();

  // The identity provider, with only the SCIM token.
  const found = await request.get(
    `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "noor.${tag}@example.com"`)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(found.status(), await found.text()).toBe(200);
  const list = (await found.json()) as { totalResults: number; Resources: { id: string }[] };
  expect(list.totalResults).toBe(1);
  expect(list.Resources[0]?.id).toBe(person.id);
  const patched = await request.patch(`/scim/v2/Users/${person.id}`, {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    data: JSON.stringify({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "active", value: false }],
    }),
  });
  expect(patched.status(), await patched.text()).toBe(200);
  expect(((await patched.json()) as { active: boolean }).active).toBe(false);

  await person.page.reload();
  await expect(person.page).toHaveURL(/\/sign-in/);
});
