import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPlanThroughApi, expectSaved } from "./fixtures/growth-plans.ts";
import { createMemberAndManager, signedInPage } from "./fixtures/pathway.ts";
import { uniqueTag } from "./fixtures/people.ts";

// The members of createMemberAndManager were hired five months ago: Year 1, Q2.
const thisStage = "y1q2";
const pathwayItem = "Have a career development conversation with your manager";

function notes(page: Page, topic: string) {
  return page.getByRole("textbox", { name: `Shared notes: ${topic}` });
}

function privateNote(page: Page) {
  return page.getByRole("textbox", { name: "Private note (only you can see this)" });
}

/** A calendar date as the page prints it (the reader's locale, the day itself). */
function printedDate(page: Page, isoDate: string): Promise<string> {
  return page.evaluate(
    (date) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${date}T00:00:00Z`),
      ),
    isoDate,
  );
}

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The member's own pathway item that a held conversation completes. */
async function addConversationItem(request: APIRequestContext, memberId: string) {
  const response = await request.post(`/api/people/${memberId}/pathway/custom-items`, {
    data: { stageKey: thisStage, title: pathwayItem, kind: "career_conversation" },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("a manager and a report hold a career conversation from the template to the pathway", async ({
  page,
  browser,
}) => {
  // Two people, two browsers at once, and every step of one conversation.
  test.setTimeout(180_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const { manager, member } = await createMemberAndManager(page.request, tag);
  const managerPage = await signedInPage(browser, page.request, manager.id);
  const memberPage = await signedInPage(browser, page.request, member.id);
  const planTitle = `Growing as a designer ${tag}`;
  const planId = await createPlanThroughApi(memberPage.request, { title: planTitle });
  await addConversationItem(memberPage.request, member.id);

  // The manager starts one for their report, from the default agenda, tomorrow at ten.
  await managerPage.goto("/");
  await managerPage
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Conversations" })
    .click();
  await expect(
    managerPage.getByRole("heading", { name: "Career conversations", level: 1 }),
  ).toBeVisible();
  await managerPage.getByRole("button", { name: "Start a conversation" }).click();
  const start = managerPage.getByRole("dialog", { name: "Start a career conversation" });
  await start
    .getByRole("combobox", { name: "With" })
    .selectOption({ label: `${member.name} (reports to you)` });
  await expect(start.getByRole("textbox", { name: "Date" })).not.toHaveValue("");
  await expect(start.getByRole("combobox", { name: "Agenda template" })).toHaveValue("");
  await expect(
    start.getByRole("combobox", { name: "Agenda template" }).locator("option:checked"),
  ).toHaveText(/\(default\)$/);
  await start.getByRole("button", { name: "Start conversation" }).click();
  await expect(managerPage).toHaveURL(/\/conversations\/[0-9a-f-]{36}$/);
  await expect(managerPage.getByText("Scheduled", { exact: true })).toBeVisible();
  await expect(managerPage.getByRole("heading", { name: "1. Aspirations" })).toBeVisible();
  const conversationUrl = new URL(managerPage.url()).pathname;

  // Both open it at once and write in different topics.
  await memberPage.goto(conversationUrl);
  await expect(memberPage.getByRole("link", { name: `Growth plan: ${planTitle}` })).toBeVisible();
  await notes(managerPage, "Aspirations").fill("Lead the design system in a year.");
  await notes(memberPage, "Strengths").fill("Facilitating workshops.");
  await expectSaved(managerPage);
  await expectSaved(memberPage);

  // Then both in the same topic, before either sees the other's: one save wins, the other
  // meets it, and keeping both loses neither text.
  const managerText = "Pair with the staff designer.";
  const memberText = "A course on accessibility.";
  await Promise.all([
    notes(managerPage, "Support needed").fill(managerText),
    notes(memberPage, "Support needed").fill(memberText),
  ]);
  const conflictOn = (target: Page) =>
    target.getByRole("dialog", { name: "Someone else saved this topic" });
  // The pages are two browser contexts: wait until one of them meets the other's save.
  await expect
    .poll(
      async () =>
        (await conflictOn(managerPage).isVisible()) || (await conflictOn(memberPage).isVisible()),
    )
    .toBe(true);
  const loser = (await conflictOn(managerPage).isVisible()) ? managerPage : memberPage;
  const dialog = conflictOn(loser);
  await expect(dialog.getByText(managerText)).toBeVisible();
  await expect(dialog.getByText(memberText)).toBeVisible();
  await dialog.getByRole("button", { name: "Keep both" }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(loser);
  for (const each of [managerPage, memberPage]) {
    await each.reload();
    const supportNotes = notes(each, "Support needed");
    await expect(supportNotes).toHaveValue(new RegExp(managerText.replace(".", "\\.")));
    await expect(supportNotes).toHaveValue(new RegExp(memberText.replace(".", "\\.")));
    await expect(notes(each, "Aspirations")).toHaveValue("Lead the design system in a year.");
    await expect(notes(each, "Strengths")).toHaveValue("Facilitating workshops.");
  }

  // Each writes a private note; the other never sees it.
  const managerSecret = `Ready for a senior role soon ${tag}`;
  const memberSecret = `Nervous about presenting ${tag}`;
  await expect(managerPage.getByText("Only you can see this", { exact: true })).toBeVisible();
  await privateNote(managerPage).fill(managerSecret);
  await privateNote(memberPage).fill(memberSecret);
  await expectSaved(managerPage);
  await expectSaved(memberPage);
  await managerPage.reload();
  await memberPage.reload();
  await expect(privateNote(managerPage)).toHaveValue(managerSecret);
  await expect(privateNote(memberPage)).toHaveValue(memberSecret);
  await expect(managerPage.getByText(memberSecret)).toHaveCount(0);
  await expect(memberPage.getByText(managerSecret)).toHaveCount(0);

  // The manager adds an item for the member, who turns it into a goal of their plan.
  const itemTitle = `Run an accessibility review ${tag}`;
  await managerPage.getByRole("button", { name: "Add an action item" }).click();
  const addItem = managerPage.getByRole("dialog", { name: "Add an action item" });
  await addItem.getByRole("textbox", { name: "What is to be done" }).fill(itemTitle);
  await expect(addItem.getByRole("radio", { name: `${member.name} (member)` })).toBeChecked();
  await addItem.getByRole("button", { name: "Add item" }).click();
  await expect(addItem).toBeHidden();
  await expect(managerPage.getByRole("listitem", { name: itemTitle })).toBeVisible();

  await memberPage.reload();
  const item = memberPage.getByRole("listitem", { name: itemTitle });
  await item.getByRole("button", { name: `Add to my plan: “${itemTitle}”` }).click();
  const toPlan = memberPage.getByRole("dialog", { name: `Add “${itemTitle}” to my plan` });
  await expect(toPlan.getByRole("radio", { name: "A new goal" })).toBeChecked();
  await toPlan.getByRole("button", { name: "Add to my plan" }).click();
  await expect(toPlan).toBeHidden();
  await expect(item.getByRole("link", { name: "A goal in the plan" })).toBeVisible();

  const plan = await memberPage.context().newPage();
  await plan.goto(`/growth-plans/${planId}`);
  await plan
    .getByRole("navigation", { name: "Plan sections" })
    .getByRole("link", { name: "Set specific goals" })
    .click();
  await expect(plan.getByRole("group", { name: `Goal 1: ${itemTitle}` })).toBeVisible();
  await plan.close();

  // The manager finishes it with the next date agreed; the member confirms.
  const nextDate = daysFromToday(120);
  await managerPage.getByRole("button", { name: "Finish" }).click();
  const finish = managerPage.getByRole("dialog", { name: "Finish the conversation" });
  const nextDateInput = finish.getByRole("textbox", { name: "Next date agreed" });
  await nextDateInput.fill(nextDate);
  await nextDateInput.press("Tab");
  await finish.getByRole("button", { name: "Finish" }).click();
  await expect(finish).toBeHidden();
  await expect(
    managerPage.getByRole("alert").filter({ hasText: "Awaiting confirmation" }),
  ).toContainText(`${member.name} has not confirmed it yet`);

  await memberPage.reload();
  await memberPage.getByRole("button", { name: "Confirm" }).click();
  const confirm = memberPage.getByRole("dialog", { name: "Confirm the conversation" });
  await confirm
    .getByRole("textbox", { name: "Comment (optional)" })
    .fill("Accurate. Thank you for the time.");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();
  await expect(memberPage.getByText("Held", { exact: true })).toBeVisible();

  // The workspace shows the report's next date; the pathway item is done.
  await managerPage.goto("/manager");
  const row = managerPage
    .getByRole("table", { name: "Direct reports" })
    .getByRole("row")
    .filter({ hasText: member.name });
  await expect(row).toContainText(await printedDate(managerPage, nextDate));
  await expect(row.getByText("Overdue", { exact: true })).toHaveCount(0);

  await memberPage.goto("/pathway");
  const quarter = memberPage.getByRole("region", { name: /^This quarter: Year 1, Q2/ });
  await expect(
    quarter.getByRole("listitem", { name: pathwayItem }).getByText("Done", { exact: true }),
  ).toBeVisible();
});
