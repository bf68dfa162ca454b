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
