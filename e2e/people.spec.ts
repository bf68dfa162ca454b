import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import {
  acceptInvitation,
  createPerson,
  invitePerson,
  memberPassword,
  uniqueTag,
} from "./fixtures/people.ts";

function csvFile(text: string) {
  return { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
}

function mainNavigation(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

test("an admin imports people, finds one, walks the org chart and deactivates them", async ({
  page,
  browser,
}) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const manager = { name: `Mona ${tag}`, email: `mona.${tag}@example.com` };
  const report = { name: `Rui ${tag}`, email: `rui.${tag}@example.com` };
  const header = "email,name,job_title,manager_email";

  await page.goto("/");
  await mainNavigation(page).getByRole("link", { name: "Import people (CSV)" }).click();
  await expect(page.getByRole("heading", { name: "Import people", level: 1 })).toBeVisible();
  await expect(page.getByText("Row numbers count the header as row 1").first()).toBeVisible();

  // The report's manager is misspelled: row 3 (the header is row 1) is rejected.
  await page
    .getByLabel("CSV file")
    .setInputFiles(
      csvFile(
        `${header}\n${manager.email},${manager.name},Head of Testing,\n${report.email},${report.name},Tester,mona.${tag}@example.org\n`,
      ),
    );
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText("1 row needs fixing")).toBeVisible();
  const rejectedRow = page.getByRole("row").filter({ hasText: report.email });
  await expect(rejectedRow.getByRole("cell").first()).toHaveText("3");
  await expect(rejectedRow).toContainText("Rejected");
  await expect(rejectedRow).toContainText("manager_email");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();

  await page
    .getByLabel("CSV file")
    .setInputFiles(
      csvFile(
        `${header}\n${manager.email},${manager.name},Head of Testing,\n${report.email},${report.name},Tester,${manager.email}\n`,
      ),
    );
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText("Every row can be imported")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported: 2 created, 0 updated, 0 unchanged")).toBeVisible();

  await mainNavigation(page).getByRole("link", { name: "People", exact: true }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill(report.name);
  await expect(page.getByRole("status").filter({ hasText: /^1 person$/ })).toBeVisible();
  await page.getByRole("link", { name: report.name }).click();
  await expect(page.getByRole("heading", { name: report.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: manager.name })).toBeVisible();

  await page.getByRole("link", { name: "Org chart" }).click();
  const chart = page.getByRole("navigation", { name: "Organization" });
  await chart.getByRole("link", { name: manager.name }).click();
  await expect(
    chart
      .getByRole("list", { name: `Direct reports of ${manager.name}` })
      .getByRole("link", { name: report.name }),
  ).toBeVisible();
  await chart.getByRole("link", { name: report.name }).click();
  await expect(chart.getByRole("link", { name: manager.name })).toBeVisible();
  await chart.getByRole("link", { name: "View profile" }).click();

  // Give the person a password through an invitation, accepted in their own browser.
  await page.getByRole("button", { name: "Invite" }).click();
  const inviteDialog = page.getByRole("dialog", { name: `Invite ${report.name}` });
  await inviteDialog.getByRole("button", { name: "Create invitation link" }).click();
  const invitationUrl = await inviteDialog
    .getByRole("textbox", { name: "Invitation link" })
    .inputValue();
  await inviteDialog.getByRole("button", { name: "Done" }).click();

  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(invitationUrl);
  await expect(invitee.getByRole("heading", { name: `Welcome, ${report.name}` })).toBeVisible();
  await invitee.getByRole("textbox", { name: "Password", exact: true }).fill(memberPassword);
  await invitee.getByRole("textbox", { name: "Confirm password" }).fill(memberPassword);
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee.getByRole("heading", { name: `Welcome, ${report.name}` })).toBeVisible();
  await expect(invitee).toHaveURL(/\/$/);

  await page.getByRole("button", { name: "Deactivate" }).click();
  const confirm = page.getByRole("dialog", { name: `Deactivate ${report.name}?` });
  await expect(confirm).toContainText("every session they have ends at once");
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();

  // Their open session has ended, and their password no longer works.
  await invitee.getByRole("link", { name: "account page" }).click();
  await expect(invitee).toHaveURL(/\/sign-in/);
  await invitee.getByLabel("Email").fill(report.email);
  await invitee.getByRole("textbox", { name: "Password", exact: true }).fill(memberPassword);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await inviteeContext.close();
});

test("a manager change that would close a reporting cycle is refused on its field", async ({
  page,
}) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const lead = `Lena ${tag}`;
  const engineer = `Omar ${tag}`;
  const leadId = await createPerson(page.request, { email: `lena.${tag}@example.com`, name: lead });
  await createPerson(page.request, {
    email: `omar.${tag}@example.com`,
    name: engineer,
    managerId: leadId,
  });

  await page.goto(`/people/${leadId}`);
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: `Edit ${lead}` });
  const managerField = dialog.getByRole("combobox", { name: "Manager" });
  await managerField.fill(engineer);
  await page.getByRole("option", { name: engineer }).click();
  await dialog.getByRole("textbox", { name: "Job title" }).fill("Engineering lead");
  await dialog.getByRole("button", { name: "Save changes" }).click();

  await expect(managerField).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Would create a reporting cycle", { exact: true })).toBeVisible();
  await expect(dialog.getByRole("alert")).toContainText(engineer);
});

test("a manager sees their team, and no administration", async ({ page, browser }) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const manager = { name: `Priya ${tag}`, email: `priya.${tag}@example.com` };
  const managerId = await createPerson(page.request, manager);
  await createPerson(page.request, {
    email: `tomas.${tag}@example.com`,
    name: `Tomás ${tag}`,
    jobTitle: "Designer",
    managerId,
  });
  const invitationUrl = await invitePerson(page.request, managerId);

  const managerContext = await browser.newContext({ baseURL: new URL(invitationUrl).origin });
  const managerPage = await managerContext.newPage();
  await acceptInvitation(managerPage.request, invitationUrl);
  await managerPage.goto("/");

  const navigation = mainNavigation(managerPage);
  await expect(navigation.getByRole("link", { name: "People", exact: true })).toBeVisible();
  await expect(navigation.getByRole("link", { name: "Manage people" })).toHaveCount(0);
  await navigation.getByRole("link", { name: "My team" }).click();
  await expect(managerPage.getByRole("heading", { name: "My team", level: 1 })).toBeVisible();
  await expect(managerPage.getByText("1 person reports to you directly.")).toBeVisible();
  await expect(
    managerPage.getByRole("listitem").getByRole("link", { name: `Tomás ${tag}` }),
  ).toBeVisible();

  // Administration pages are not there for members, even by address.
  await managerPage.goto("/admin/import");
  await expect(managerPage).toHaveURL(/\/$/);
  await managerContext.close();
});

test("the audit log shows who deactivated whom", async ({ page }) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const name = `Ines ${tag}`;
  const personId = await createPerson(page.request, { email: `ines.${tag}@example.com`, name });
  const deactivated = await page.request.post(`/api/people/${personId}/deactivate`, { data: {} });
  expect(deactivated.ok()).toBe(true);

  await page.goto("/admin/audit");
  await page.getByRole("combobox", { name: "Action" }).fill("Person deactivated");
  await page.getByRole("option", { name: "Person deactivated" }).click();
  const event = page.getByRole("row").filter({ hasText: name });
  await expect(event).toContainText("Person deactivated");
  await expect(event).toContainText("Ada Lovelace");
});

test("an invitation link that cannot be used says so", async ({ page }) => {
  await page.goto(`/invite/${"x".repeat(43)}`);
  await expect(
    page.getByRole("heading", { name: "This invitation cannot be used", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to sign in" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the directory lists people as cards that open their profile", async ({ page }) => {
    await ensureAdminSignedIn(page);
    const tag = uniqueTag();
    const name = `Kofi ${tag}`;
    await createPerson(page.request, {
      email: `kofi.${tag}@example.com`,
      name,
      jobTitle: "Analyst",
    });

    await page.goto(`/people?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("table")).toBeHidden();
    await page
      .getByRole("listitem")
      .filter({ hasText: "Analyst" })
      .getByRole("link", { name })
      .click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  });
});
