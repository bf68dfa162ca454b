import { expect, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPerson, uniqueTag } from "./fixtures/people.ts";

test("an admin erases a person after the preview and the typed phrase", async ({ page }) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const name = `Elio ${tag}`;
  const email = `elio.${tag}@example.com`;
  const personId = await createPerson(page.request, { email, name });

  await page.goto(`/people/${personId}`);
  await page.getByRole("button", { name: "Erase this person…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("This cannot be undone.", { exact: false })).toBeVisible();
  const erase = dialog.getByRole("button", { name: "Erase", exact: true });
  const phrase = dialog.getByLabel(`Type “ERASE ${email}” to confirm`);
  await phrase.fill("ERASE someone else");
  await expect(erase).toBeDisabled();
  await phrase.fill(`ERASE ${email}`);
  await erase.click();
  await expect(page.getByText("Their data is erased.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Erased person", level: 1 })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});

test("the data retention page previews what would be deleted", async ({ page }) => {
  await ensureAdminSignedIn(page);
  await page.goto("/admin/retention");
  await expect(page.getByRole("heading", { name: "Data retention", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Preview what would be deleted" }).click();
  await expect(page.getByText(/Audit log entries: \d+/)).toBeVisible();
});
