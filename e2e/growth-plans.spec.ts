import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import {
  createPlanThroughApi,
  expectSaved,
  memberWithManager,
  saveStatus,
} from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

async function openStep(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Plan sections" }).getByRole("link", { name }).click();
}

async function logEnergy(page: Page, level: string, activity: string, tag: string) {
  const form = page.getByRole("form", { name: "Log your energy" });
  await form.getByRole("radio", { name: level }).check();
  await form.getByRole("textbox", { name: "What were you doing?" }).fill(activity);
  const tags = form.getByRole("combobox", { name: "Tags (optional)" });
  await tags.fill(tag);
  await tags.press("Enter");
  await form.getByRole("button", { name: "Log entry" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: activity }).first()).toBeVisible();
}

async function addGoal(page: Page, number: number, skill: string, step: string, dueOn: string) {
  await page.getByRole("button", { name: "Add goal" }).click();
  const goal = page.getByRole("group", { name: `Goal ${number}`, exact: true });
  await goal.getByRole("textbox", { name: "Skill/Behavior" }).fill(skill);
  const named = page.getByRole("group", { name: `Goal ${number}: ${skill}` });
  await named.getByRole("button", { name: /^Add action step/ }).click();
  await named.getByRole("textbox", { name: "Action step 1", exact: true }).fill(step);
  // A picked date saves at once.
  const saving = page.waitForResponse(
    (response) => response.request().method() === "PUT" && /\/goals\//.test(response.url()),
  );
  const due = named.getByLabel("Due date of action step 1");
  await due.fill(dueOn);
  // Leaving the field closes its calendar.
  await due.blur();
  await saving;
  await expectSaved(page);
}

test("a member plans, journals, sets goals and shares them; their manager comments", async ({
  page,
  browser,
}) => {
  // Three people, two browsers and a walk through every step of the plan.
  test.setTimeout(120_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const { member, manager } = await memberWithManager(browser, page.request, tag);
  const me = member.page;
  const title = `Towards management ${tag}`;

  // Start from the "aspiring manager" template.
  await me.goto("/");
  await me
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Growth plan" })
    .click();
  await me.getByRole("button", { name: "New plan" }).click();
  const dialog = me.getByRole("dialog", { name: "Start a growth plan" });
  await dialog.getByRole("textbox", { name: "Title" }).fill(title);
  await expect(dialog.getByText("Explore whether people management is for you")).toBeVisible();
  await dialog.getByRole("radio", { name: /Aspiring manager/ }).click();
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await expect(me.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  // Section 1: the reflection prompts.
  await me
    .getByRole("textbox", { name: "What energizes you?" })
    .fill("Helping **new teammates** grow");
  await me.getByRole("textbox", { name: "What drains your energy?" }).fill("Long status meetings");
  await expect(saveStatus(me)).toHaveText("Saving…");
  await expectSaved(me);
  await me.getByRole("button", { name: "Preview of What energizes you?" }).click();
  await expect(
    me.getByRole("region", { name: "Preview of What energizes you?" }).getByText("new teammates"),
  ).toBeVisible();

  // The energy journal: three quick entries and the weekly chart.
  await openStep(me, "Energy journal");
  await logEnergy(me, "5 Energized", "Pairing with a new hire", "mentoring");
  await logEnergy(me, "2 Low", "Status meeting", "meetings");
  await logEnergy(me, "4 Good", "Planning the sprint", "meetings");
  await expect(
    me.getByRole("img", { name: /Line chart of average energy per week/ }),
  ).toBeVisible();
  await expect(
    me.getByRole("row", { name: /Pairing with a new hire 5\.0 \(1\) Energizes/ }),
  ).toBeVisible();

  // Section 3: the template's goals plus three of my own, each with an action step.
  await openStep(me, "Set specific goals");
  await expect(
    me.getByRole("group", { name: "Goal 1: Coaching and giving feedback" }),
  ).toBeVisible();
  const goalCount = await me.getByRole("group", { name: /^Goal \d+/ }).count();
  const goals = [
    { skill: `Running 1:1s ${tag}`, step: "Ask my manager to shadow two 1:1s" },
    { skill: `Delegation ${tag}`, step: "Hand over the release checklist" },
    { skill: `Hiring interviews ${tag}`, step: "Complete interviewer training" },
  ];
  for (const [index, goal] of goals.entries()) {
    await addGoal(me, goalCount + index + 1, goal.skill, goal.step, `2031-0${index + 1}-15`);
  }

  // Share Section 3 with my manager; Section 1 stays private.
  await me.getByRole("button", { name: "Sharing" }).click();
  const sharing = me.getByRole("dialog", { name: "Who can read this plan" });
  await expect(
    sharing.getByRole("checkbox", { name: `Section 1 shared with your manager, ${manager.name}` }),
  ).not.toBeChecked();
  await expect(sharing.getByText("Only you see Section 1 and the energy journal.")).toBeVisible();
  await sharing
    .getByRole("checkbox", { name: `Section 3 shared with your manager, ${manager.name}` })
    .check();
  await sharing.getByRole("button", { name: "Save sharing" }).click();
  await expect(sharing).toBeHidden();
  await expect(
    me
      .getByRole("region", { name: "Section 3: Set specific goals" })
      .getByText(`Shared with your manager (${manager.name})`),
  ).toBeVisible();

  // The manager reads Section 3 (not Section 1) and comments on it.
  const boss = manager.page;
  await boss.goto("/");
  await boss
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Shared with me" })
    .click();
  await boss.getByRole("link", { name: title }).click();
  await expect(boss.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(boss.getByRole("heading", { name: "Section 3: Set specific goals" })).toBeVisible();
  await expect(boss.getByText(goals[1]?.skill ?? "")).toBeVisible();
  await expect(
    boss.getByRole("heading", { name: "Section 1: Discover your inspiration" }),
  ).toHaveCount(0);
  await expect(boss.getByText("Long status meetings")).toHaveCount(0);
  const comment = `Great list. Let us start with delegation ${tag}.`;
  const bossComments = boss.getByRole("region", { name: "Comments on Section 3" });
  await bossComments.getByRole("button", { name: "Add comment" }).click();
  await bossComments.getByRole("textbox", { name: "Add a comment on Section 3" }).fill(comment);
  await bossComments.getByRole("button", { name: "Post comment" }).click();
  await expect(boss.getByText(comment)).toBeVisible();

  // The member sees the comment, resolves it and ticks an action step off.
  await me.reload();
  const comments = me.getByRole("region", { name: "Comments on Section 3" });
  await expect(comments.getByText(comment)).toBeVisible();
  await comments.getByRole("button", { name: `Resolve the comment by ${manager.name}` }).click();
  await expect(comments.getByRole("button", { name: "Show 1 resolved" })).toBeVisible();
  await me
    .getByRole("group", { name: `Goal ${goalCount + 2}: ${goals[1]?.skill}` })
    .getByRole("checkbox", { name: `Done: ${goals[1]?.step}` })
    .check();
  // A tick-off is saved at once, without waiting for a pause in typing.
  await expectSaved(me);

  // The Markdown export holds the handbook's goals table.
  await me.getByRole("button", { name: "Export" }).click();
  const downloading = me.waitForEvent("download");
  await me.getByRole("menuitem", { name: "Markdown (.md)" }).click();
  const download = await downloading;
  const markdown = await readFile(await download.path(), "utf8");
  expect(markdown).toContain(
    "| Skill/Behavior | What resources/support do you need? | How will this support your career goals? | List 1-2 measurable and achievable action steps | How will you engage your network? | Anticipated Challenges |",
  );
  expect(markdown).toMatch(
    new RegExp(`\\| Delegation ${tag} \\|.*☑ Hand over the release checklist \\(due 2031-02-15\\)`),
  );

  await me.context().close();
  await boss.context().close();
});

test("a second tab saving the same section sees the conflict instead of overwriting", async ({
  page,
  browser,
}) => {
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const { member, manager } = await memberWithManager(browser, page.request, tag);
  await manager.page.context().close();
  const planId = await createPlanThroughApi(member.page.request, { title: `Two tabs ${tag}` });

  const first = member.page;
  const second = await first.context().newPage();
  await first.goto(`/growth-plans/${planId}?step=role`);
  await second.goto(`/growth-plans/${planId}?step=role`);
  const timeFrame = (tab: Page) => tab.getByRole("textbox", { name: "Time frame" });
  await expect(timeFrame(second)).toBeVisible();

  await timeFrame(first).fill("Within 12 months");
  await expect(saveStatus(first)).toHaveText("Saving…");
  await expectSaved(first);

  await timeFrame(second).fill("Two years");
  const conflict = second.getByRole("dialog", {
    name: "Section 2: Clarify your role was changed elsewhere",
  });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Within 12 months")).toBeVisible();
  await expect(conflict.getByText("Two years")).toBeVisible();
  await expect(saveStatus(second)).toHaveText("Changed elsewhere — choose a version");

  // Nothing was overwritten while the choice is open.
  const stored = await first.request.get(`/api/growth-plans/${planId}`);
  const view = (await stored.json()) as { sections: { role: { content: { timeFrame: string } } } };
  expect(view.sections.role.content.timeFrame).toBe("Within 12 months");

  await conflict.getByRole("button", { name: "Keep mine" }).click();
  await expect(conflict).toBeHidden();
  await expectSaved(second);
  await first.reload();
  await expect(timeFrame(first)).toHaveValue("Two years");
  await first.context().close();
});
