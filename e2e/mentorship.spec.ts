import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { seriousViolations } from "./fixtures/axe.ts";
import { signedInPerson } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

/** A program for everyone, owned by the signed-in admin; returns its id. */
async function createProgram(request: APIRequestContext, name: string): Promise<string> {
  const session = await request.get("/api/auth/session");
  const { user } = (await session.json()) as { user: { id: string } };
  const response = await request.post("/api/mentorship/programs", {
    data: {
      name,
      description: "Pairs people across the company for **six months**.",
      audience: "everyone",
      ownerIds: [user.id],
      cohorts: [{ name: "Spring", startsOn: "2026-03-01", endsOn: "2026-08-31" }],
      open: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function addSkill(page: Page, label: string, skill: string) {
  const input = page.getByRole("combobox", { name: label });
  await input.fill(skill);
  await input.press("Enter");
}

async function overflowOf(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

test("a member applies, a mentor registers, the owner confirms the explained match, both see each other", async ({
  page,
  browser,
}) => {
  // Four pages checked in two themes each, beside the journey itself.
  test.setTimeout(120_000);
  const tag = uniqueTag();
  await ensureAdminSignedIn(page);
  const programName = `Company-wide mentorship ${tag}`;
  const programId = await createProgram(page.request, programName);
  const mentee = await signedInPerson(browser, page.request, {
    name: `Mina Mentee ${tag}`,
    email: `mina.${tag}@example.com`,
  });
  const mentor = await signedInPerson(browser, page.request, {
    name: `Marco Mentor ${tag}`,
    email: `marco.${tag}@example.com`,
  });

  // The mentee finds the program and applies.
  await mentee.page.goto("/learning/mentorship");
  await mentee.page.getByRole("link", { name: programName }).click();
  await expect(mentee.page.getByRole("heading", { level: 1, name: programName })).toBeVisible();
  await mentee.page
    .getByRole("textbox", { name: "Your goals" })
    .fill("Lead a customer negotiation on my own.");
  await addSkill(mentee.page, "Skills you want to develop", "Negotiation");
  await mentee.page.getByRole("button", { name: "Apply as a mentee" }).click();
  await expect(mentee.page.getByText("You applied as a mentee.")).toBeVisible();
  await expect(mentee.page.getByRole("button", { name: "Withdraw application" })).toBeVisible();

  // The mentor registers.
  await mentor.page.goto(`/learning/mentorship/${programId}`);
  await mentor.page.getByRole("tab", { name: "Sign up as a mentor" }).click();
  await addSkill(mentor.page, "Skills you can help with", "Negotiation");
  await mentor.page.getByRole("textbox", { name: "Your division" }).fill("Sales");
  await mentor.page.getByRole("button", { name: "Sign up as a mentor" }).click();
  await expect(mentor.page.getByText("You are registered as a mentor.")).toBeVisible();
  await expect(mentor.page.getByRole("cell", { name: mentor.name })).toBeVisible();

  // The owner sees the suggestion with each part of its score, and confirms it.
  await page.goto(`/learning/mentorship/${programId}`);
  const application = page.getByRole("article", { name: mentee.name });
  await expect(application.getByText("Lead a customer negotiation on my own.")).toBeVisible();
  const explanation = application.getByRole("table", {
    name: `Why ${mentor.name} for ${mentee.name}`,
  });
  await expect(
    explanation.getByRole("cell", { name: "Offers 1 skill wanted: Negotiation" }),
  ).toBeVisible();
  await expect(explanation.getByRole("cell", { name: "2 places left of 2" })).toBeVisible();
  await expect(
    explanation.getByRole("cell", { name: "No gaps from a career assessment" }),
  ).toBeVisible();
  await application
    .getByRole("button", { name: `Confirm ${mentor.name} as mentor of ${mentee.name}` })
    .click();
  await expect(application.getByText(`Matched with ${mentor.name}`)).toBeVisible();

  // Both see each other, and their agreed goals.
  await mentee.page.goto("/learning/mentorship");
  await expect(
    mentee.page.getByRole("heading", { name: `Your mentor: ${mentor.name}` }),
  ).toBeVisible();
  await mentee.page.getByRole("textbox", { name: "Agreed goals" }).fill("Meet every two weeks.");
  await mentee.page.getByRole("button", { name: "Save agreed goals" }).click();
  await expect(mentee.page.getByText("The agreed goals were saved.")).toBeVisible();
  await mentor.page.goto("/learning/mentorship");
  await expect(
    mentor.page.getByRole("heading", { name: `Your mentee: ${mentee.name}` }),
  ).toBeVisible();
  await expect(mentor.page.getByRole("textbox", { name: "Agreed goals" })).toHaveValue(
    "Meet every two weeks.",
  );

  // No serious axe violation on the new pages, in either theme.
  const problems: string[] = [];
  problems.push(...(await seriousViolations(page, "/admin/mentorship")));
  problems.push(...(await seriousViolations(page, `/learning/mentorship/${programId}`)));
  problems.push(...(await seriousViolations(mentee.page, "/learning/mentorship")));
  problems.push(...(await seriousViolations(mentee.page, `/learning/mentorship/${programId}`)));
  expect(problems).toEqual([]);
});

test("an admin creates a program with an owner and a cohort, and the owner can edit it", async ({
  page,
  browser,
}) => {
  const tag = uniqueTag();
  await ensureAdminSignedIn(page);
  const owner = await signedInPerson(browser, page.request, {
    name: `Olga Owner ${tag}`,
    email: `olga.${tag}@example.com`,
  });
  await page.goto("/admin/mentorship");
  await page.getByRole("button", { name: "New program" }).click();
  const dialog = page.getByRole("dialog", { name: "New mentorship program" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(`Women at Trellis ${tag}`);
  await dialog
    .getByRole("textbox", { name: "Description" })
    .fill("Six months, one hour a fortnight.");
  await dialog.getByRole("combobox", { name: "Add an owner" }).fill(`Olga Owner ${tag}`);
  await page
    .getByRole("option")
    .filter({ hasText: `Olga Owner ${tag}` })
    .click();
  await expect(dialog.getByRole("group", { name: "Program owners" })).toContainText(
    `Olga Owner ${tag}`,
  );
  await dialog.getByRole("button", { name: "Add a cohort" }).click();
  await dialog.getByRole("textbox", { name: "Cohort" }).fill("Autumn");
  for (const [label, day] of [
    ["Starts", "2026-09-01"],
    ["Ends", "2027-02-28"],
  ] as const) {
    const input = dialog.getByRole("textbox", { name: label });
    await input.fill(day);
    await input.press("Tab");
  }
  await dialog.getByRole("button", { name: "Create program" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Women at Trellis ${tag} was created.`)).toBeVisible();

  await owner.page.goto("/learning/mentorship");
  await owner.page.getByRole("link", { name: `Women at Trellis ${tag}` }).click();
  await expect(owner.page.getByText("Autumn:")).toBeVisible();
  await owner.page.getByRole("button", { name: "Edit program" }).click();
  const edit = owner.page.getByRole("dialog", { name: "Edit program" });
  await expect(edit.getByRole("group", { name: "Program owners" })).toHaveCount(0);
  await edit.getByRole("textbox", { name: "Name" }).fill(`Women at Trellis mentoring ${tag}`);
  await edit.getByRole("button", { name: "Save program" }).click();
  await expect(edit).toBeHidden();
  await expect(
    owner.page.getByRole("heading", { level: 1, name: `Women at Trellis mentoring ${tag}` }),
  ).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the mentorship pages fit the screen", async ({ page }) => {
    test.setTimeout(90_000);
    await ensureAdminSignedIn(page);
    const programId = await createProgram(page.request, `Phone mentorship ${uniqueTag()}`);
    const problems: string[] = [];
    for (const path of [
      "/learning/mentorship",
      `/learning/mentorship/${programId}`,
      "/admin/mentorship",
    ]) {
      problems.push(...(await seriousViolations(page, path)));
      const overflow = await overflowOf(page);
      if (overflow > 0) problems.push(`${path}: ${overflow}px wider than the screen`);
    }
    expect(problems).toEqual([]);
  });
});
