import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { seriousViolations } from "./fixtures/axe.ts";
import { createMemberAndManager, signedInPage } from "./fixtures/pathway.ts";
import { uniqueTag } from "./fixtures/people.ts";

/** An amount as the page prints it: Intl.NumberFormat in the browser's own locale. */
function printed(page: Page, amountMinor: number, currency = "EUR"): Promise<string> {
  return page.evaluate(
    ([minor, code]) =>
      new Intl.NumberFormat(undefined, { style: "currency", currency: String(code) }).format(
        Number(minor) / 100,
      ),
    [amountMinor, currency] as const,
  );
}

function today(): string {
  const date = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const budgetRow = (page: Page, label: string) =>
  page.getByRole("table", { name: /^Budget / }).getByRole("row", { name: new RegExp(`^${label}`) });

async function phoneOverflow(page: Page, path: string): Promise<string[]> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  return overflow > 0 ? [`${path}: ${overflow}px wider than a phone screen`] : [];
}

test("a member requests a benefit that the manager and L&D approve, and the budget changes", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const { manager, member } = await createMemberAndManager(page.request, tag);

  // L&D sets a yearly €1,500 per person, the fiscal year starting on 1 January.
  await page.goto("/admin/benefits");
  const settings = page.getByRole("form", { name: "Benefit settings" });
  await settings.getByRole("textbox", { name: "Yearly amount per person" }).fill("1500");
  await settings.getByRole("textbox", { name: "Currency (ISO 4217)" }).fill("EUR");
  await settings
    .getByRole("combobox", { name: "Fiscal year starts in" })
    .selectOption({ label: "January" });
  await settings.getByRole("textbox", { name: "On day" }).fill("1");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("textbox", { name: "Currency (ISO 4217)" })).toHaveValue("EUR");
  await expect(settings.getByRole("textbox", { name: "Yearly amount per person" })).toHaveValue(
    "1500.00",
  );

  // The member sees the whole budget and asks for €450.
  const memberPage = await signedInPage(browser, page.request, member.id);
  await memberPage.goto("/learning/benefit");
  await expect(
    memberPage.getByRole("heading", { name: "Growth and development benefit", level: 1 }),
  ).toBeVisible();
  await expect(budgetRow(memberPage, "Remaining")).toContainText(
    await printed(memberPage, 150_000),
  );
  const form = memberPage.getByRole("form", { name: "New benefit request" });
  const title = `Negotiation masterclass ${tag}`;
  await form.getByRole("textbox", { name: "What" }).fill(title);
  await form.getByRole("textbox", { name: "Provider" }).fill("Open University");
  await form.getByRole("textbox", { name: "Link" }).fill("https://example.com/negotiation");
  await form.getByRole("textbox", { name: "Cost (EUR)" }).fill("450");
  const starts = form.getByRole("textbox", { name: "Starts on" });
  await starts.fill(today());
  await starts.blur();
  await form.getByRole("button", { name: "Submit request" }).click();
  await expect(memberPage).toHaveURL(/\/learning\/benefit\/requests\/[0-9a-f-]{36}$/);
  const requestPath = new URL(memberPage.url()).pathname;
  await expect(memberPage.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(memberPage.getByText("Status: Waiting for the manager")).toBeVisible();

  // The manager finds it among their reports' requests and approves it with a note.
  const managerPage = await signedInPage(browser, page.request, manager.id);
  await managerPage.goto("/learning/benefit");
  await managerPage
    .getByRole("table", { name: "Requests of my reports" })
    .getByRole("link", { name: title })
    .click();
  const byManager = managerPage.getByRole("form", { name: "Manager decision" });
  await byManager.getByRole("combobox", { name: "Decision" }).selectOption({ label: "Approve" });
  await byManager.getByRole("textbox", { name: "Note to the requester" }).fill("Go for it");
  await byManager.getByRole("button", { name: "Save manager decision" }).click();
  await expect(managerPage.getByText("Status: Waiting for L&D")).toBeVisible();

  // L&D approves it from the queue.
  await page.goto("/admin/benefits");
  await page
    .getByRole("table", { name: "Open requests" })
    .getByRole("link", { name: title })
    .click();
  const byLd = page.getByRole("form", { name: "L&D decision" });
  await byLd.getByRole("button", { name: "Save L&D decision" }).click();
  await expect(page.getByText("Status: Approved")).toBeVisible();

  // The member's budget now holds it as committed.
  await memberPage.goto("/learning/benefit");
  await expect(budgetRow(memberPage, "Committed")).toContainText(await printed(memberPage, 45_000));
  await expect(budgetRow(memberPage, "Remaining")).toContainText(
    await printed(memberPage, 105_000),
  );
  await expect(
    memberPage
      .getByRole("table", { name: "My requests" })
      .getByRole("row", { name: new RegExp(title) }),
  ).toContainText("Approved");

  // Every page of the benefit passes axe in both themes and fits a phone.
  const problems = [
    ...(await seriousViolations(memberPage, "/learning/benefit")),
    ...(await seriousViolations(memberPage, requestPath)),
    ...(await seriousViolations(managerPage, requestPath)),
    ...(await seriousViolations(page, "/admin/benefits")),
    ...(await phoneOverflow(memberPage, "/learning/benefit")),
    ...(await phoneOverflow(memberPage, requestPath)),
    ...(await phoneOverflow(page, "/admin/benefits")),
  ];
  expect(problems).toEqual([]);
});
