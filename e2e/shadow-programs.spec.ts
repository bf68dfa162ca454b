import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { seriousViolations } from "./fixtures/axe.ts";
import { hireDateMonthsAgo, signedInPage } from "./fixtures/pathway.ts";
import { createPerson, uniqueTag } from "./fixtures/people.ts";

// Hired 22 months ago, the member is in Year 2 · Q4 of the shipped pathway, whose item is this.
const shadowItem = "Participate in the CEO Shadow Program";

async function phoneProblems(page: Page, path: string): Promise<string[]> {
  await page.setViewportSize({ width: 390, height: 844 });
  const problems = await seriousViolations(page, path);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) problems.push(`${path}: ${overflow}px wider than a phone screen`);
  await page.setViewportSize({ width: 1280, height: 800 });
  return problems;
}

test("a member applies to a rotation, the manager and the owner approve, and completing it ticks the pathway item", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const managerId = await createPerson(page.request, {
    name: `Maya ${tag}`,
    email: `maya.${tag}@example.com`,
  });
  const ownerName = `Olu ${tag}`;
  const ownerId = await createPerson(page.request, {
    name: ownerName,
    email: `olu.${tag}@example.com`,
  });
  const memberName = `Noor ${tag}`;
  const created = await page.request.post("/api/people", {
    data: {
      name: memberName,
      email: `noor.${tag}@example.com`,
      managerId,
      hireDate: hireDateMonthsAgo(22),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const memberId = ((await created.json()) as { person: { id: string } }).person.id;

  // The admin creates the program and names its owner.
  const programName = `CEO shadow ${tag}`;
  await page.goto("/admin/shadow-programs");
  await page.getByRole("button", { name: "New program" }).click();
  const newProgram = page.getByRole("dialog", { name: "New shadow program" });
  await newProgram.getByRole("textbox", { name: "Name" }).fill(programName);
  await newProgram
    .getByRole("textbox", { name: "Description" })
    .fill("Two weeks **beside the CEO**, in every meeting.");
  await newProgram.getByRole("combobox", { name: "Add an owner" }).fill(ownerName);
  await page.getByRole("option", { name: new RegExp(ownerName) }).click();
  await expect(newProgram.getByText(ownerName, { exact: true })).toBeVisible();
  await newProgram.getByRole("button", { name: "Save program" }).click();
  await expect(newProgram).toBeHidden();
  await expect(page.getByRole("listitem", { name: programName })).toBeVisible();
  const problems = await phoneProblems(page, "/admin/shadow-programs");

  // The owner adds a rotation of one day, today, with one seat.
  const ownerPage = await signedInPage(browser, page.request, ownerId);
  const programs = await ownerPage.request.get("/api/shadow-programs");
  const program = ((await programs.json()) as { items: { id: string; name: string }[] }).items.find(
    (item) => item.name === programName,
  );
  if (!program) throw new Error("The program is missing");
  const programPath = `/learning/shadow/programs/${program.id}`;
  await ownerPage.goto(programPath);
  await ownerPage.getByRole("button", { name: "Add a rotation" }).click();
  const addRotation = ownerPage.getByRole("dialog", { name: "Add a rotation" });
  const today = new Date().toISOString().slice(0, 10);
  await addRotation.getByRole("textbox", { name: "First day" }).fill(today);
  await addRotation.getByRole("textbox", { name: "First day" }).press("Tab");
  await addRotation.getByRole("textbox", { name: "Last day" }).fill(today);
  await addRotation.getByRole("textbox", { name: "Last day" }).press("Tab");
  await addRotation.getByRole("textbox", { name: "Seats" }).fill("1");
  await addRotation.getByRole("button", { name: "Save rotation" }).click();
  await expect(addRotation).toBeHidden();
  await expect(ownerPage.getByText("0 of 1 seats taken")).toBeVisible();

  // The member applies with a motivation.
  const memberPage = await signedInPage(browser, page.request, memberId);
  await memberPage.goto("/learning/shadow");
  await memberPage.getByRole("link", { name: `Open the program ${programName}` }).click();
  await expect(memberPage.getByRole("heading", { name: programName, level: 1 })).toBeVisible();
  await memberPage.getByRole("button", { name: /^Apply to the rotation/ }).click();
  const apply = memberPage.getByRole("dialog", { name: new RegExp(`^Apply to ${programName}`) });
  await apply
    .getByRole("textbox", { name: "Motivation" })
    .fill("I want to see how strategy is made.");
  await apply.getByRole("button", { name: "Send application" }).click();
  await expect(apply).toBeHidden();
  await expect(memberPage.getByText("Waiting for the manager")).toBeVisible();
  problems.push(...(await phoneProblems(memberPage, programPath)));

  // The manager approves, with the motivation in front of them.
  const managerPage = await signedInPage(browser, page.request, managerId);
  await managerPage.goto("/learning/shadow");
  const waiting = managerPage.getByRole("region", { name: "Waiting for your decision" });
  const application = waiting.getByRole("listitem", { name: memberName });
  await expect(application.getByText("I want to see how strategy is made.")).toBeVisible();
  problems.push(...(await phoneProblems(managerPage, "/learning/shadow")));
  await application.getByRole("button", { name: `Decide on ${memberName}'s application` }).click();
  const managerDecision = managerPage.getByRole("dialog", {
    name: `${memberName}: ${programName}`,
  });
  await managerDecision.getByRole("radio", { name: "Approve" }).check();
  await managerDecision.getByRole("textbox", { name: "Note for the applicant" }).fill("Enjoy it");
  await managerDecision.getByRole("button", { name: "Save decision" }).click();
  await expect(managerDecision).toBeHidden();
  await expect(waiting).toBeHidden();

  // The owner gives the seat, then marks the rotation completed.
  await ownerPage.reload();
  const ownersView = ownerPage.getByRole("listitem", { name: memberName });
  await expect(ownersView.getByText("Waiting for the program owner")).toBeVisible();
  await ownersView.getByRole("button", { name: `Decide on ${memberName}'s application` }).click();
  const ownerDecision = ownerPage.getByRole("dialog", { name: `${memberName}: ${programName}` });
  await ownerDecision.getByRole("button", { name: "Save decision" }).click();
  await expect(ownerDecision).toBeHidden();
  await expect(ownersView.getByText("Seat confirmed")).toBeVisible();
  await expect(ownerPage.getByText("1 of 1 seats taken")).toBeVisible();
  await ownersView
    .getByRole("button", { name: `Mark completed: ${memberName}'s rotation` })
    .click();
  await expect(ownersView.getByText("Completed", { exact: true })).toBeVisible();

  // The member's shadow-program item of this quarter is done.
  await memberPage.goto("/learning/shadow");
  const mine = memberPage.getByRole("region", { name: "My applications" });
  await expect(
    mine.getByRole("listitem", { name: programName }).getByText("Completed"),
  ).toBeVisible();
  problems.push(...(await phoneProblems(memberPage, "/learning/shadow")));
  await memberPage.goto("/pathway");
  const quarter = memberPage.getByRole("region", { name: /^This quarter: Year 2, Q4/ });
  const item = quarter.getByRole("listitem", { name: shadowItem });
  await expect(item.getByText("Done", { exact: true })).toBeVisible();

  expect(problems).toEqual([]);
});
